using System;
using System.Collections.Generic;
using LockFirmware;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Storage;
using LockSimulator.Server.Contracts;
using LockSimulator.Tracing;

namespace LockSimulator.Server.Views;

/// <summary>Audit records (Storage/AuditRecord.cs) as structured JSON, with the back office's line from <see cref="AuditText"/>.</summary>
internal static class AuditViews
{
    /// <summary>Bit 31 of the time: seconds since boot, the clock being unknown (docs/PROTOCOL.md, "Time").</summary>
    private const uint SinceBootFlag = 0x8000_0000;

    public static AuditView Of(AuditLog log, uint since)
    {
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(since, buffer, log.Capacity);
        return new AuditView(log.NextSequence, log.AcknowledgedUpTo, log.Dropped, Decode(buffer, 0, count));
    }

    /// <summary>User id of the last Command record, or null when no command ran.</summary>
    public static uint? LastUser(AuditLog log)
    {
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        for (int i = count - 1; i >= 0; i--)
        {
            if ((AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset] == AuditEvent.Command)
            {
                return Bytes.ReadUInt32(buffer, i * AuditRecord.Size + AuditRecord.UserIdOffset);
            }
        }

        return null;
    }

    public static AuditRecordView[] Decode(byte[] buffer, int offset, int count)
    {
        var records = new List<AuditRecordView>(count);
        for (int i = 0; i < count; i++)
        {
            records.Add(Decode(buffer, offset + i * AuditRecord.Size));
        }

        return records.ToArray();
    }

    private static AuditRecordView Decode(byte[] b, int at)
    {
        uint time = Bytes.ReadUInt32(b, at + AuditRecord.TimeOffset);
        var kind = (AuditEvent)b[at + AuditRecord.EventOffset];
        byte result = b[at + AuditRecord.ResultOffset];
        uint detail = Bytes.ReadUInt32(b, at + AuditRecord.DetailOffset);
        bool sinceBoot = (time & SinceBootFlag) != 0;
        return new AuditRecordView
        {
            Sequence = AuditRecord.Sequence(b, at),
            Time = sinceBoot ? time & ~SinceBootFlag : time,
            TimeSinceBoot = sinceBoot,
            At = sinceBoot ? null : DateTimeOffset.FromUnixTimeSeconds(time),
            Event = kind.ToString(),
            Result = ResultName(kind, result),
            BatteryMillivolts = Bytes.ReadUInt16(b, at + AuditRecord.BatteryMillivoltsOffset),
            KeyId = Bytes.ReadUInt32(b, at + AuditRecord.KeyIdOffset),
            UserId = Bytes.ReadUInt32(b, at + AuditRecord.UserIdOffset),
            MotorOnTimeMs = Bytes.ReadUInt16(b, at + AuditRecord.MotorOnTimeOffset),
            Detail = DetailName(kind, detail),
            Text = AuditText.Describe(b, at),
        };
    }

    /// <summary>What the result byte means depends on the event (Storage/AuditEvent.cs).</summary>
    private static string ResultName(AuditEvent kind, byte result) => kind switch
    {
        AuditEvent.Command or AuditEvent.Refused => ((ResultCode)result).ToString(),
        AuditEvent.MoveFinished => ((LockState)result).ToString(),
        AuditEvent.SelfTest => ((SelfTestOutcome)result).ToString(),
        AuditEvent.GasRisk => ((GasRiskCause)result).ToString(),
        _ => result.ToString(),
    };

    private static string DetailName(AuditEvent kind, uint detail) => kind switch
    {
        AuditEvent.Command or AuditEvent.Refused when detail <= byte.MaxValue => ((Opcode)detail).ToString(),
        AuditEvent.MoveFinished => ((MotorAlarm)detail).ToString(),
        AuditEvent.SelfTest => ((GasRiskCause)detail).ToString(),
        _ => detail.ToString(),
    };
}
