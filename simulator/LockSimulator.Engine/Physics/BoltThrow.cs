using System;

namespace LockSimulator.Physics;

/// <summary>
/// Where along the thumb-turn's travel the bolt is thrown (from 0.3 to 0.8 of it), as the exact
/// integration asks every segment: the edges as angles, and whether the load just ahead of a
/// position includes the bolt (the fraction position/travel in [0.3, 0.8) moving on, in (0.3, 0.8]
/// moving back). Division by the travel rounds monotonically, so each of those comparisons holds
/// from one position on: found once here, they are told by comparing positions, with the very
/// answers the fraction gives and no division per segment.
/// </summary>
public readonly struct BoltThrow
{
    /// <summary>Where the bolt starts and stops being thrown, as fractions of the travel.</summary>
    public const double FromFraction = 0.3;

    /// <inheritdoc cref="FromFraction"/>
    public const double ToFraction = 0.8;

    private readonly double _travel;
    private readonly bool _byPosition;   // false for a travel that is not a positive finite number: then the fraction is worked out
    private readonly double _atFrom;     // the first position whose fraction is ≥ 0.3
    private readonly double _pastFrom;   // ... > 0.3
    private readonly double _atTo;       // ... ≥ 0.8
    private readonly double _pastTo;     // ... > 0.8

    /// <summary>The bolt throw of a thumb-turn travelling <paramref name="travel"/> radians.</summary>
    public BoltThrow(double travel)
    {
        _travel = travel;
        From = FromFraction * travel;
        To = ToFraction * travel;
        _byPosition = travel > 0 && double.IsFinite(travel)
            && FirstPassing(travel, FromFraction, strict: false, out _atFrom)
            && FirstPassing(travel, FromFraction, strict: true, out _pastFrom)
            && FirstPassing(travel, ToFraction, strict: false, out _atTo)
            && FirstPassing(travel, ToFraction, strict: true, out _pastTo);
    }

    /// <summary>The angle where the bolt starts being thrown, 0.3 × the travel.</summary>
    public double From { get; }

    /// <summary>The angle where it is fully thrown, 0.8 × the travel.</summary>
    public double To { get; }

    /// <summary>Whether moving in <paramref name="direction"/> from <paramref name="position"/> throws the bolt.</summary>
    public bool Ahead(double position, double direction)
    {
        if (!_byPosition)
        {
            double fraction = position / _travel;
            return direction > 0
                ? fraction >= FromFraction && fraction < ToFraction
                : fraction > FromFraction && fraction <= ToFraction;
        }

        // fraction ≥ 0.3 is position ≥ _atFrom, fraction < 0.8 is position < _atTo, and so on (NaN fails both ways alike).
        return direction > 0
            ? position >= _atFrom && position < _atTo
            : position >= _pastFrom && position < _pastTo;
    }

    /// <summary>The first double whose fraction of <paramref name="travel"/> is ≥ (or &gt;) <paramref name="fraction"/>: a few steps from fraction × travel.</summary>
    private static bool FirstPassing(double travel, double fraction, bool strict, out double first)
    {
        first = fraction * travel;
        for (int steps = 0; steps < 64; steps++)
        {
            bool passes = Passes(first, travel, fraction, strict);
            double below = Math.BitDecrement(first);
            if (passes && !Passes(below, travel, fraction, strict))
            {
                return true;
            }

            first = passes ? below : Math.BitIncrement(first);
        }

        return false;
    }

    private static bool Passes(double position, double travel, double fraction, bool strict) =>
        strict ? position / travel > fraction : position / travel >= fraction;
}
