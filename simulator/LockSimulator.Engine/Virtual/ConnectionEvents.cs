using System.Collections.Generic;
using LockSimulator.Budget;

namespace LockSimulator.Virtual;

/// <summary>
/// The connection events of one BLE connection: the radios meet once every connection
/// interval after the connection is made, and each meeting carries at most
/// <see cref="BleLinkBudget.PacketsPerEvent"/> link-layer packets each way. A packet that is
/// ready just after an event waits for the next one (Core Specification Vol 6 Part B §4.5.1:
/// the central opens every event, the peripheral answers in it). The phone also waits for the
/// answer to an ATT request before sending the next (Vol 3 Part F §3.3.2: one request outstanding).
/// </summary>
internal sealed class ConnectionEvents
{
    private readonly BleLinkBudget _link;
    private readonly long _anchor;
    private readonly Dictionary<long, int> _uplink = new();
    private readonly Dictionary<long, int> _downlink = new();
    private long _phoneMayWriteAt = 1;

    public ConnectionEvents(BleLinkBudget link, long connectedAt)
    {
        _link = link;
        _anchor = connectedAt;
    }

    /// <summary>Virtual time of event number <paramref name="index"/> (the first is one interval after connecting).</summary>
    public long TimeOf(long index) => _anchor + index * _link.ConnectionIntervalMs;

    /// <summary>The event in which the last packet of a phone-to-lock PDU of <paramref name="packets"/> packets, ready at <paramref name="now"/>, arrives.</summary>
    public long Uplink(long now, int packets) => Reserve(_uplink, System.Math.Max(FirstAfter(now), _phoneMayWriteAt), packets);

    /// <summary>The event in which the last packet of a lock-to-phone PDU ready at <paramref name="now"/> arrives.</summary>
    public long Downlink(long now, int packets) => Reserve(_downlink, FirstAfter(now), packets);

    /// <summary>The phone's next request waits until the answer sent in event <paramref name="answerIndex"/> has arrived.</summary>
    public void PhoneAwaits(long answerIndex) => _phoneMayWriteAt = System.Math.Max(_phoneMayWriteAt, answerIndex + 1);

    private long FirstAfter(long now) => now < _anchor ? 1 : (now - _anchor) / _link.ConnectionIntervalMs + 1;

    private long Reserve(Dictionary<long, int> used, long index, int packets)
    {
        while (true)
        {
            used.TryGetValue(index, out int taken);
            int take = System.Math.Min(_link.PacketsPerEvent - taken, packets);
            used[index] = taken + take;
            packets -= take;
            if (packets == 0)
            {
                return index;
            }

            index++;
        }
    }
}
