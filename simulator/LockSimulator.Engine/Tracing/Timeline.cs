using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LockFirmware.Ble;

namespace LockSimulator.Tracing;

/// <summary>Writes a trace as a readable timeline: virtual time, signal, value, and what a BLE frame means.</summary>
public static class Timeline
{
    public static void Write(IEnumerable<TraceEvent> events, TextWriter output)
    {
        foreach (TraceEvent e in events)
        {
            string time = (e.TimeMs / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
            string meaning = e.Signal is Signals.BleIn or Signals.BleOut ? "  " + NoticeText.Describe(e.Value) : "";
            output.WriteLine($"{time,9} s  {e.Signal,-10} {e.Value}{meaning}");
        }
    }
}
