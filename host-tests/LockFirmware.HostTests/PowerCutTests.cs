using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Virtual;
using Xunit.Abstractions;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 6's proof: a scripted workload (unlocks, locks, a jam, a battery change, status,
/// syncs) is cut at every flash position — every byte of every program and every erase —
/// then the lock reboots on the same flash. Each time: every audit record reported stored
/// is there once and in order, no torn record is accepted, the safety state is the old
/// copy or the new one, and the lock still works.
/// </summary>
public class PowerCutTests
{
    // A small chip so the workload wraps the audit ring and switches config sectors.
    private const int Sectors = 10; // 6 for the states and the identity, 4 for the ring
    private const int SectorSize = 512;

    private readonly ITestOutputHelper _output;

    public PowerCutTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private sealed record Write(int Address, byte[] Bytes, long CompletedAt);

    private static VirtualFlash NewFlash() => new(Sectors, SectorSize, seed: 7);

    /// <summary>The workload; returns normally or throws PowerCutException when an armed cut strikes.</summary>
    private static void Workload(VirtualFlash flash)
    {
        var setup = new LockSetup { Flash = flash, StartFraction = 0 };
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        for (int round = 0; round < 8; round++)
        {
            phone.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(4_000);
            for (int i = 0; i < 4; i++)
            {
                phone.Send(sim.Now, Opcode.Status);
                sim.RunFor(100);
            }
            if (round == 1)
            {
                sim.Physics.JamAt = 1.0;
            }

            phone.Send(sim.Now, Opcode.Lock);
            sim.RunFor(12_000);
            sim.Physics.JamAt = null;
            SimulatedPhone.Staff(sim, secret: new byte[32]).Send(sim.Now, Opcode.Unlock); // refused, logged
            sim.RunFor(100);
            sim.At(sim.Now, () => sim.Core.Acknowledge(sim.Core.AuditLog.NextSequence - 2));
            sim.RunFor(100);
        }

        phone.Send(sim.Now, Opcode.RegisterBatteryChange);
        sim.RunFor(100);
    }

    private static (List<Write> Records, List<Write> States, long Positions) Reference()
    {
        VirtualFlash flash = NewFlash();
        var records = new List<Write>();
        var states = new List<Write>();
        byte[] copy = new byte[256];
        flash.Programmed += (address, count, after) =>
        {
            flash.Read(address, copy, 0, count);
            bool audit = address >= StorageLayout.AuditFirstSector * SectorSize;
            bool header = address % SectorSize == 0;
            if (audit && !header)
            {
                records.Add(new Write(address, copy[..count], after));
            }
            else if (address < StorageLayout.PairingFirstSector * SectorSize)
            {
                states.Add(new Write(address, copy[..count], after));
            }
        };
        Workload(flash);
        return (records, states, flash.Operations);
    }

    [Fact]
    public void Every_cut_position_of_the_workload_keeps_the_guarantees()
    {
        var (records, states, positions) = Reference();
        int ring = (Sectors - StorageLayout.AuditFirstSector) * (SectorSize / AuditRecord.Size - 1);
        Assert.True(records.Count > ring, $"the workload must wrap the audit ring ({records.Count} appends)");
        Assert.True(states.Count > 2 * (SectorSize / StorageLayout.SafetySlotSize), "the workload must switch config sectors");

        // Every position is independent: spread them over the cores.
        System.Threading.Tasks.Parallel.For(0, positions, cut =>
        {
            VirtualFlash flash = NewFlash();
            flash.CutPowerAt(cut);
            Assert.Throws<PowerCutException>(() => Workload(flash));
            flash.Disarm();
            CheckAfterCut(flash, cut, records, states);
        });

        _output.WriteLine($"{positions} cut positions covered ({records.Count} audit appends, {states.Count} state saves)");
    }

    private static void CheckAfterCut(VirtualFlash flash, long cut, List<Write> records, List<Write> states)
    {
        // Safety state: the last copy completed before the cut, or the one being written when
        // the cut struck its very last byte and that byte happened to land whole.
        var config = new ConfigStore(flash, StorageLayout.SafetyFirstSector, StorageLayout.SafetySlotSize);
        byte[] payload = new byte[config.PayloadSize];
        bool found = config.Mount(payload);
        Write? oldState = states.LastOrDefault(s => s.CompletedAt <= cut);
        Write? newState = states.FirstOrDefault(s => s.CompletedAt > cut);
        var allowed = new[] { oldState, newState }.Where(s => s != null).Select(s => s!.Bytes.AsSpan(8, payload.Length).ToArray());
        if (found)
        {
            Assert.Contains(allowed, a => a.SequenceEqual(payload));
            Assert.True(oldState != null || newState!.CompletedAt == cut + 1, $"cut {cut}: a state appeared before any was saved");
        }
        else
        {
            Assert.True(oldState == null, $"cut {cut}: the saved state was lost");
        }

        // Audit: what was reported stored is there once, in order; nothing else but real records.
        var log = new AuditLog(flash, StorageLayout.AuditFirstSector, Sectors - StorageLayout.AuditFirstSector);
        log.Mount();
        byte[] buffer = new byte[64 * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, 64);
        var present = new List<uint>();
        for (int i = 0; i < count; i++)
        {
            byte[] record = buffer.AsSpan(i * AuditRecord.Size, AuditRecord.Size).ToArray();
            uint sequence = AuditRecord.Sequence(record, 0);
            Assert.Contains(records, r => r.Bytes.SequenceEqual(record));
            present.Add(sequence);
        }

        Assert.Equal(present.OrderBy(s => s).Distinct(), present);
        var stored = records.Where(r => r.CompletedAt <= cut).Select(r => AuditRecord.Sequence(r.Bytes, 0)).ToList();
        if (present.Count > 0)
        {
            // Older records may have been overwritten by the ring (counted as dropped when unacknowledged).
            var stillExpected = stored.Where(s => s >= present[0]);
            Assert.All(stillExpected, s => Assert.Contains(s, present));
        }
        else
        {
            Assert.Empty(stored);
        }

        // And the lock works: it boots on this flash and unlocks.
        var setup = new LockSetup { Flash = flash, StartFraction = 0 };
        var sim = new SimulatedLock(setup);
        SimulatedPhone.Staff(sim).Send(sim.Now, Opcode.Unlock);
        sim.RunFor(6_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
    }
}
