using System;
using System.Collections.Generic;

namespace LockSimulator.Tracing;

/// <summary>
/// A 1-bit signal as the times its level changed. It is low before its first change (a pin
/// not yet recorded is taken as idle: button released, LED off), and every change flips
/// the level, so rising and falling edges can be read straight off the list.
/// </summary>
public sealed class DigitalSignal
{
    private readonly List<LevelChange> _changes = new();

    public IReadOnlyList<LevelChange> Changes => _changes;

    /// <summary>The level after the last change.</summary>
    public bool Level => _changes.Count > 0 && _changes[^1].Level;

    /// <summary>Records <paramref name="level"/> at <paramref name="timeUs"/>; the same level again is no change.</summary>
    public void Set(long timeUs, bool level)
    {
        if (_changes.Count > 0 && timeUs < _changes[^1].TimeUs)
        {
            throw new ArgumentException($"time {timeUs} us goes back before {_changes[^1].TimeUs} us", nameof(timeUs));
        }

        if (level != Level)
        {
            _changes.Add(new LevelChange(timeUs, level));
        }
    }

    /// <summary>The level at <paramref name="timeUs"/> (a change at exactly that time counts).</summary>
    public bool LevelAt(long timeUs)
    {
        bool level = false;
        foreach (LevelChange change in _changes)
        {
            if (change.TimeUs > timeUs)
            {
                break;
            }

            level = change.Level;
        }

        return level;
    }
}
