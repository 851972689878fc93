using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Tracing;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 21, a building's revocations on the virtual board and its LittleFS model: a port unit
/// takes 256 revoked key ids over the protocol, refuses the 257th changing nothing, refuses every
/// revoked key at unlock before and after a power cut; a revocation cut at any point of its
/// commit (a data block, above LittleFS's inline limit) leaves the list before or after it; and a
/// re-pairing cut at any point leaves the old secret with all its revocations or the new one with none.
/// </summary>
public class PortRevocationTests
{
    private const uint FirstKey = 5_000;
    private const int MaxIdsPerCommand = 60; // a 255-byte message: 12 bytes of frame, 4 per id

    private static SimulatedLock Port(VirtualFileSystem? files = null) =>
        new(new LockSetup { Kind = UnitKind.Port, Files = files });

    /// <summary>The admin revokes FirstKey ... FirstKey + 255, as many to a command as a message carries.</summary>
    private static SimulatedPhone FillToCapacity(SimulatedLock sim)
    {
        SimulatedPhone admin = SimulatedPhone.Staff(sim, Role.Admin, keyId: 1, userId: 1);
        admin.StayConnected = true;
        for (int sent = 0; sent < RevocationList.BuildingCapacity; sent += MaxIdsPerCommand)
        {
            int count = Math.Min(MaxIdsPerCommand, RevocationList.BuildingCapacity - sent);
            byte[] ids = Enumerable.Range(sent, count).SelectMany(i => BitConverter.GetBytes(FirstKey + (uint)i)).ToArray();
            admin.Send(sim.Now + 100, Opcode.RevokeKeys, ids);
            sim.RunFor(2_000);
            Assert.Equal(ResultCode.Ok, admin.Last(Opcode.RevokeKeys).Result);
        }

        return admin;
    }

    private static List<uint> NotRefusedAsRevoked(SimulatedLock sim, IEnumerable<uint> keys)
    {
        var phones = new List<(uint Key, SimulatedPhone Phone)>();
        foreach (uint key in keys)
        {
            SimulatedPhone phone = SimulatedPhone.Staff(sim, keyId: key, userId: key + 1);
            phone.Send(sim.Now + 10, Opcode.Unlock);
            sim.RunFor(3_000);
            phones.Add((key, phone));
        }

        return phones.Where(p => !p.Phone.Refusals.Any(r => r.Result == ResultCode.Revoked)).Select(p => p.Key).ToList();
    }

