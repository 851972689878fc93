using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LockSimulator.CommandLine;
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
    /// <summary>The <c>powercut</c> command's definition.</summary>
    public static Command Build()
    {
        Option<int> seed = OptionKinds.WholeNumber("--seed", "seed of the random lives and their cut points", 1);
        Option<int> lives = OptionKinds.WholeNumber("--lives", "random lives to run after the scripted workload", 100);
        var command = new NotedCommand(
            "powercut",
            "cut power at every point of a scripted workload and in random lives, check nothing stored is lost",
            """
            Exit codes:
              0  every cut point checked, nothing lost ("N cut points, 0 lost")
              1  a loss: the first one is named
              2  bad arguments

            """)
        {
            seed, lives,
        };
        command.SetAction(result => Prove(result.GetValue(seed), result.GetValue(lives), result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Runs <c>powercut</c> with <paramref name="args"/> (the words after <c>powercut</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static int Prove(int seed, int lives, TextWriter output)
    {
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
}
