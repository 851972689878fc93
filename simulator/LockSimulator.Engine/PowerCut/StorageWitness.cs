using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware;
using LockFirmware.Storage;
using LockSimulator.Virtual;

namespace LockSimulator.PowerCut;

/// <summary>
/// Keeps every commit that lands on a virtual file system and, after a power cut, checks the
/// lock's files against the commits made up to the cut: each state reads as the last copy
/// committed (the old one, or the new one whose commit landed just before the cut), every
/// audit record whose append returned is there byte for byte, in order, unless the ring
/// overwrote it (then, if unacknowledged, it is counted as dropped), no record appears that
/// was never committed, and nothing reads as damaged. Returns the first loss as a sentence,
/// or null.
/// </summary>
public sealed class StorageWitness
{
    private readonly List<FileCommit> _commits = new();
    private readonly int _auditSegments;

    public StorageWitness(VirtualFileSystem files, int auditSegments)
    {
        _auditSegments = auditSegments;
        files.Committed += _commits.Add;
    }

    /// <summary>Commits seen so far; a check may look at the first ones only (a snapshot taken earlier).</summary>
    public int Count => _commits.Count;

    /// <summary>The highest boot count committed in the first <paramref name="commits"/> commits: no later boot may use it again.</summary>
    public uint HighestBoot(int commits) => new View(_commits, commits).HighestBoot;

    /// <summary>
    /// Checks mounted files after a cut that struck at <paramref name="cutAt"/>, against the
    /// first <paramref name="commits"/> commits. Counts what it compared into the totals.
    /// </summary>
    public string? Check(VirtualFileSystem files, long cutAt, int commits, out PairingState pairing, out int recordsChecked, out int statesChecked)
    {
        var view = new View(_commits, commits);
        recordsChecked = view.Records.Count;
        statesChecked = view.States;
        var memory = new LockMemory(files, _auditSegments);
        StorageHealth health = memory.Mount();
        pairing = memory.Pairing;
        if (health == StorageHealth.Damaged || (health == StorageHealth.Blank && view.Safety != null))
        {
            return $"cut {cutAt}: the files read as {health}";
        }

        return SameAs("safety state", view.Safety, memory.State.Encode, cutAt)
            ?? SameAs("pairing state", view.Pairing, memory.Pairing.Encode, cutAt)
            ?? CheckRevocations(view.Revoked, memory, cutAt)
            ?? CheckAudit(view, memory.Audit, cutAt);
    }

    /// <summary>
    /// The revoked ids in force are those of the copy last committed if it was saved under the
    /// pairing now in force, and none if a PAIR or an unpairing came after it: never an older
    /// pairing's list with a newer secret, never a list lost under its own pairing.
    /// </summary>
    private static string? CheckRevocations(byte[]? committed, LockMemory memory, long cutAt)
    {
        var expected = new List<uint>();
        if (committed != null && Bytes.ReadUInt32(committed, 0) == memory.Pairing.Generation)
        {
            int count = Bytes.ReadUInt16(committed, 4);
            for (int i = 0; i < count; i++)
            {
                expected.Add(Bytes.ReadUInt32(committed, StorageLayout.RevokedHeader + 4 * i));
            }
        }

        var actual = Enumerable.Range(0, memory.Revoked.Count).Select(i => memory.Revoked[i]);
        return actual.SequenceEqual(expected) ? null
            : $"cut {cutAt}: the revocations in force are not those last committed under the pairing in force";
    }

    private static string? SameAs(string what, byte[]? expected, Action<byte[]> encode, long cutAt)
    {
        if (expected == null)
        {
            return null;
        }

        byte[] actual = new byte[expected.Length];
        encode(actual);
        return actual.SequenceEqual(expected) ? null : $"cut {cutAt}: the {what} is not the copy last committed";
    }

    private string? CheckAudit(View view, AuditLog log, long cutAt)
    {
        int room = _auditSegments * StorageLayout.AuditRecordsPerSegment;
        byte[] buffer = new byte[room * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, room);
        var present = new HashSet<uint>();
        uint previous = 0;
        uint oldest = 0;
        for (int i = 0; i < count; i++)
        {
            int at = i * AuditRecord.Size;
            uint sequence = AuditRecord.Sequence(buffer, at);
            if (!view.Records.TryGetValue(sequence, out var written) || !written.Bytes.AsSpan().SequenceEqual(buffer.AsSpan(at, AuditRecord.Size)))
            {
                return $"cut {cutAt}: audit record {sequence} reads back as something never committed";
            }

            if (sequence <= previous)
            {
                return $"cut {cutAt}: audit record {sequence} is out of order";
            }

            oldest = oldest == 0 ? sequence : oldest;
            previous = sequence;
            present.Add(sequence);
        }

        uint unacknowledgedGone = 0;
        foreach (var (sequence, written) in view.Records)
        {
            // Only an append that returned before the cut promised anything.
            if (written.LandedAt >= cutAt)
            {
                continue;
            }

            if (count == 0 || sequence >= oldest)
            {
                if (!present.Contains(sequence))
                {
                    return $"cut {cutAt}: audit record {sequence} was stored and is lost";
                }
            }
            else if (sequence > log.AcknowledgedUpTo)
            {
                unacknowledgedGone++;
            }
        }

        return log.Dropped >= unacknowledgedGone ? null
            : $"cut {cutAt}: {unacknowledgedGone} unacknowledged audit records were overwritten but only {log.Dropped} are counted as dropped";
    }

    /// <summary>What the first commits say the files must hold.</summary>
    private sealed class View
    {
        public View(List<FileCommit> commits, int count)
        {
            foreach (FileCommit commit in commits.Take(count))
            {
                if (commit.Name.StartsWith(StorageLayout.AuditPrefix, StringComparison.Ordinal))
                {
                    uint sequence = AuditRecord.Sequence(commit.Contents, commit.Position);
                    Records[sequence] = (commit.Contents.AsSpan(commit.Position, AuditRecord.Size).ToArray(), commit.LandedAt);
                    continue;
                }

                byte[] payload = commit.Contents.AsSpan(8, commit.Contents.Length - AtomicRecord.Overhead).ToArray();
                States++;
                if (commit.Name.StartsWith(StorageLayout.SafetyName, StringComparison.Ordinal))
                {
                    Safety = payload;
                    var state = new SafetyState();
                    state.Decode(payload);
                    HighestBoot = Math.Max(HighestBoot, state.BootCount);
                }
                else if (commit.Name.StartsWith(StorageLayout.PairingName, StringComparison.Ordinal))
                {
                    Pairing = payload;
                }
                else if (commit.Name.StartsWith(StorageLayout.RevokedName, StringComparison.Ordinal))
                {
                    Revoked = payload;
                }
            }
        }

        public Dictionary<uint, (byte[] Bytes, long LandedAt)> Records { get; } = new();

        public byte[]? Safety { get; }

        public byte[]? Pairing { get; }

        public byte[]? Revoked { get; }

        public int States { get; }

        public uint HighestBoot { get; }
    }
}
