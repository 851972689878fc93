using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static LockFirmware.HostTests.RigRecording;

namespace LockFirmware.HostTests;

/// <summary>
/// The judge's behaviour written down: recordings a test rig can produce, each with the
/// verdict it must get and why. <c>Exit</c> is the command's exit code (0 PASS, 1 FAIL,
/// 2 unusable), <c>Presses</c> each judged press's outcome in order, <c>Expect</c> phrases
/// the output must hold. Recordings are built in code (<see cref="RigRecording"/>) or are
/// files under Recordings/ that sigrok-cli wrote (see Recordings/README.md).
/// </summary>
internal static class RecordingCases
{
    public const string Map = "button=D0,green=D1,red=D2";
    public const string LowMap = "button=D0:low,green=D1:low,red=D2:low";

    public sealed record Case(string Name, string Why, Func<string> Vcd, string Map, int Exit, string Presses, params string[] Expect)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        // The routine's answers.
        new("one blink", "green on, off within 10 s, one red blink within 20 s: the battery is good",
            () => Routine().Vcd(), Map, 0, "PASS", "green off 4.03 s after the press (limit 10.00 s)", "1 blink at 6.03 s", "battery good"),
        new("two blinks", "two blinks mean low, but not completely discharged: it may be changed as normal",
            () => Routine(blinks: 2).Vcd(), Map, 0, "PASS", "2 blinks at 6.03 s and 6.83 s", "battery low", "may be changed as normal"),
        new("no red blink", "no blink within 20 s: the battery may be completely discharged",
            () => Routine(blinks: 0).Vcd(), Map, 1, "FAIL", "red blinks: no red blink within 20.00 s of the press", "Do not change the battery yourself"),
        new("late green-off", "green off at 11 s breaks 'within 10 seconds', and the FAIL says what to do",
            () => Routine(blinks: 0).Without(Green).Pulse(Green, 1_030, 12_030).Pulse(Red, 13_030, 13_330).Vcd(), Map, 1, "FAIL",
            "FAIL: press 1 at 1.00 s: green off: green went off 11.03 s after the press (limit 10.00 s). Do not change the battery yourself"),
        new("green never off", "green still lit when the recording ends 25 s after the press",
            () => Routine(blinks: 0).Without(Green).Pulse(Green, 1_030).Vcd(), Map, 1, "FAIL",
            "green never went off: still lit when the recording ends 25.00 s after the press", "Do not change the battery yourself"),
        new("green off just over 10 s", "10.004 s is over the limit and must not read as 10.00 s",
            () => Routine(blinks: 0).Without(Green).Pulse(Green, 1_030, 11_004).Pulse(Red, 13_030, 13_330).Vcd(), Map, 1, "FAIL",
            "green went off 10.01 s after the press (limit 10.00 s)", "ok    order"),
        new("green on late", "green lit 1.5 s after the press: a care worker would take the press as failed",
            () => Routine().Without(Green).Pulse(Green, 2_500, 5_030).Vcd(), Map, 1, "FAIL", "green turned on 1.50 s after the press (limit 1.00 s)"),
        new("green never on", "no green at all: the later rules cannot be judged",
            () => Routine().Without(Green).Vcd(), Map, 1, "FAIL", "green did not turn on", "not judged: green never turned on"),
        new("late red", "the only blink starts 21 s after the press",
            () => Routine(blinks: 0).Pulse(Red, 22_000, 22_300).Vcd(), Map, 1, "FAIL", "red lit 21.00 s after the press (limit 20.00 s)", "Report the lock to service"),
        new("blink crossing 20 s", "a 0.30 s blink starting at 19.85 s is within 20 s: its end may be later",
            () => Routine(blinks: 0).Pulse(Red, 20_850, 21_150).Vcd(), Map, 0, "PASS", "1 blink at 19.85 s"),
        new("steady red", "red lit 5 s is not 'blinks briefly' (a blink is 0.10 to 1.00 s)",
            () => Routine(blinks: 0).Pulse(Red, 7_030, 12_030).Vcd(), Map, 1, "FAIL", "lit for 5.00 s: not a brief blink"),
        new("flicker", "red lit 0.05 s is above the glitch level but too short to see as a blink",
            () => Routine(blinks: 0).Pulse(Red, 7_030, 7_080).Vcd(), Map, 1, "FAIL", "red lit only 0.05 s", "too short"),
        new("three blinks", "the routine gives once or twice",
            () => Routine(blinks: 3).Vcd(), Map, 1, "FAIL", "3 red blinks, at 6.03 s and 6.83 s and 7.63 s"),

