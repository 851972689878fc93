using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.Tracing;

/// <summary>
/// What a VCD file holds, read whole into memory (<see cref="VcdReader.Read"/>), as 1-bit
/// signals by hierarchical name ("scope.sub.name"), and when the recording started and
/// ended (its first and last timestamps).
/// </summary>
public sealed class VcdRecording
{
    private readonly IReadOnlyList<KeyValuePair<string, DigitalSignal>> _channels;

    public VcdRecording(IReadOnlyList<KeyValuePair<string, DigitalSignal>> channels, long startUs, long endUs)
    {
        _channels = channels;
        StartUs = startUs;
        EndUs = endUs;
    }

    public long StartUs { get; }

    public long EndUs { get; }

    public IEnumerable<string> Names => _channels.Select(c => c.Key);

    /// <summary>
    /// The channel named <paramref name="name"/>: its full path, or its path's tail
    /// ("led.green" finds "lock.led.green", "D0" finds "libsigrok.D0") if only one matches.
    /// </summary>
    public DigitalSignal Channel(string name) => VcdReader.Resolve(_channels, name);
}
