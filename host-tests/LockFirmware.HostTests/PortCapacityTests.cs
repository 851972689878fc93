using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Scenarios;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 21, many customers behind one door: a port unit's audit ring keeps every visit of a
/// busy day and of a worst-case day at a 60-flat building with staff of two organisations, none
/// acknowledged, each record saying who opened and when; its files at their fullest fit the partition.
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

    /// <summary>
    /// The worst case of hardware/boards/port-unit.md, "Capacity for a building": every one of
    /// the 60 flats with home care at 4 visits, and 20 home health care visits.
    /// </summary>
    private const int WorstVisitsPerDay = 60 * 4 + 20;

    [Fact]
    public void A_worst_case_day_outgrows_a_door_units_ring_but_stays_whole_in_a_port_units()
    {
        var sim = new SimulatedLock(new LockSetup { Kind = UnitKind.Port });
        for (int visit = 0; visit < WorstVisitsPerDay; visit++)
        {
            uint keyId = (uint)(visit % 13 == 12 ? 2_000 + visit % 20 : 1_000 + visit % 60);
            long at = 10_000 + visit * 60_000L;
            SimulatedPhone.Staff(sim, keyId: keyId, userId: keyId + 100_000).Send(at, Opcode.Unlock);
            PortDemoScenario.PushDoor(sim, at + 2_000, openForMs: 3_000);
        }

        sim.RunUntil(10_000 + WorstVisitsPerDay * 60_000L);

        AuditLog log = sim.Core.AuditLog;
        int doorRing = (StorageLayout.AuditSegments - 1) * StorageLayout.AuditRecordsPerSegment;
        Assert.True(WorstVisitsPerDay * RecordsPerVisit > doorRing, "a door unit's ring would hold the day");
        Assert.Equal((StorageLayout.BuildingAuditSegments - 1) * StorageLayout.AuditRecordsPerSegment, log.Capacity);
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        Assert.Equal(0u, log.Dropped);
        Assert.True(count >= WorstVisitsPerDay * RecordsPerVisit, $"{count} records kept");
        Assert.Equal(WorstVisitsPerDay, Enumerable.Range(0, count).Count(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset] == AuditEvent.Entry));
    }

    /// <summary>
    /// A port unit's files at their fullest (every audit segment full, 256 revocations in both
    /// copies, both copies of each state) on the simulator's LittleFS model: 73 of the
    /// partition's 4 KiB blocks (a door unit's: 37), a small part of the 2 MiB config partition of nanoFramework's
    /// 8 MB ESP32-S3 table (hardware/boards/port-unit.md, "Capacity for a building").
    /// </summary>
    [Theory]
    [InlineData(2 * 1024 * 1024, true)]
    [InlineData(80 * 4096, true)]
    [InlineData(64 * 4096, false)]
    public void A_port_units_files_at_their_fullest_fit_in_80_blocks_but_not_in_64(int partitionBytes, bool fits)
    {
        var files = new VirtualFileSystem(partitionBytes: partitionBytes);
        var memory = new LockMemory(files, StorageLayout.BuildingAuditSegments, RevocationList.BuildingCapacity);
        memory.Mount();
        for (uint key = 1; key <= RevocationList.BuildingCapacity; key++)
        {
            memory.Revoked.Add(key);
        }

        bool all = memory.Save() && memory.Save() && memory.SavePairing() && memory.SavePairing()
            && memory.SaveRevocations() && memory.SaveRevocations();
        for (int i = 0; i < StorageLayout.BuildingAuditSegments * StorageLayout.AuditRecordsPerSegment; i++)
        {
            all &= memory.Audit.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, (uint)i) != 0;
        }

        Assert.Equal(fits, all);
    }
}
