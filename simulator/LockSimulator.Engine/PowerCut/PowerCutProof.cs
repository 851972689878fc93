using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Virtual;

namespace LockSimulator.PowerCut;

/// <summary>
/// The storage proof over the LittleFS model. The scripted workload runs once; at each of its
/// cut points the volume is copied as a cut there would leave it (the model is deterministic,
/// so this equals running up to that point and cutting: <see cref="Replay"/> does that, and the
/// tests compare the two). After every cut the files are checked against the commits made
/// before it (<see cref="StorageWitness"/>) and the lock boots on them and must open for its
/// owner. Random lives add cuts at random points of random use on one volume.
/// </summary>
public static class PowerCutProof
{
    /// <summary>Cuts the scripted workload at every cut point and checks each.</summary>
    public static PowerCutReport EveryCutPoint()
    {
        var reference = new VirtualFileSystem();
        var witness = new StorageWitness(reference, PowerCutWorkload.AuditSegments);
        var cuts = new List<(long Point, VirtualFileSystem Files, int Commits)>();
        reference.Reaching += point => cuts.Add((point, reference.Snapshot(), witness.Count));
        PowerCutWorkload.Scripted(reference);

        var report = new PowerCutReport
        {
            ScriptedPoints = reference.CutPoints,
            CutPoints = cuts.Count,
            Commits = witness.Count,
            PayloadBytes = reference.PayloadBytes,
            ProgrammedBytes = reference.ProgrammedBytes,
            Erases = reference.Erases,
        };
        var slow = new VirtualFileSystem(slowestFlash: true);
        PowerCutWorkload.Scripted(slow);
        foreach (StorageOperation operation in Enum.GetValues<StorageOperation>())
        {
            report.WorstMicros[operation] = reference.WorstMicros(operation);
            report.WorstMicrosSlowestFlash[operation] = slow.WorstMicros(operation);
        }

        long firstLossAt = long.MaxValue;
        long records = 0, states = 0, unlocks = 0;
        object gate = new();
        Parallel.ForEach(cuts, cut =>
        {
            string? loss = CheckAfterCut(cut.Files, witness, cut.Point, cut.Commits, 24, out int checkedRecords, out int checkedStates);
            Interlocked.Add(ref records, checkedRecords);
            Interlocked.Add(ref states, checkedStates);
            if (loss == null)
            {
                Interlocked.Increment(ref unlocks);
                return;
            }

            lock (gate)
            {
                if (cut.Point < firstLossAt)
                {
                    firstLossAt = cut.Point;
                    report.FirstLoss = loss;
                }
            }
        });

        report.RecordsChecked = records;
        report.StatesChecked = states;
        report.Unlocks = unlocks;
        return report;
    }

    /// <summary>Runs the scripted workload with a real cut armed at <paramref name="point"/> and returns the volume it leaves.</summary>
    public static VirtualFileSystem Replay(long point)
    {
        var files = new VirtualFileSystem();
        files.CutPowerAt(point);
        try
        {
            PowerCutWorkload.Scripted(files);
        }
        catch (PowerCutException)
        {
            files.Disarm();
            return files;
        }

        throw new InvalidOperationException($"the workload has no cut point {point}");
    }

    /// <summary>Random lives on one volume, each cut at a random point of its life, checked after every cut.</summary>
    public static PowerCutReport RandomLives(int seed, int lives)
    {
        var random = new Random(seed);
        var files = new VirtualFileSystem();
        var witness = new StorageWitness(files, PowerCutWorkload.AuditSegments);
        var report = new PowerCutReport { Lives = lives };
        for (int life = 0; life < lives && report.FirstLoss == null; life++)
        {
            files.CutPowerAt(files.CutPoints + random.Next(1, 300));
            try
            {
                PowerCutWorkload.RandomLife(files, random, 2 * life);
                files.Disarm();
                continue;
            }
            catch (PowerCutException)
            {
                report.CutPoints++;
            }

            report.FirstLoss = CheckAfterCut(files, witness, files.CutPoints - 1, witness.Count, 2 * life + 1, out int records, out int states);
            report.RecordsChecked += records;
            report.StatesChecked += states;
            report.Unlocks += report.FirstLoss == null ? 1 : 0;
        }

        foreach (StorageOperation operation in Enum.GetValues<StorageOperation>())
        {
            report.WorstMicros[operation] = files.WorstMicros(operation);
        }

        return report;
    }

    private static string? CheckAfterCut(VirtualFileSystem files, StorageWitness witness, long cutAt, int commits, int hours, out int records, out int states)
    {
        files.Disarm();
        files.Mount();
        uint highestBoot = witness.HighestBoot(commits);
        return witness.Check(files, cutAt, commits, out var pairing, out records, out states)
            ?? PowerCutWorkload.RebootAndUnlock(files, pairing, highestBoot, cutAt, hours);
    }
}
