using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockSimulator;
using LockSimulator.Scenarios;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>The VCD export for waveform viewers and the import of simulator and logic-analyser dumps.</summary>
public class VcdTests
{
    private static VcdRecording Parse(string text) => VcdReader.Read(new StringReader(text));

    private static string Export(SimulatedLock sim)
    {
        var text = new StringWriter();
        VcdWriter.Write(sim.Trace.Events, sim.Now, text);
        return text.ToString();
    }

    /// <summary>The level changes a pin's trace events mean, starting from low.</summary>
    private static List<LevelChange> Expected(SimulatedLock sim, string signal, string highWhen)
    {
        var changes = new List<LevelChange>();
        bool level = false;
        foreach (TraceEvent e in sim.Trace.Events.Where(e => e.Signal == signal))
        {
            bool high = highWhen.Split('|').Contains(e.Value);
            if (high != level)
            {
                changes.Add(new LevelChange(e.TimeMs * 1000, high));
                level = high;
            }
        }

        return changes;
    }

    [Fact]
    public void The_demo_round_trips_through_VCD_for_every_pin()
    {
        SimulatedLock sim = DemoScenario.Run(new LockSetup());
        VcdRecording read = Parse(Export(sim));

        foreach (string pin in new[] { Signals.Button, Signals.GreenLed, Signals.RedLed, Signals.TestLoad })
        {
            Assert.NotEmpty(Expected(sim, pin, "1"));
            Assert.Equal(Expected(sim, pin, "1"), read.Channel(pin).Changes);
        }

        Assert.NotEmpty(Expected(sim, Signals.Motor, "unlock|brake"));
        Assert.Equal(Expected(sim, Signals.Motor, "unlock|brake"), read.Channel(VcdWriter.MotorIn1).Changes);
        Assert.Equal(Expected(sim, Signals.Motor, "lock|brake"), read.Channel(VcdWriter.MotorIn2).Changes);
        Assert.Equal(sim.Now * 1000, read.EndUs);
    }

    [Fact]
    public void The_export_is_a_1_us_dump_of_1_bit_wires_only_with_the_motor_as_the_bridge_inputs()
    {
        string text = Export(DemoScenario.Run(new LockSetup())).ReplaceLineEndings("\n");

        Assert.Contains("$timescale 1 us $end", text);
        Assert.Contains("$var wire 1 \" led.green $end", text);
        Assert.Contains("$var wire 1 % motor.in1 $end", text);
        Assert.Contains("$var wire 1 & motor.in2 $end", text);
        Assert.All(text.Split('\n').Where(l => l.StartsWith("$var")), l => Assert.StartsWith("$var wire 1 ", l));
        Assert.DoesNotContain("\nb", text);
        Assert.Contains("#0\n$dumpvars\n0!\n", text);
        Assert.Contains("#1000000\n1%\n", text); // unlock at 1 s: IN1 high
    }