        // Order.
        new("red while green lit", "the routine is green on, green off, then red: a blink while green is lit, none after, fails",
            () => Routine(blinks: 0).Pulse(Red, 3_000, 3_300).Vcd(), Map, 1, "FAIL", "order: red lit 2.00 s after the press, while green was still lit"),
        new("red before green", "red lit between the press and green on",
            () => Routine().Without(Green).Pulse(Green, 1_300, 5_030).Pulse(Red, 1_100, 1_250).Vcd(), Map, 1, "FAIL", "before green turned on"),
        new("green twice", "green lit again without a press after the blink",
            () => Routine().Pulse(Green, 9_000, 9_500).Vcd(), Map, 1, "FAIL", "order: green lit again 8.00 s after the press without a new press"),

        // Several presses, each judged on its own.
        new("two good presses", "each press is judged from its own press time",
            () => Routine().Answer(31_000, blinks: 2).EndingAt(56_000).Vcd(), Map, 0, "PASS,PASS", "Press 2 at 31.00 s", "battery good at press 1, battery low at press 2"),
        new("good then no red", "the second routine has no blink: the recording fails and names press 2",
            () => Routine().Answer(31_000, blinks: 0).EndingAt(56_000).Vcd(), Map, 1, "PASS,FAIL", "FAIL: press 2 at 31.00 s: red blinks: no red blink"),
        new("no red then good", "a good second routine does not hide a failed first one",
            () => Routine(blinks: 0).Answer(31_000).EndingAt(56_000).Vcd(), Map, 1, "FAIL,PASS", "FAIL: press 1 at 1.00 s"),
        new("pressed twice while green lit", "the lock ignores presses during its test; so does the judge",
            () => Routine().Pulse(Button, 2_500, 2_700).Vcd(), Map, 0, "PASS", "pressed again at 2.50 s, while this test ran: the lock ignores it"),
        new("pressed again before 20 s", "after green went off, a press the lock answers starts a new test: the first cannot get its verdict",
            () => Routine().Answer(12_000).EndingAt(40_000).Vcd(), Map, 2, "UNUSABLE,PASS", "the button is pressed again (press 2) 11.00 s after the press; its verdict is due at 20.00 s"),

        // Recordings that cannot give a verdict: exit 2, with what is missing.
        new("ends before 20 s", "the red blinks may still come: unusable, not FAIL",
            () => Routine(blinks: 0).EndingAt(15_000).Vcd(), Map, 2, "UNUSABLE", "the recording ends 14.00 s after the press; its verdict is due at 20.00 s"),
        new("ends with green lit", "the recording ends 7 s after the press, green still lit",
            () => Routine().Without(Green).Without(Red).Pulse(Green, 1_030).EndingAt(8_000).Vcd(), Map, 2, "UNUSABLE", "with green still lit; its verdict is due at 10.00 s"),
        new("ends mid-blink", "the recording ends while red is lit: the blink's length is unknown",
            () => Routine().EndingAt(7_100).Vcd(), Map, 2, "UNUSABLE", "while red is lit"),
        new("truncated file", "a capture cut off mid-line (copy stopped): the last complete timestamp is the end",
            () => Truncate(Routine().Vcd(), "#7030000"), Map, 2, "UNUSABLE", "the recording ends 4.03 s after the press", "its last line has no newline"),
        new("no press", "no press, nothing to judge",
            () => new RigRecording().Pulse(Green, 1_000, 2_000).Vcd(), Map, 2, "", "UNUSABLE: no press in the recording"),
        new("button high from start", "the press happened before the capture: its time is unknown",
            () => Routine().Without(Button).Pulse(Button, 0, 300).Vcd(), Map, 2, "", "reads pressed from the start", "button=CHANNEL:low"),
        new("only a bounce", "a 20 ms closing is shorter than the lock's 30 ms debounce: no press",
            () => new RigRecording().Pulse(Button, 1_000, 1_020).Vcd(), Map, 2, "", "never stayed pressed for 0.03 s"),

