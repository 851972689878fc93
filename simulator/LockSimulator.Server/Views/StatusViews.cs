using LockFirmware;
using LockFirmware.Battery;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Views;

/// <summary>The Status command's payload (Ble/Notices.cs, WriteStatus), decoded as a phone would.</summary>
internal static class StatusViews
{
    public static StatusView? Decode(byte[] p)
    {
        if (p.Length < LockFirmware.Ble.Notices.StatusLength)
        {
            return null;
        }

        return new StatusView(
            ((LockState)p[0]).ToString(),
            ((MotorAlarm)p[1]).ToString(),
            ((BatteryLevel)p[2]).ToString(),
            ((SelfTestOutcome)p[3]).ToString(),
            Bytes.ReadUInt16(p, 4),
            Bytes.ReadUInt16(p, 6),
            WarningNames.View(p[8] | (p[13] << 8)),
            ((GasRiskCause)p[9]).ToString(),
            p[10] >> 4,
            p[10] & 0x0F,
            ((UnitKind)p[12]).ToString().ToLowerInvariant());
    }
}