    [Fact]
    public void Sigrok_cli_output_reads_unchanged_META_line_included()
    {
        string text = File.ReadAllText(RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/sigrok-rig-active-low-two-presses.vcd"));
        VcdRecording read = Parse(text);

        Assert.StartsWith("META samplerate: 100000", text);
        Assert.Equal(new[] { "libsigrok.D0", "libsigrok.D1", "libsigrok.D2", "libsigrok.D3" }, read.Names);
        Assert.Equal(new LevelChange(2_000_000, false), read.Channel("D0").Changes[1]); // 10 us ticks; the bouncing active-low button
        Assert.Equal(60_000_000, read.EndUs);
    }

    [Fact]
    public void The_simulators_VCD_through_sigrok_cli_keeps_every_wire()
    {
        // sigrok-cli 0.7.2 -I vcd -O vcd of the simulator's export (Recordings/README.md).
        using var text = new StringReader(File.ReadAllText(RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/sigrok-simulated-good.vcd")));
        VcdReader reader = VcdReader.Open(text);

        Assert.Equal(new[] { "button", "led.green", "led.red", "load", "motor.in1", "motor.in2" }, reader.Names.Select(n => n[(n.IndexOf('.') + 1)..]));
    }

    [Fact]
    public void Streaming_reads_only_the_signals_asked_for_and_resolves_names_and_aliases()
    {
        VcdReader reader = VcdReader.Open(new StringReader("""
            $timescale 1 ms $end
            $scope module a $end $var wire 1 ! x $end $var wire 1 " y $end $upscope $end
            $scope module b $end $var wire 1 ! alias $end $upscope $end
            $enddefinitions $end
            #5 1! 1"
            #9 0!

            """));
        int x = reader.Find("x");
        var seen = new List<(int, long, bool)>();
        var wanted = new bool[reader.SignalCount];
        wanted[x] = true;

        reader.ReadChanges(wanted, (signal, timeUs, level) => seen.Add((signal, timeUs, level)));

        Assert.Equal(x, reader.Find("b.alias"));
        Assert.Equal(new[] { (x, 5_000L, true), (x, 9_000L, false) }, seen);
        Assert.Equal(5_000, reader.StartUs);
        Assert.Throws<System.InvalidOperationException>(() => reader.ReadChanges(wanted, (_, _, _) => { }));
    }

    [Fact]
    public void A_last_line_without_a_newline_is_taken_as_cut_off_and_not_read()
    {
        VcdReader reader = VcdReader.Open(new StringReader("$timescale 1 us $end $var wire 1 ! a $end $enddefinitions $end\n#10 1!\n#20 0!\n#3"));
        var changes = new List<long>();

        reader.ReadChanges([true], (_, t, _) => changes.Add(t));

        Assert.True(reader.Truncated);
        Assert.Equal(20, reader.EndUs);
        Assert.Equal(new[] { 10L, 20L }, changes);
    }

    [Theory]
    [InlineData("1 ns", 1500, 1)]
    [InlineData("10 ns", 150, 1)]
    [InlineData("100ps", 25_000, 2)]
    [InlineData("1fs", 3_000_000_000, 3)]
    [InlineData("100 ms", 3, 300_000)]
    [InlineData("10 s", 2, 20_000_000)]
    public void Any_timescale_converts_to_microseconds(string timescale, long ticks, long expectedUs)
    {
        VcdRecording read = Parse($"$timescale {timescale} $end $var wire 1 ! a $end $enddefinitions $end #{ticks} 1!\n");

        Assert.Equal(new[] { new LevelChange(expectedUs, true) }, read.Channel("a").Changes);
    }

    [Fact]
    public void Scopes_comments_dumpvars_vectors_aliases_and_unknown_values_are_read()
    {
        VcdRecording read = Parse("""
            $comment written by hand $end
            $timescale 1 ms $end
            $scope module top $end
              $scope module led $end
                $var wire 1 ! red $end
                $var reg 4 % bus [3:0] $end
              $upscope $end
              $scope module probe $end
                $var wire 1 ! red $end
              $upscope $end
            $upscope $end
            $enddefinitions $end
            $dumpvars 0! b0000 % $end
            #5 1! $comment mid-dump $end
            #6 x! bx %
            #7 0! b0100 %
            #9 b0 % r1.5 %

            """);

        Assert.Equal(new[] { new LevelChange(5_000, true), new LevelChange(7_000, false) }, read.Channel("top.led.red").Changes);
        Assert.Same(read.Channel("top.led.red"), read.Channel("top.probe.red"));
        Assert.Equal(new[] { new LevelChange(7_000, true), new LevelChange(9_000, false) }, read.Channel("bus").Changes);
        Assert.Equal(9_000, read.EndUs);
    }

    [Theory]
    [InlineData("time,button\n0,1\n")]
    [InlineData("")]
    [InlineData("$var wire 1 ! a $end\n#0 1!\n")]
    [InlineData("$timescale 3 us $end $var wire 1 ! a $end $enddefinitions $end")]
    [InlineData("$var wire 1 ! a $end $enddefinitions $end #0 1?")]
    [InlineData("$var wire 1 ! a $end $enddefinitions $end #10 1! #5 0!")]
    [InlineData("$var wire 1 ! a $end $enddefinitions $end #1x 1!")]
    [InlineData("$var wire 1 ! a $end $enddefinitions $end #0 b12 !")]
    [InlineData("$var wire 1 ! a $end $enddefinitions $end #0 q!")]
    [InlineData("$comment never closed")]
    public void What_is_not_VCD_is_refused(string text)
    {
        Assert.Throws<UnusableRecordingException>(() => Parse(text + "\n"));
    }

    [Fact]
    public void A_missing_or_ambiguous_channel_is_refused_with_its_name()
    {
        VcdRecording read = Parse("$scope module a $end $var wire 1 ! x $end $upscope $end $scope module b $end $var wire 1 \" x $end $upscope $end $enddefinitions $end");

        Assert.Contains("'led.red'", Assert.Throws<UnusableRecordingException>(() => read.Channel("led.red")).Message);
        Assert.Contains("a.x, b.x", Assert.Throws<UnusableRecordingException>(() => read.Channel("x")).Message);
        Assert.Empty(read.Channel("a.x").Changes);
    }
}
