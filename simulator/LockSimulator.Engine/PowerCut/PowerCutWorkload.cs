using System;
using System.Linq;
using LockFirmware;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockSimulator.Scenarios;
using LockSimulator.Virtual;

namespace LockSimulator.PowerCut;

/// <summary>
/// What the power-cut proof runs on a lock: a blank unit is provisioned and paired over BLE, then a scripted
/// stretch of its life (unlocks, locks, a jam, status reads, refusals, a revocation, a battery
/// change, audit reads and acknowledgements, a reboot, unpairing and pairing to a new owner),
/// or random lives. The audit ring is shrunk to 3 segments so the workload wraps it.
/// </summary>
public static class PowerCutWorkload
{
    /// <summary>Rounds of the scripted workload: enough for more than 2 000 cut points and several turns of the audit ring.</summary>
    public const int Rounds = 52;

    /// <summary>Segments of the audit ring during the proof: small enough that the workload overwrites old ones.</summary>
    public const int AuditSegments = 3;

    private static readonly DateTimeOffset Epoch = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly byte[] FirstSecret = Enumerable.Range(0xA0, 32).Select(i => (byte)i).ToArray();

    /// <summary>
    /// The secret of a later pairing, a new one for every <paramref name="tag"/>: a unit refuses
    /// a PAIR with the secret it holds or held last (SecretReused), as the back office's fresh
    /// random secret never is.
    /// </summary>
    private static byte[] NewSecret(long tag) => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(tag));

    /// <summary>A lock booting on <paramref name="files"/>; <paramref name="hours"/> moves its wall clock on, as real time passes between lives.</summary>
    public static SimulatedLock Boot(VirtualFileSystem files, int hours = 0) => new(new LockSetup
    {
        Files = files,
        Paired = false,
        Epoch = Epoch.AddHours(hours),
        Settings = new LockSettings { AuditSegments = AuditSegments },
    });

    /// <summary>The scripted workload; returns, or throws <see cref="PowerCutException"/> when an armed cut strikes.</summary>
    public static void Scripted(VirtualFileSystem files)
    {
        SimulatedLock sim = Boot(files);
        var owner = new LockBackend(sim.Setup.LockId, FirstSecret);
        Pair(sim, owner);
        SimulatedPhone staff = Phone(sim, owner, Role.Staff, 7);
        SimulatedPhone admin = Phone(sim, owner, Role.Admin, 1);
        var intruder = Phone(sim, new LockBackend(sim.Setup.LockId, new byte[32]), Role.Staff, 7);
        for (int round = 0; round < Rounds; round++)
        {
            staff.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(4_000);
            staff.Send(sim.Now, Opcode.Status);
            sim.RunFor(100);
            sim.Physics.JamAt = round == 1 ? 0.9 : null;
            staff.Send(sim.Now, Opcode.Lock);
            sim.RunFor(round == 1 ? 12_000 : 4_000);
            sim.Physics.JamAt = null;
            intruder.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(100);
            switch (round % 20)
            {
                case 2:
                    admin.Send(sim.Now, Opcode.RevokeKeys, BitConverter.GetBytes(9u));
                    break;
                case 3:
                    staff.Send(sim.Now, Opcode.RegisterBatteryChange);
                    break;
                case 4:
                    sim.CutPower(sim.Now);
                    sim.RestorePower(sim.Now + 50);
                    break;
                case 5:
                    admin.Send(sim.Now, Opcode.Unpair);
                    sim.RunFor(500);
                    owner = new LockBackend(sim.Setup.LockId, NewSecret(round));
                    Pair(sim, owner);
                    staff = Phone(sim, owner, Role.Staff, 7);
                    admin = Phone(sim, owner, Role.Admin, 1);
                    break;
            }

            sim.RunFor(500);
            staff.Send(sim.Now, Opcode.ReadAudit, BitConverter.GetBytes(1u));
            sim.RunFor(200);
            if (round % 2 == 0)
            {
                staff.Send(sim.Now, Opcode.AcknowledgeAudit, BitConverter.GetBytes(sim.Core.AuditLog.NextSequence - 4));
                sim.RunFor(200);
            }
        }
    }

    /// <summary>One random stretch of life; throws <see cref="PowerCutException"/> when an armed cut strikes.</summary>
    public static void RandomLife(VirtualFileSystem files, Random random, int hours)
    {
        SimulatedLock sim = Boot(files, hours);
        var memory = new LockMemory(files, AuditSegments);
        memory.Mount();
        // Whoever the last life (or the check after its cut) paired it with.
        LockBackend owner = memory.Pairing.Paired
            ? new LockBackend(memory.Pairing.LockId, memory.Pairing.Secret.ToArray())
            : new LockBackend(sim.Setup.LockId, NewSecret(random.NextInt64()));
        if (!sim.Core.Protocol.IsPaired)
        {
            Pair(sim, owner);
        }

        SimulatedPhone staff = Phone(sim, owner, Role.Staff, 7);
        SimulatedPhone admin = Phone(sim, owner, Role.Admin, 1);
        for (int step = 0; step < 20; step++)
        {
            switch (random.Next(8))
            {
                case 0: staff.Send(sim.Now, Opcode.Unlock); break;
                case 1: staff.Send(sim.Now, Opcode.Lock); break;
                case 2: staff.Send(sim.Now, Opcode.Status); break;
                case 3: staff.Send(sim.Now, Opcode.RegisterBatteryChange); break;
                case 4: staff.Send(sim.Now, Opcode.AcknowledgeAudit, BitConverter.GetBytes(Math.Max(1u, sim.Core.AuditLog.NextSequence - 3))); break;
                case 5: staff.Send(sim.Now, Opcode.ReadAudit, BitConverter.GetBytes(1u)); break;
                case 6: admin.Send(sim.Now, Opcode.RevokeKeys, BitConverter.GetBytes((uint)random.Next(100, 200))); break;
                default:
                    admin.Send(sim.Now, Opcode.Unpair);
                    sim.RunFor(500);
                    owner = new LockBackend(sim.Setup.LockId, NewSecret(random.NextInt64()));
                    Pair(sim, owner);
                    staff = Phone(sim, owner, Role.Staff, 7);
                    admin = Phone(sim, owner, Role.Admin, 1);
                    break;
            }

            sim.RunFor(random.Next(50, 4_000));
        }
    }

    /// <summary>
    /// After a cut: boots the lock again on its files and checks that the boot count moved past
    /// every one committed before, and that it opens for its owner's staff (a paired lock) or,
    /// unpaired, stays shut for an old credential and opens once paired again.
    /// </summary>
    public static string? RebootAndUnlock(VirtualFileSystem files, PairingState pairing, uint highestBoot, long cutAt, int hours)
    {
        uint before = highestBoot;
        SimulatedLock sim = Boot(files, hours);
        var memory = new LockMemory(files, AuditSegments);
        memory.Mount();
        if (memory.State.BootCount <= before)
        {
            return $"cut {cutAt}: the reboot reused boot count {memory.State.BootCount} (≤ {before}): session nonces could repeat";
        }

        LockBackend owner;
        if (pairing.Paired)
        {
            owner = new LockBackend(pairing.LockId, pairing.Secret.ToArray());
        }
        else
        {
            owner = new LockBackend(sim.Setup.LockId, FirstSecret);
            Phone(sim, owner, Role.Staff, 7).Send(sim.Now, Opcode.Unlock);
            sim.RunFor(3_000);
            if (sim.BoltFraction > 0.1 || sim.Core.State == LockState.Unlocked)
            {
                return $"cut {cutAt}: the unpaired lock moved for a credential";
            }

            owner = new LockBackend(sim.Setup.LockId, NewSecret(-1 - cutAt));
            Pair(sim, owner);
        }

        Phone(sim, owner, Role.Staff, 7).Send(sim.Now, Opcode.Unlock);
        sim.RunFor(6_000);
        return sim.Core.State == LockState.Unlocked ? null : $"cut {cutAt}: after the reboot the lock did not unlock (state {sim.Core.State})";
    }

    /// <summary>
    /// A used lock whose volume is found damaged at the next power-up (nanoFramework formats
    /// it): it must come up unpaired, with the MemoryReset warning and audit record, and stay
    /// shut for the staff credential that opened it before. Returns the first failure, or null.
    /// </summary>
    public static string? DamagedAtMount()
    {
        var files = new VirtualFileSystem();
        SimulatedLock sim = Boot(files);
        var owner = new LockBackend(sim.Setup.LockId, FirstSecret);
        Pair(sim, owner);
        Phone(sim, owner, Role.Staff, 7).Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        Phone(sim, owner, Role.Staff, 7).Send(sim.Now, Opcode.Lock);
        sim.RunFor(4_000);
        if (sim.Core.State != LockState.Locked)
        {
            return "damaged at mount: the lock did not work before the damage";
        }

        files.DamageBeforeNextMount();
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        if (!files.FormattedAtMount || sim.Core.Protocol.IsPaired)
        {
            return "damaged at mount: the lock did not come up as a stock unit";
        }

        byte[] records = new byte[4 * AuditRecord.Size];
        int count = sim.Core.AuditLog.ReadSince(0, records, 4);
        bool recorded = Enumerable.Range(0, count).Any(i => records[i * AuditRecord.Size + AuditRecord.EventOffset] == (byte)AuditEvent.MemoryReset);
        if ((sim.Core.Warnings & LockFirmware.Status.Warnings.MemoryReset) == 0 || !recorded)
        {
            return "damaged at mount: the lock does not say its memory was reset";
        }

        Phone(sim, owner, Role.Staff, 7).Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);
        return sim.BoltFraction > 0.05 || sim.Core.State == LockState.Unlocked ? "damaged at mount: the unpaired lock moved for an old credential" : null;
    }

    /// <summary>
    /// The installer's pairing: a long press opens the window, INFO, then PAIR from the backend.
    /// A unit without its identity (a blank volume: new, or wiped) gets the production line's
    /// PROVISION first.
    /// </summary>
    public static void Pair(SimulatedLock sim, LockBackend backend)
    {
        if (!sim.Core.Protocol.Identity.Provisioned)
        {
            InstallerTool.Provision(sim);
        }

        InstallerTool.Pair(sim, backend, organisation: 1);
        sim.Connected = null; // the installer's tool leaves: the lock's one connection is free again
    }

    private static SimulatedPhone Phone(SimulatedLock sim, LockBackend backend, Role role, uint keyId) => new(sim, backend.Issue(new CredentialFields
    {
        LockId = backend.LockId,
        KeyId = keyId,
        UserId = 40 + keyId,
        Role = role,
        ValidFrom = sim.Setup.Epoch.AddHours(-1),
        ValidUntil = sim.Setup.Epoch.AddDays(30),
    }), backend);
}
