using System;
using System.CommandLine;
using System.IO;
using LockSimulator.Cli.Reports;
using LockSimulator.CommandLine;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>selftest</c>: QA's verdict on the push-button LED self-test, on a simulated lock with a
/// chosen battery or on a logic analyser's VCD from the test rig, each press judged on its own.
/// Exit 0 PASS, 1 FAIL, 2 when the arguments or the recording cannot give a verdict.
/// </summary>
public static class SelfTestCommand
{
    private const long PressAtMs = 1_000;
    private const long RunMs = 25_000;

    /// <summary>The <c>selftest</c> command's definition.</summary>
    public static Command Build()
    {
        var command = new NotedCommand(
            "selftest",
            "judge the push-button self-test (simulated battery or a rig's VCD): PASS, FAIL or unusable",
            SelfTestHelp.Notes());
        Func<ParseResult, SelfTestOptions> options = SelfTestOptions.AddTo(command);
        command.SetAction(result => Judge(options(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs <c>selftest</c> with <paramref name="args"/> (the words after <c>selftest</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static int Judge(SelfTestOptions options, TextWriter output, TextWriter error)
    {
        string suite = options.Battery != null ? $"selftest battery={options.Battery}" : $"selftest trace={Path.GetFileName(options.Trace)}";
        try
        {
            SelfTestRecording recording = options.Battery is string battery
                ? Simulate(battery, options.Vcd, output)
                : Load(options.Trace!, options.Map, output);
            SelfTestVerdict verdict = SelfTestJudge.Judge(recording);
            Print(verdict, output);
            if (options.JUnit != null)
            {
                JUnitReport.Save(verdict, suite, options.JUnit);
            }

            if (options.Report != null)
            {
                HtmlReport.Save(verdict, suite, options.Report);
            }

            return verdict.ExitCode;
        }
        catch (Exception e) when (e is UnusableRecordingException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"selftest: {e.Message}");
            output.WriteLine($"UNUSABLE: {e.Message.TrimEnd('.')}. {CareInstructions.RecordAgain}");
            SaveUnusable(options, suite, e.Message, error);
            return 2;
        }
    }

    private static void Print(SelfTestVerdict verdict, TextWriter output)
    {
        foreach (PressVerdict press in verdict.Presses)
        {
            output.WriteLine(press.Title);
            foreach (StepResult step in press.Steps)
            {
                output.WriteLine($"  {Mark(step.Status),-4}  {step.Rule,-10}  {step.Detail}");
            }

            foreach (long ignored in press.IgnoredPressesUs)
            {
                output.WriteLine($"  --    {"press",-10}  pressed again at {Durations.Seconds(ignored)}, while this test ran: the lock ignores it");
            }

            output.WriteLine($"  → {PressVerdict.Label(press.Outcome)}  {press.Conclusion}");
        }

        output.WriteLine(verdict.Summary);
    }

    /// <summary>An unusable recording still leaves a JUnit file for the rig's CI; a failing write is reported, not thrown.</summary>
    private static void SaveUnusable(SelfTestOptions options, string suite, string why, TextWriter error)
    {
        if (options.JUnit == null)
        {
            return;
        }

        try
        {
            JUnitReport.SaveUnusable(suite, why, options.JUnit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"selftest: {e.Message}");
        }
    }

    /// <summary>Presses the button of a simulated lock with <paramref name="battery"/> and records 25 s of virtual time.</summary>
    private static SelfTestRecording Simulate(string battery, string? vcdPath, TextWriter output)
    {
        var setup = new LockSetup { Battery = SelfTestBatteries.For(battery) };
        var sim = new SimulatedLock(setup);
        sim.PressButton(PressAtMs);
        sim.RunUntil(PressAtMs + RunMs);
        output.WriteLine($"Simulated lock {setup.Serial}, battery {battery}: button pressed at {Durations.Seconds(PressAtMs * 1000)}, {Durations.Seconds(RunMs * 1000)} of virtual time");
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
        SelfTestRecording recording = SelfTestRecording.FromVcd(file, map);
        string cut = recording.Truncated ? "; its last line has no newline (was the copy cut off?) and was not read" : "";
        output.WriteLine($"Recording {tracePath}: {map}; {Durations.Seconds(recording.StartUs)} to {Durations.Seconds(recording.EndUs)}{cut}");
        return recording;
    }

    private static string Mark(StepStatus status) => status switch
    {
        StepStatus.Pass => "ok",
        StepStatus.Fail => "FAIL",
        StepStatus.Unusable => "??",
        _ => "--",
    };
}
