using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Scenarios;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 21, many customers behind one door: a port unit's audit ring keeps every visit of a
/// busy day at a 60-flat building with staff of two organisations, none acknowledged, each
/// record saying who opened and when.
/// </summary>
public class PortCapacityTests
{
    /// <summary>
    /// Records one visit through the port writes: the Unlock command, the release, the
    /// confirmed entry, the engage after the door closed.
    /// </summary>
    private const int RecordsPerVisit = 4;

    /// <summary>
    /// A busy day: 25 of the 60 flats with home care at four visits a day, and 10 home health
    /// care visits (DOMAIN.md: two organisations open the same locks).
    /// </summary>
    private const int VisitsPerDay = 25 * 4 + 10;

    [Fact]
    public void A_busy_days_visits_by_two_organisations_stay_in_the_audit_ring_unacknowledged_with_who_and_when()
    {
        var sim = new SimulatedLock(new LockSetup { Kind = UnitKind.Port });
        for (int visit = 0; visit < VisitsPerDay; visit++)
        {
            bool homeHealthCare = visit % 11 == 10;
            uint keyId = (uint)(homeHealthCare ? 2_000 + visit : 1_000 + visit % 40);
            long at = 10_000 + visit * 60_000L;
            SimulatedPhone.Staff(sim, keyId: keyId, userId: keyId + 100_000).Send(at, Opcode.Unlock);
            PortDemoScenario.PushDoor(sim, at + 2_000, openForMs: 3_000);
        }

        sim.RunUntil(10_000 + VisitsPerDay * 60_000L);

        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        Assert.Equal(0u, log.Dropped);
        Assert.True(count >= VisitsPerDay * RecordsPerVisit, $"{count} records kept");
        Assert.True(log.Capacity >= 2 * VisitsPerDay * RecordsPerVisit, $"the ring holds {log.Capacity} records: under two busy days");
        var commands = Enumerable.Range(0, count)
            .Select(i => i * AuditRecord.Size)
            .Where(o => (AuditEvent)buffer[o + AuditRecord.EventOffset] == AuditEvent.Command)
            .ToArray();
        Assert.Equal(VisitsPerDay, commands.Length);
        Assert.Equal(VisitsPerDay, Enumerable.Range(0, count).Count(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset] == AuditEvent.Entry));
        Assert.All(commands, o => Assert.Equal(Bytes.ReadUInt32(buffer, o + AuditRecord.KeyIdOffset) + 100_000, Bytes.ReadUInt32(buffer, o + AuditRecord.UserIdOffset)));
    }
}