        // Rig wiring: polarity through the map, glitches.
        new("active-low rig mapped", "a pull-up button and LEDs wired to the supply, mapped with :low",
            () => new RigRecording { ActiveLow = true }.Answer(1_000).Vcd(), LowMap, 0, "PASS", "battery good"),
        new("active-low button unmapped", "a pull-up button read as active-high reads pressed from the start",
            () => new RigRecording { ActiveLow = true }.Answer(1_000).Vcd(), Map, 2, "", "reads pressed from the start"),
        new("active-low LEDs unmapped", "green reads lit at the press: the FAIL says how to map it",
            () => new RigRecording { ActiveLow = true }.Answer(1_000).Vcd(), "button=D0:low,green=D1,red=D2", 1, "FAIL", "green=CHANNEL:low"),
        new("5 ms glitch before the press", "a glitch is not the press: times count from the real press at 1.00 s",
            () => Routine().Pulse(Button, 500, 505).Vcd(), Map, 0, "PASS", "Press 1 at 1.00 s", "green on 0.03 s after the press"),
        new("bouncing contact", "the press is timed from the closing that held 30 ms",
            () => Routine().Without(Button).Pulse(Button, 990, 991).Pulse(Button, 993, 994).Pulse(Button, 996, 1_300).Vcd(), Map, 0, "PASS", "Press 1 at 1.00 s", "green on 0.03 s"),
        new("red glitches", "a 5 ms spike and a 2 ms dropout inside the blink are noise",
            () => Routine(blinks: 0).Pulse(Red, 6_000, 6_005).Pulse(Red, 7_030, 7_100).Pulse(Red, 7_102, 7_330).Vcd(), Map, 0, "PASS", "1 blink at 6.03 s"),
        new("wrong red channel", "red mapped to a probe that never blinks",
            () => Routine().Vcd(), "button=D0,green=D1,red=D3", 1, "FAIL", "no red blink"),
        new("missing channel", "the map names a channel the recording lacks",
            () => Routine().Vcd(), "button=D7,green=D1,red=D2", 2, "", "no channel 'D7'", "libsigrok.D0, libsigrok.D1, libsigrok.D2, libsigrok.D3"),

        // Timescales and sigrok's own output.
        new("timescale 1 ns", "ticks of 1 ns", () => new RigRecording { Timescale = "1 ns" }.Answer(1_000).Vcd(), Map, 0, "PASS", "1 blink at 6.03 s"),
        new("timescale 100 ns", "ticks of 100 ns", () => new RigRecording { Timescale = "100 ns" }.Answer(1_000).Vcd(), Map, 0, "PASS", "1 blink at 6.03 s"),
        new("timescale 10 us", "sigrok at 100 kHz", () => new RigRecording { Timescale = "10 us", SigrokStyle = true }.Answer(1_000).Vcd(), Map, 0, "PASS", "1 blink at 6.03 s"),
        new("timescale 1 ms", "a coarse dump", () => new RigRecording { Timescale = "1 ms" }.Answer(1_000, blinks: 2).Vcd(), Map, 0, "PASS", "2 blinks"),
        new("sigrok style", "a META line before the header, changes on the timestamp's line",
            () => new RigRecording { SigrokStyle = true, ActiveLow = true }.Answer(1_000).Vcd(), LowMap, 0, "PASS", "battery good"),
        new("sigrok-cli: simulated good", "the simulator's VCD converted by sigrok-cli 0.7.2, read unchanged",
            () => Recording("sigrok-simulated-good.vcd"), "button=button,green=led.green,red=led.red", 0, "PASS", "1 blink at 6.03 s"),
        new("sigrok-cli: simulated depleted", "the same for a completely discharged battery",
            () => Recording("sigrok-simulated-depleted.vcd"), "button=button,green=led.green,red=led.red", 1, "FAIL", "no red blink"),
        new("sigrok-cli: rig, active-low, two presses", "a 100 kHz rig capture with bouncing button and a busy spare probe, converted by sigrok-cli",
            () => Recording("sigrok-rig-active-low-two-presses.vcd"), LowMap, 0, "PASS,PASS", "Press 2 at 32.00 s", "battery low at press 2"),
    ];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (Case c in All)
        {
            names.Add(c.Name);
        }

        return names;
    }

    public static Case Named(string name) => All.Single(c => c.Name == name);

    private static string Recording(string file) => File.ReadAllText(RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/" + file));

    /// <summary>The text cut off inside <paramref name="marker"/>, as a copy that stopped there.</summary>
    private static string Truncate(string vcd, string marker) => vcd[..(vcd.IndexOf(marker, StringComparison.Ordinal) + 3)];
}
