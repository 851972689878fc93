using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.PowerCut;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// A lock whose files are gone or damaged at power-up comes up safe: unpaired (so no
/// credential opens it), saying so in its status and its audit log, until it is paired again.
/// </summary>
public class MemoryResetTests
{
    private static bool Moved(SimulatedLock sim) => sim.BoltFraction > 0.05 || sim.Core.State == LockState.Unlocked;

    private static SimulatedLock PairedLockThatWasUsed(VirtualFileSystem files)
    {
        var sim = new SimulatedLock(new LockSetup { Files = null, StartFraction = 0 });
        SimulatedPhone.Staff(sim).Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        SimulatedPhone.Staff(sim).Send(sim.Now, Opcode.Lock);
        sim.RunFor(4_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        foreach (string name in sim.Files.Names.ToList())
        {
            byte[] data = sim.Files.Contents(name)!;
            files.Write(name, 0, data, 0, data.Length);
        }

        return sim;
    }

    [Fact]
    public void A_wiped_file_system_leaves_the_lock_unpaired_and_saying_so()
    {
        var files = new VirtualFileSystem();
        SimulatedLock before = PairedLockThatWasUsed(files);
        files.DamageBeforeNextMount();

        var sim = new SimulatedLock(new LockSetup { Files = files, StartFraction = 0 });
        Assert.True(files.FormattedAtMount);
        Assert.False(sim.Core.Protocol.IsPaired);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.MemoryReset);
        Assert.Contains(AuditEvents(sim), e => e == AuditEvent.MemoryReset);

        // The staff credential that opened it before opens nothing now.
        var staff = SimulatedPhone.Staff(sim);
        staff.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        Assert.Contains(staff.Refusals, r => r.Result == ResultCode.NotPaired);
        Assert.False(Moved(sim));

        // The unit identity went with the files (nanoFramework offers no other persistent store):
        // the unit goes through the production line's provision step again (PowerCutWorkload.Pair does it), then the installer pairs it.
        Assert.False(sim.Core.Protocol.Identity.Provisioned);
        // Paired again by the installer, it works; the status still says what happened until
        // the backend has read and acknowledged the audit record, across a reboot too.
        PowerCutWorkload.Pair(sim, new LockFirmware.Protocol.Client.LockBackend(sim.Setup.LockId, sim.Setup.Secret));
        Assert.True(sim.Core.Protocol.IsPaired);
        var staffAgain = SimulatedPhone.Staff(sim);
        staffAgain.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        staffAgain.Send(sim.Now, Opcode.Status);
        sim.RunFor(500);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.NotEqual(0, staffAgain.Last(Opcode.Status).Payload[8] & Warnings.MemoryReset);
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.MemoryReset);

        SimulatedPhone.Staff(sim).Send(sim.Now, Opcode.AcknowledgeAudit, System.BitConverter.GetBytes(sim.Core.AuditLog.NextSequence - 1));
        sim.RunFor(2_000);
        Assert.Equal(0, sim.Core.Warnings & Warnings.MemoryReset);
        Assert.True(before.Core.Protocol.IsPaired);
    }

    [Fact]
    public void A_lost_safety_state_also_drops_the_secret_so_session_nonces_cannot_repeat()
    {
        var files = new VirtualFileSystem();
        PairedLockThatWasUsed(files);
        Assert.True(files.Delete("safety.a") && files.Delete("safety.b"));

        var sim = new SimulatedLock(new LockSetup { Files = files, StartFraction = 0 });
        Assert.False(sim.Core.Protocol.IsPaired);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.MemoryReset);
        var memory = new LockMemory(files);
        memory.Mount();
        Assert.False(memory.Pairing.Paired);

        var staff = SimulatedPhone.Staff(sim);
        staff.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        Assert.False(Moved(sim));
    }

    [Fact]
    public void A_new_unit_is_blank_and_a_reboot_of_a_used_one_is_intact()
    {
        var files = new VirtualFileSystem();
        var stock = new SimulatedLock(new LockSetup { Files = files, Paired = false });
        Assert.NotEqual(0, stock.Core.Warnings & Warnings.MemoryReset);

        var used = PairedLockThatWasUsed(new VirtualFileSystem());
        used.CutPower(used.Now);
        used.RestorePower(used.Now + 10);
        used.RunFor(100);
        Assert.True(used.Core.Protocol.IsPaired);
        Assert.Equal(0, used.Core.Warnings & Warnings.MemoryReset);
        Assert.DoesNotContain(AuditEvents(used), e => e == AuditEvent.MemoryReset);
    }

    private static AuditEvent[] AuditEvents(SimulatedLock sim)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        return Enumerable.Range(0, count).Select(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset]).ToArray();
    }
}
