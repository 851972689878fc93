using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.Ports;

namespace LockSimulator.Tracing;

/// <summary>
/// Writes a simulated lock's pins as an IEEE 1364 VCD file for GTKWave or PulseView, in
/// microseconds: button, LEDs and test load as 1-bit wires, the motor bridge as a 2-bit bus
/// holding <see cref="MotorDrive"/> (0 coast, 1 unlock, 2 lock, 3 brake: non-zero while the
/// bridge drives). A pin not yet recorded starts idle (0). Several changes of one pin within
/// the same millisecond collapse to the last, as a waveform can only show one level.
/// </summary>
public static class VcdWriter
{
    private sealed record Variable(string Id, string Signal, int Size);

    private static readonly Variable[] Variables =
    [
        new("!", Signals.Button, 1),
        new("\"", Signals.GreenLed, 1),
        new("#", Signals.RedLed, 1),
        new("$", Signals.TestLoad, 1),
        new("%", Signals.Motor, 2),
    ];

    public static void Write(IEnumerable<TraceEvent> events, long endMs, TextWriter output)
    {
        output.WriteLine("$version LockSimulator $end");
        output.WriteLine("$timescale 1 us $end");
        output.WriteLine("$scope module lock $end");
        foreach (Variable v in Variables)
        {
            output.WriteLine($"$var wire {v.Size} {v.Id} {v.Signal} $end");
        }

        output.WriteLine("$upscope $end");
        output.WriteLine("$enddefinitions $end");

        var levels = Variables.ToDictionary(v => v, v => "0");
        var instants = events.Where(e => Variables.Any(v => v.Signal == e.Signal)).GroupBy(e => e.TimeMs).ToList();
        bool startsAtZero = instants.Count > 0 && instants[0].Key == 0;
        if (startsAtZero)
        {
            Apply(instants[0], levels);
        }

        output.WriteLine("#0");
        output.WriteLine("$dumpvars");
        foreach (Variable v in Variables)
        {
            output.WriteLine(Change(v, levels[v]));
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

    /// <summary>Takes each pin's last value at one instant; returns the value change lines for the pins that changed.</summary>
    private static List<string> Apply(IEnumerable<TraceEvent> instant, Dictionary<Variable, string> levels)
    {
        var changes = new List<string>();
        foreach (Variable v in Variables)
        {
            string? last = instant.Where(e => e.Signal == v.Signal).Select(e => e.Value).LastOrDefault();
            if (last != null && Encode(v, last) != levels[v])
            {
                levels[v] = Encode(v, last);
                changes.Add(Change(v, levels[v]));
            }
        }

        return changes;
    }

    private static string Encode(Variable v, string value) => v.Size == 1
        ? value
        : Convert.ToString((int)Enum.Parse<MotorDrive>(value, ignoreCase: true), 2);

    private static string Change(Variable v, string value) => v.Size == 1 ? value + v.Id : $"b{value} {v.Id}";
}
