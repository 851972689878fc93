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
            bool high = highWhen == "!coast" ? e.Value != "coast" : e.Value == highWhen;
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

        Assert.Equal(Expected(sim, Signals.Motor, "!coast"), read.Channel(Signals.Motor).Changes);
        Assert.Equal(sim.Now * 1000, read.EndUs);
    }

    [Fact]
    public void The_export_is_a_1_us_dump_with_the_pins_as_wires_and_the_motor_as_a_bus()
    {
        string text = Export(DemoScenario.Run(new LockSetup()));

        Assert.Contains("$timescale 1 us $end", text);
        Assert.Contains("$var wire 1 \" led.green $end", text);
        Assert.Contains("$var wire 2 % motor $end", text);
        Assert.Contains("#0\n$dumpvars\n0!\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("#1000000\nb1 %\n", text.ReplaceLineEndings("\n")); // unlock at 1 s
    }

    [Fact]
    public void A_sigrok_capture_reads_in_microseconds_from_its_10_us_timescale()
    {
        VcdRecording read = Parse(SigrokCapture.Text);

        Assert.Equal(
            new[] { new LevelChange(500_000, true), new LevelChange(500_500, false), new LevelChange(501_000, true), new LevelChange(800_000, false) },
            read.Channel("D0").Changes);
        Assert.Equal(new[] { new LevelChange(530_000, true), new LevelChange(4_530_000, false) }, read.Channel("libsigrok.D1").Changes);
        Assert.Equal(4, read.Channel("D2").Changes.Count);
        Assert.Equal(25_500_000, read.EndUs);
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
        VcdRecording read = Parse($"$timescale {timescale} $end $var wire 1 ! a $end $enddefinitions $end #{ticks} 1!");

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
        Assert.Throws<UnusableRecordingException>(() => Parse(text));
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
