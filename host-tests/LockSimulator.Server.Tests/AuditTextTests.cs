using System;
using LockFirmware;
using LockFirmware.Storage;
using LockSimulator.Server.Views;
using LockSimulator.Tracing;

namespace LockSimulator.Server.Tests;

/// <summary>Audit records as the back office reads them: every kind by name, times without the clock-unknown flag.</summary>
public class AuditTextTests
{
    [Fact]
    public void Every_record_kind_has_a_name_and_times_show_no_flag_bits()
    {
        foreach (AuditEvent kind in Enum.GetValues<AuditEvent>())
        {
            byte[] record = Record(kind, time: 0x8000_0000u | 42);
            string text = AuditText.Describe(record, 0);
            Assert.DoesNotContain("event ", text);
            Assert.Contains("boot+    42 s", text);
            var view = AuditViews.Decode(record, 0, 1)[0];
            Assert.Equal((42u, true, null), (view.Time, view.TimeSinceBoot, view.At));
            Assert.Equal(kind.ToString(), view.Event);
        }

        Assert.Contains("2026-01-05 07:00:00", AuditText.Describe(Record(AuditEvent.Boot, time: 1767596400), 0));
    }

    [Fact]
    public void A_command_record_says_who_sent_it_and_a_record_without_a_credential_names_nobody()
    {
        byte[] command = Record(AuditEvent.Command, time: 1767596400);
        Bytes.WriteUInt32(command, AuditRecord.UserIdOffset, 42);
        Bytes.WriteUInt32(command, AuditRecord.KeyIdOffset, 7);
        Bytes.WriteUInt32(command, AuditRecord.DetailOffset, (uint)LockFirmware.Ble.Opcode.Unlock);
        Assert.Contains("2026-01-05 07:00:00  command Unlock: Ok, user 42 key 7", AuditText.Describe(command, 0));
        Assert.DoesNotContain("user", AuditText.Describe(Record(AuditEvent.Boot, time: 1767596400), 0));
    }

    private static byte[] Record(AuditEvent kind, uint time)
    {
        byte[] record = new byte[AuditRecord.Size];
        Bytes.WriteUInt32(record, AuditRecord.TimeOffset, time);
        record[AuditRecord.EventOffset] = (byte)kind;
        return record;
    }
}
