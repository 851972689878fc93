using System;
using System.IO;
using LockSimulator.Cli.Reports;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>selftest</c>: QA's pass/fail for the push-button LED self-test, on a simulated lock with
/// a chosen battery or on a logic analyser's VCD from the test rig. Exit 0 PASS, 1 FAIL,
/// 2 when the arguments or the recording cannot be used.
/// </summary>
public static class SelfTestCommand
{
    public const string Summary = "judge the push-button self-test (simulated battery or a rig's VCD): PASS or FAIL";

    public const string Usage =
        "selftest --battery good|low|depleted|gas-risk [--vcd FILE] [--junit FILE]\n" +
        "       selftest --trace FILE.vcd [--map button=CH,green=CH,red=CH] [--junit FILE]";

    private const long PressAtMs = 1_000;
    private const long RunMs = 25_000;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["-h" or "--help"])
        {
            output.WriteLine("usage: " + Usage);
            return 0;
        }

        try
        {
            SelfTestOptions options = SelfTestOptions.Parse(args);
            SelfTestRecording recording = options.Battery is string battery
                ? Simulate(battery, options.Vcd, output)
                : Load(options.Trace!, options.Map, output);
            SelfTestVerdict verdict = SelfTestJudge.Judge(recording);
            foreach (StepResult step in verdict.Steps)
            {
                output.WriteLine($"{Mark(step.Status),-4}  {step.Name,-10}  {step.Detail}");
            }

            output.WriteLine(verdict.Summary);
            if (options.JUnit != null)
            {
                string suite = options.Battery != null ? $"selftest battery={options.Battery}" : $"selftest trace={Path.GetFileName(options.Trace)}";
                JUnitReport.Save(verdict, suite, options.JUnit);
            }

            return verdict.Passed ? 0 : 1;
        }
        catch (Exception e) when (e is UsageException or UnusableRecordingException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"selftest: {e.Message}");
            if (e is UsageException)
            {
                error.WriteLine("usage: " + Usage);
            }

            return 2;
        }
    }

    /// <summary>Presses the button of a simulated lock with <paramref name="battery"/> and records 25 s of virtual time.</summary>
    private static SelfTestRecording Simulate(string battery, string? vcdPath, TextWriter output)
    {
        var setup = new LockSetup { Battery = SelfTestBatteries.For(battery) };
        var sim = new SimulatedLock(setup);
        sim.PressButton(PressAtMs);
        sim.RunUntil(PressAtMs + RunMs);
        output.WriteLine($"Simulated lock {setup.Serial}, battery {battery}: button pressed at {PressAtMs / 1000} s, {RunMs / 1000} s of virtual time");
        if (vcdPath != null)
        {
            using var vcd = new StreamWriter(vcdPath);
            VcdWriter.Write(sim.Trace.Events, sim.Now, vcd);
        }

        return SelfTestRecording.FromTrace(sim.Trace.Events, sim.Now);
    }

    private static SelfTestRecording Load(string tracePath, ChannelMap map, TextWriter output)
    {
        using StreamReader file = File.OpenText(tracePath);
        SelfTestRecording recording = SelfTestRecording.FromVcd(VcdReader.Read(file), map);
        output.WriteLine($"Recording {tracePath}: button={map.Button}, green={map.Green}, red={map.Red}");
        return recording;
    }

    private static string Mark(StepStatus status) => status switch
    {
        StepStatus.Pass => "ok",
        StepStatus.Fail => "FAIL",
        _ => "--",
    };
}
