using LockFirmware;
using System;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;

namespace LockSimulator.Tracing;

/// <summary>Says in words what a skeleton BLE frame carries (for timelines and logs).</summary>
public static class NoticeText
{
    public static string Describe(string signal, string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        if (bytes.Length == 0)
        {
            return "(empty)";
        }

        if (signal == Signals.BleIn)
        {
            return bytes.Length >= CommandFrame.MinLength
                ? $"({(Opcode)bytes[0]} #{Bytes.ReadUInt32(bytes, CommandFrame.CounterOffset)})"
                : "(too short)";
        }

        return bytes[0] switch
        {
            NoticeKind.StateChanged when bytes.Length >= 4 =>
                $"(event: state {(LockState)bytes[1]}, alarm {(MotorAlarm)bytes[2]}, battery {(BatteryLevel)bytes[3]})",
            NoticeKind.SelfTestFinished when bytes.Length >= 4 =>
                $"(event: self-test {(SelfTestOutcome)bytes[1]}, {bytes[2] | bytes[3] << 8} mV under load)",
            _ when (bytes[0] & NoticeKind.ResponseFlag) != 0 && bytes.Length >= 6 =>
                $"(response to {(Opcode)(bytes[0] & 0x7F)} #{Bytes.ReadUInt32(bytes, 2)}: {(ResultCode)bytes[1]})",
            _ => "(unknown)",
        };
    }
}
