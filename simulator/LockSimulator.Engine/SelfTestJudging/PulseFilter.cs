using LockSimulator.Tracing;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Cleans one signal as its changes stream in: a level counts only once it has held for its
/// minimum time (or until the recording ends), so a spike or a dropout shorter than that is
/// ignored and contact chatter reads as one edge at the time the level settled. Keeps one
/// change in hand, so a long capture is filtered in constant memory.
/// </summary>
public sealed class PulseFilter
{
    private readonly long _minHighUs;
    private readonly long _minLowUs;
    private readonly DigitalSignal _clean = new();
    private bool _rawLevel;
    private bool _pending;
    private long _pendingUs;

    /// <param name="minHighUs">How long a high level must hold to count.</param>
    /// <param name="minLowUs">How long a low level must hold to count.</param>
    public PulseFilter(long minHighUs, long minLowUs)
    {
        _minHighUs = minHighUs;
        _minLowUs = minLowUs;
    }

    /// <summary>The raw signal took <paramref name="level"/> at <paramref name="timeUs"/>.</summary>
    public void Set(long timeUs, bool level)
    {
        if (level == _rawLevel)
        {
            return;
        }

        if (_pending && timeUs - _pendingUs >= (_rawLevel ? _minHighUs : _minLowUs))
        {
            _clean.Set(_pendingUs, _rawLevel);
        }

        _rawLevel = level;
        _pending = true;
        _pendingUs = timeUs;
    }

    /// <summary>The clean signal; the last change counts, as it held until the recording ended.</summary>
    public DigitalSignal Finish()
    {
        if (_pending)
        {
            _clean.Set(_pendingUs, _rawLevel);
            _pending = false;
        }

        return _clean;
    }

    /// <summary>A whole signal through the filter.</summary>
    public static DigitalSignal Clean(DigitalSignal raw, long minHighUs, long minLowUs)
    {
        var filter = new PulseFilter(minHighUs, minLowUs);
        foreach (LevelChange change in raw.Changes)
        {
            filter.Set(change.TimeUs, change.Level);
        }

        return filter.Finish();
    }
}
