using System;
using System.Globalization;
using LockFirmware;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Storage;

namespace LockSimulator.Tracing;

/// <summary>One audit record in words, as the back office would show it.</summary>
public static class AuditText
{
    private const uint SinceBootFlag = 0x8000_0000;

    public static string Describe(byte[] buffer, int offset)
    {
        uint sequence = AuditRecord.Sequence(buffer, offset);
        uint time = Bytes.ReadUInt32(buffer, offset + AuditRecord.TimeOffset);
        var kind = (AuditEvent)buffer[offset + AuditRecord.EventOffset];
        byte result = buffer[offset + AuditRecord.ResultOffset];
        int millivolts = Bytes.ReadUInt16(buffer, offset + AuditRecord.BatteryMillivoltsOffset);
        uint detail = Bytes.ReadUInt32(buffer, offset + AuditRecord.DetailOffset);
        int onTime = Bytes.ReadUInt16(buffer, offset + AuditRecord.MotorOnTimeOffset);
        string what = kind switch
        {
            AuditEvent.Command => $"command {(Opcode)detail}: {(ResultCode)result}{Who(buffer, offset)}",
            AuditEvent.MoveFinished => $"move finished: {(LockState)result}, alarm {(MotorAlarm)detail}, motor on {onTime} ms",
            AuditEvent.SelfTest => $"self-test: {(SelfTestOutcome)result}",
            AuditEvent.BatteryChanged => "battery change registered",
            AuditEvent.GasRisk => $"GAS RISK: {(GasRiskCause)result}",
            AuditEvent.Boot => "boot",
            AuditEvent.Refused => $"refused {(Opcode)detail}: {(ResultCode)result}",
            AuditEvent.Tamper => $"TAMPER: {detail} failed authentications in a row",
            AuditEvent.Paired => $"paired as lock {detail}",
            AuditEvent.Unpaired => $"unpaired (was lock {detail}): back to stock",
            AuditEvent.AutoRelock => "auto-relock",
            AuditEvent.MemoryReset => $"MEMORY RESET: files {(StorageHealth)result} at power-up; unpaired until paired again",
            AuditEvent.Fault => $"software fault contained: {(LockFirmware.Safety.FaultKind)result} (fault {detail})",
            AuditEvent.Entry => $"entry confirmed: the door opened {detail} ms after the release",
            AuditEvent.DoorHeldOpen => $"DOOR HELD OPEN: open longer than {detail / 1000} s",
            AuditEvent.MainsLost => $"MAINS LOST: on the backup pack ({(BatteryLevel)result})",
            AuditEvent.MainsRestored => $"mains back after {detail} s (backup {(BatteryLevel)result})",
            AuditEvent.BackupLow => $"BACKUP LOW: the backup pack is {(BatteryLevel)result}",
            _ => $"event {(byte)kind}",
        };
        string battery = millivolts > 0 ? $", battery {millivolts} mV" : "";
        return string.Create(CultureInfo.InvariantCulture, $"#{sequence,-5} {When(time)}  {what}{battery}");
    }

    /// <summary>Who sent a command: the credential's user and key (zero on records no credential made).</summary>
    private static string Who(byte[] buffer, int offset)
    {
        uint user = Bytes.ReadUInt32(buffer, offset + AuditRecord.UserIdOffset);
        uint key = Bytes.ReadUInt32(buffer, offset + AuditRecord.KeyIdOffset);
        return user == 0 && key == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", user {user} key {key}");
    }

    /// <summary>
    /// Bit 31 of the time marks seconds since boot while the clock was unknown
    /// (docs/PROTOCOL.md, "Time"): shown as such, never as a date decades away.
    /// </summary>
    private static string When(uint time) => (time & SinceBootFlag) != 0
        ? string.Create(CultureInfo.InvariantCulture, $"boot+{time & ~SinceBootFlag,6} s     ")
        : DateTimeOffset.FromUnixTimeSeconds(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
