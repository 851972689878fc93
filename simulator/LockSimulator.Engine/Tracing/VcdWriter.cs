using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.Ports;

namespace LockSimulator.Tracing;

/// <summary>
/// Writes a simulated lock's pins as an IEEE 1364 VCD file for GTKWave, PulseView or
/// sigrok-cli, in microseconds. Every variable is a 1-bit wire, because sigrok's VCD input
/// stops at the first wider one: button, LEDs, test load, and the motor bridge as its two
/// inputs <c>motor.in1</c> and <c>motor.in2</c> (the DRV8833's logic table, as
/// <c>GpioMotorBridge</c> drives it: 10 unlock, 01 lock, 11 brake, 00 coast). A pin not yet
/// recorded starts idle (0). Several changes of one pin within the same millisecond collapse
/// to the last, as a waveform can only show one level.
/// </summary>
public static class VcdWriter
{
    /// <summary>The bridge input that is high while driving towards unlocked, and for braking.</summary>
    public const string MotorIn1 = Signals.Motor + ".in1";

    /// <summary>The bridge input that is high while driving towards locked, and for braking.</summary>
    public const string MotorIn2 = Signals.Motor + ".in2";

    /// <summary>A wire: its id, its name, the traced signal it comes from, and its level for a traced value.</summary>
    private sealed record Wire(string Id, string Name, string Signal, Func<string, bool> High);

    private static readonly Wire[] Wires =
    [
        new("!", Signals.Button, Signals.Button, v => v == "1"),
        new("\"", Signals.GreenLed, Signals.GreenLed, v => v == "1"),
        new("#", Signals.RedLed, Signals.RedLed, v => v == "1"),
        new("$", Signals.TestLoad, Signals.TestLoad, v => v == "1"),
        new("%", MotorIn1, Signals.Motor, v => Drive(v) is MotorDrive.Unlock or MotorDrive.Brake),
        new("&", MotorIn2, Signals.Motor, v => Drive(v) is MotorDrive.Lock or MotorDrive.Brake),
    ];

    public static void Write(IEnumerable<TraceEvent> events, long endMs, TextWriter output)
    {
        output.WriteLine("$version LockSimulator $end");
        output.WriteLine("$timescale 1 us $end");
        output.WriteLine("$scope module lock $end");
        foreach (Wire w in Wires)
        {
            output.WriteLine($"$var wire 1 {w.Id} {w.Name} $end");
        }

        output.WriteLine("$upscope $end");
        output.WriteLine("$enddefinitions $end");

        var levels = new bool[Wires.Length];
        var instants = events.Where(e => Wires.Any(w => w.Signal == e.Signal)).GroupBy(e => e.TimeMs).ToList();
        bool startsAtZero = instants.Count > 0 && instants[0].Key == 0;
        if (startsAtZero)
        {
            Apply(instants[0], levels);
        }

        output.WriteLine("#0");
        output.WriteLine("$dumpvars");
        for (int i = 0; i < Wires.Length; i++)
        {
            output.WriteLine(Change(i, levels[i]));
        }

        output.WriteLine("$end");
        long lastMs = 0;
        foreach (IGrouping<long, TraceEvent> instant in instants.Skip(startsAtZero ? 1 : 0))
        {
            List<string> changes = Apply(instant, levels);
            if (changes.Count > 0)
            {
                output.WriteLine($"#{instant.Key * 1000}");
                changes.ForEach(output.WriteLine);
                lastMs = instant.Key;
            }
        }

        // The final timestamp tells a reader how long the recording ran after the last change.
        if (endMs > lastMs)
        {
            output.WriteLine($"#{endMs * 1000}");
        }
    }

    /// <summary>Takes each wire's last value at one instant; returns the value change lines for the wires that changed.</summary>
    private static List<string> Apply(IEnumerable<TraceEvent> instant, bool[] levels)
    {
        var changes = new List<string>();
        for (int i = 0; i < Wires.Length; i++)
        {
            string? last = instant.Where(e => e.Signal == Wires[i].Signal).Select(e => e.Value).LastOrDefault();
            if (last != null && Wires[i].High(last) != levels[i])
            {
                levels[i] = !levels[i];
                changes.Add(Change(i, levels[i]));
            }
        }

        return changes;
    }

    private static MotorDrive Drive(string value) => Enum.Parse<MotorDrive>(value, ignoreCase: true);

    private static string Change(int wire, bool level) => (level ? "1" : "0") + Wires[wire].Id;
}
