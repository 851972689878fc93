using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.Tracing;

/// <summary>
/// What a VCD file holds, as 1-bit signals by hierarchical name ("scope.sub.name"), and
/// when the recording ended (its last timestamp).
/// </summary>
public sealed class VcdRecording
{
    private readonly IReadOnlyList<KeyValuePair<string, DigitalSignal>> _channels;

    public VcdRecording(IReadOnlyList<KeyValuePair<string, DigitalSignal>> channels, long endUs)
    {
        _channels = channels;
        EndUs = endUs;
    }

    public long EndUs { get; }

    public IEnumerable<string> Names => _channels.Select(c => c.Key);

    /// <summary>
    /// The channel named <paramref name="name"/>: its full path, or its path's tail
    /// ("led.green" finds "lock.led.green", "D0" finds "libsigrok.D0") if only one matches.
    /// </summary>
    public DigitalSignal Channel(string name)
    {
        var matches = _channels.Where(c => c.Key == name).ToList();
        if (matches.Count == 0)
        {
            matches = _channels.Where(c => c.Key.EndsWith("." + name, System.StringComparison.Ordinal)).ToList();
        }

        return matches.Count switch
        {
            1 => matches[0].Value,
            0 => throw new UnusableRecordingException($"no channel '{name}' in the recording (it has: {string.Join(", ", Names)})"),
            _ => throw new UnusableRecordingException($"channel '{name}' is ambiguous ({string.Join(", ", matches.Select(m => m.Key))}): give its full name"),
        };
    }
}