    [Fact]
    public void A_port_unit_refuses_every_one_of_its_256_revoked_keys_at_unlock_before_and_after_a_power_cut()
    {
        SimulatedLock sim = Port();
        SimulatedPhone admin = FillToCapacity(sim);
        admin.Send(sim.Now + 100, Opcode.RevokeKeys, BitConverter.GetBytes(FirstKey + RevocationList.BuildingCapacity));
        sim.RunFor(2_000);
        Assert.Equal(ResultCode.RevocationListFull, admin.Last(Opcode.RevokeKeys).Result);
        sim.Connected = null;

        var revoked = Enumerable.Range(0, RevocationList.BuildingCapacity).Select(i => FirstKey + (uint)i).ToList();
        Assert.Empty(NotRefusedAsRevoked(sim, revoked));
        Assert.Equal(0, sim.Trace.Events.Count(Signals.Strike, "released (450 mA)"));

        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.Empty(NotRefusedAsRevoked(sim, revoked));

        // The 257th went nowhere: its holder gets in.
        SimulatedPhone refusedOne = SimulatedPhone.Staff(sim, keyId: FirstKey + RevocationList.BuildingCapacity);
        refusedOne.Send(sim.Now + 10, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Equal(ResultCode.Ok, refusedOne.Last(Opcode.Unlock).Result);
        Assert.Equal(1, sim.Trace.Events.Count(Signals.Strike, "released (450 mA)"));
    }

    [Fact]
    public void A_port_units_revocations_are_one_record_of_their_own_outside_LittleFSs_inline_limit()
    {
        SimulatedLock sim = Port();
        FillToCapacity(sim);

        string newest = new[] { "revoked.a", "revoked.b" }.Single(n => sim.Files.Contents(n) is { } c && c.Length > 0 && Bytes.ReadUInt16(c, 8 + 4) == RevocationList.BuildingCapacity);
        Assert.Equal(AtomicRecord.Overhead + StorageLayout.RevokedHeader + 4 * RevocationList.BuildingCapacity, sim.Files.Contents(newest)!.Length);
        Assert.True(sim.Files.Contents(newest)!.Length > sim.Files.Budget.FileSystemInlineMaxBytes);
        Assert.True(sim.Files.Contents("pairing.a")!.Length <= sim.Files.Budget.FileSystemInlineMaxBytes);
    }

    [Fact]
    public void A_re_pair_cut_at_any_point_leaves_the_old_secret_with_all_its_revocations_or_the_new_one_with_none()
    {
        SimulatedLock sim = Port();
        VirtualFileSystem files = sim.Files;
        FillToCapacity(sim);
        sim.Connected = null;
        var link = new RawLink(sim);
        byte[] secret = LockBackend.NewSecret();
        var backend = new LockBackend(sim.Setup.LockId, secret);
        link.LongPress();
        byte[] pair = backend.PairMessage(1, link.Info(), sim.Setup.UnitFactoryKey, sim.WallTime);

        var snapshots = new List<VirtualFileSystem>();
        files.Reaching += _ => snapshots.Add(files.Snapshot());
        link.Send(pair);
        Assert.Equal(ResultCode.Ok, link.LastResult);
        snapshots.Add(files.Snapshot());

        Assert.True(snapshots.Count >= 8, $"only {snapshots.Count} cut points in the PAIR");
        int old = 0, fresh = 0;
        foreach (VirtualFileSystem cut in snapshots)
        {
            cut.Mount();
            var memory = new LockMemory(cut, StorageLayout.BuildingAuditSegments, RevocationList.BuildingCapacity);
            Assert.Equal(StorageHealth.Intact, memory.Mount());
            Assert.True(memory.Pairing.Paired);
            if (memory.Pairing.Secret.SequenceEqual(sim.Setup.Secret))
            {
                old++;
                Assert.Equal(RevocationList.BuildingCapacity, memory.Revoked.Count);
            }
            else
            {
                fresh++;
                Assert.Equal(secret, memory.Pairing.Secret);
                Assert.Equal(0, memory.Revoked.Count);
            }
        }

        Assert.True(old > 0 && fresh > 0, $"{old} cuts with the old pairing, {fresh} with the new");

        // And the lock on the last of them: the new owner's staff with a key the old owner revoked get in.
        SimulatedLock after = Port(snapshots[^1]);
        SimulatedPhone staff = SimulatedPhone.Staff(after, keyId: FirstKey, secret: secret);
        staff.Send(after.Now + 10, Opcode.Unlock);
        after.RunFor(3_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void A_revocation_cut_at_any_point_of_its_data_block_commit_leaves_the_list_before_it_or_after_it()
    {
        SimulatedLock sim = Port();
        SimulatedPhone admin = SimulatedPhone.Staff(sim, Role.Admin, keyId: 1, userId: 1);
        admin.StayConnected = true;
        byte[] Ids(int from) => Enumerable.Range(from, MaxIdsPerCommand).SelectMany(i => BitConverter.GetBytes(FirstKey + (uint)i)).ToArray();
        admin.Send(1_000, Opcode.RevokeKeys, Ids(0));
        sim.RunFor(5_000);

        var snapshots = new List<VirtualFileSystem>();
        sim.Files.Reaching += _ => snapshots.Add(sim.Files.Snapshot());
        admin.Send(sim.Now + 100, Opcode.RevokeKeys, Ids(MaxIdsPerCommand));
        sim.RunFor(2_000);
        Assert.Equal(ResultCode.Ok, admin.Last(Opcode.RevokeKeys).Result);
        snapshots.Add(sim.Files.Snapshot());

        var counts = new List<int>();
        foreach (VirtualFileSystem cut in snapshots)
        {
            cut.Mount();
            var memory = new LockMemory(cut, StorageLayout.BuildingAuditSegments, RevocationList.BuildingCapacity);
            Assert.Equal(StorageHealth.Intact, memory.Mount());
            counts.Add(memory.Revoked.Count);
        }

        Assert.All(counts, c => Assert.True(c == MaxIdsPerCommand || c == 2 * MaxIdsPerCommand, $"{c} ids after a cut"));
        Assert.Contains(MaxIdsPerCommand, counts);
        Assert.Equal(2 * MaxIdsPerCommand, counts[^1]);
    }
}
