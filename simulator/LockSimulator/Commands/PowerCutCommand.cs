using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LockSimulator.PowerCut;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>powercut [--seed S] [--lives N]</c>: the storage proof over the LittleFS model. Cuts the
/// scripted workload at every cut point and N random lives at random points, checks the
/// lock's files and reboots it after each cut, and ends with "N cut points, 0 lost" (exit 0)
/// or names the first loss (exit 1).
/// </summary>
public static class PowerCutCommand
{
    public const string Summary = "cut power at every point of a scripted workload and in random lives, check nothing stored is lost (powercut --help)";

    private const string Usage = "usage: powercut [--seed S] [--lives N]   (defaults: seed 1, 100 lives)";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int seed = 1;
        int lives = 100;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--seed":
                        seed = Number(args, ++i, "--seed", 0);
                        break;
                    case "--lives":
                        lives = Number(args, ++i, "--lives", 0);
                        break;
                    case "-h" or "--help":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        throw new UsageException($"unknown option '{args[i]}'");
                }
            }
        }
        catch (UsageException e)
        {
            error.WriteLine($"powercut: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        PowerCutReport scripted = PowerCutProof.EveryCutPoint();
        output.WriteLine($"scripted workload (pairing, unlocks and locks, a jam, refusals, revocation, battery change, audit reads and acks, a reboot, unpairing, new owner): {scripted.ScriptedPoints} cut points");
        output.WriteLine($"  checked after the cuts: {scripted.RecordsChecked} audit records, {scripted.StatesChecked} state copies; the lock opened after {scripted.Unlocks} reboots");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  flash work: {scripted.Commits} commits of {scripted.PayloadBytes} bytes programmed {scripted.ProgrammedBytes} bytes (x{(double)scripted.ProgrammedBytes / scripted.PayloadBytes:F1}) and erased {scripted.Erases} blocks"));
        output.WriteLine("  slowest storage operation of the workload (virtual device time; typical flash timing, datasheet maximum):");
        foreach (var (operation, micros) in scripted.WorstMicros.Where(w => w.Value > 0))
        {
            long slowest = scripted.WorstMicrosSlowestFlash[operation];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {operation,-7} {micros / 1000.0,7:F1} ms {slowest / 1000.0,7:F1} ms"));
        }

        PowerCutReport random = lives > 0 ? PowerCutProof.RandomLives(seed, lives) : new PowerCutReport();
        output.WriteLine($"random lives (seed {seed}): {random.Lives} lives, {random.CutPoints} cut; checked {random.RecordsChecked} audit records, {random.StatesChecked} state copies");

        string? damaged = PowerCutWorkload.DamagedAtMount();
        output.WriteLine(damaged ?? "file system damaged at mount (formatted): the lock came up unpaired, reported MemoryReset, stayed shut for its old staff");

        string? loss = scripted.FirstLoss ?? random.FirstLoss ?? damaged;
        long points = scripted.CutPoints + random.CutPoints;
        if (loss != null)
        {
            output.WriteLine($"LOST: {loss}");
            return 1;
        }

        output.WriteLine($"{points} cut points, 0 lost");
        return 0;
    }

    private static int Number(string[] args, int index, string option, int minimum)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
        {
            throw new UsageException($"{option} needs a whole number ≥ {minimum}");
        }

        return value;
    }
}
