using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 6's long random run: random commands, syncs and battery changes with power cuts at
/// random flash positions, rebooting on the same flash each time. Whatever happened, the log
/// holds only records that were really written, in order, without gaps among the newest,
/// and the lock keeps working.
/// </summary>
public class RandomPowerCutTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_workload_with_random_cuts_keeps_the_log_and_the_lock_sound(int seed)
    {
        var random = new Random(seed);
        var flash = new VirtualFlash(10, 512, seed: seed);
        var written = new Dictionary<uint, byte[]>();
        var stored = new List<uint>();
        byte[] copy = new byte[AuditRecord.Size];
        flash.Programmed += (address, count, _) =>
        {
            if (address >= StorageLayout.AuditFirstSector * 512 && address % 512 != 0)
            {
                flash.Read(address, copy, 0, count);
                uint sequence = AuditRecord.Sequence(copy, 0);
                written[sequence] = (byte[])copy.Clone();
                stored.Add(sequence);
            }
        };

        int cuts = 0;
        for (int life = 0; life < 80; life++)
        {
            flash.CutPowerAt(flash.Operations + random.Next(1, 3_000));
            var setup = new LockSetup { Flash = flash, StartFraction = random.NextDouble() };
            try
            {
                var sim = new SimulatedLock(setup);
                SimulatedPhone phone = SimulatedPhone.Staff(sim);
                for (int step = 0; step < 20; step++)
                {
                    Opcode opcode = random.Next(5) switch
                    {
                        0 => Opcode.Unlock,
                        1 => Opcode.Lock,
                        2 => Opcode.Status,
                        3 => Opcode.RegisterBatteryChange,
                        _ => Opcode.AcknowledgeAudit,
                    };
                    byte[] payload = BitConverter.GetBytes(Math.Max(1u, sim.Core.AuditLog.NextSequence - 3));
                    phone.Send(sim.Now, opcode, opcode == Opcode.AcknowledgeAudit ? payload : null);
                    sim.RunFor(random.Next(50, 4_000));
                }
            }
            catch (PowerCutException)
            {
                cuts++;
            }

            flash.Disarm();
            CheckLog(flash, written, stored);
        }

        Assert.True(cuts >= 30, $"only {cuts} cuts struck");
        var last = new SimulatedLock(new LockSetup { Flash = flash, StartFraction = 0 });
        SimulatedPhone.Staff(last).Send(0, Opcode.Unlock);
        last.RunFor(8_000);
        Assert.Equal(LockState.Unlocked, last.Core.State);
    }

    private static void CheckLog(VirtualFlash flash, Dictionary<uint, byte[]> written, List<uint> stored)
    {
        var log = new AuditLog(flash, StorageLayout.AuditFirstSector, 10 - StorageLayout.AuditFirstSector);
        log.Mount();
        byte[] buffer = new byte[64 * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, 64);
        uint previous = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] record = buffer.AsSpan(i * AuditRecord.Size, AuditRecord.Size).ToArray();
            uint sequence = AuditRecord.Sequence(record, 0);
            Assert.True(sequence > previous, "records out of order or repeated");
            // Only records that were written, byte for byte; or the append the cut struck, when
            // its last byte happened to land whole (then it is newer than every stored one).
            bool known = written.TryGetValue(sequence, out byte[]? expected) && expected.SequenceEqual(record);
            Assert.True(known || stored.Count == 0 || sequence > stored.Max(), $"record {sequence} was never written like this");
            if (!known)
            {
                // It landed whole, so the lock goes on from it: later checks must know it too.
                written[sequence] = record;
                stored.Add(sequence);
            }

            previous = sequence;
        }

        // The newest record reported stored is always there.
        if (stored.Count > 0)
        {
            Assert.True(count > 0);
            Assert.True(previous >= stored[^1], $"the newest stored record {stored[^1]} is missing");
        }
    }
}
