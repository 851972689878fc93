using System;

namespace LockSimulator.Physics;

/// <summary>
/// The motor shaft over one segment of the exact integration: ω(t) = ω∞ + (ω₀ − ω∞)·e^(−λt) with
/// λ = damping/J and ω∞ = acceleration/λ, or a straight line ω₀ + a·t without damping (coasting,
/// a shorted winding); angles are at the motor shaft, in radians from the segment's start.
/// </summary>
public readonly struct ShaftMotion
{
    /// <summary>The unit roundoff of a double, 2^−53: no operation errs by more than this fraction of its result.</summary>
    private const double Roundoff = 1.1102230246251565e-16;

    private readonly double _start;
    private readonly double _acceleration;
    private readonly double _rate;
    private readonly double _end;   // ω∞, once (used only with damping)

    /// <summary>A shaft at <paramref name="start"/> rad/s, accelerating at <paramref name="acceleration"/> rad/s² while still and slowing by <paramref name="rate"/> per second of its speed.</summary>
    public ShaftMotion(double start, double acceleration, double rate)
    {
        _start = start;
        _acceleration = acceleration;
        _rate = rate;
        _end = acceleration / rate;
    }

    /// <summary>e^(−λt): the one exponential both <see cref="Speed"/> and <see cref="Angle"/> at <paramref name="t"/> need (1 without damping, unused there).</summary>
    public double Decay(double t) => _rate > 0 ? Math.Exp(-_rate * t) : 1;

    /// <summary>The speed at <paramref name="t"/>, given its <paramref name="decay"/> (<see cref="Decay"/>).</summary>
    public double Speed(double t, double decay) => _rate > 0
        ? _end + (_start - _end) * decay
        : _start + _acceleration * t;

    /// <summary>The angle turned by <paramref name="t"/>, given its <paramref name="decay"/>: −(e^(−λt) − 1) is −expm1(−λt) as .NET computes it, so one exponential serves both.</summary>
    public double Angle(double t, double decay) => _rate > 0
        ? _end * t + (_start - _end) * -(decay - 1) / _rate
        : _start * t + 0.5 * _acceleration * t * t;

    /// <summary>When the speed, moving in <paramref name="direction"/>, reaches zero (friction then holds the shaft); infinity if never.</summary>
    public double TimeToRest(double direction)
    {
        if (_rate > 0)
        {
            return _end * direction < 0 ? Math.Log((_start - _end) / -_end) / _rate : double.PositiveInfinity;
        }

        return _acceleration * direction < 0 ? -_start / _acceleration : double.PositiveInfinity;
    }

    /// <summary>
    /// <see cref="Math.Sign(double)"/> as a double, inlined where the physics asks it every segment
    /// (Math.Sign is not, as it throws for NaN: it still does, being asked then).
    /// </summary>
    public static double SignOf(double value) => value > 0 ? 1 : value < 0 ? -1 : value == 0 ? 0 : Math.Sign(value);

    /// <summary>
    /// When the shaft has turned <paramref name="angle"/>, reached within <paramref name="within"/>
    /// (whose <see cref="Decay"/> is <paramref name="decayWithin"/>): bisection on <see cref="Angle"/>.
    /// Where <see cref="Sure"/> already knows a step's outcome, the step takes it without working
    /// out the angle: the same steps, so the very same time.
    /// </summary>
    public double TimeToAngle(double angle, double within, double decayWithin)
    {
        double sign = SignOf(angle);
        (double shortUpTo, double reachedFrom) = Sure(angle, within, decayWithin, sign);
        double low = 0;
        double high = within;
        for (int i = 0; i < 60 && high - low > 1e-12; i++)
        {
            double middle = 0.5 * (low + high);
            if (middle >= reachedFrom || (middle > shortUpTo && (Angle(middle, Decay(middle)) - angle) * sign >= 0))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>
    /// Two times, found by Newton's method and proven with the error bound of <see cref="Angle"/>:
    /// up to the first the bisection's test surely finds the angle short of <paramref name="angle"/>,
    /// from the second surely reached (−∞ and ∞ when unsure: the test is worked out every time).
    /// </summary>
    /// <remarks>
    /// Sound because the angle moves one way throughout [0, within]: the speed, monotonic in time,
    /// has the angle's sign at both ends. Each step of <see cref="Angle"/> errs by at most the unit
    /// roundoff u (the exponential by 2u, one unit in the last place, more than glibc's and .NET's
    /// documented error; its argument's rounding moves it by λt·u), which sums
    /// to under u·(2|ω∞|t + |ω₀ − ω∞|·(3t + 5/λ)) at t ≤ within; <c>error</c> takes 32 times the
    /// larger |ω∞|·within + |ω₀ − ω∞|·(within + 2/λ). A time where the computed angle falls short
    /// by more than three such errors has the true angle short by more than two, and so has every
    /// earlier time, whose computed angle then still falls short; likewise past <paramref name="angle"/>.
    /// </remarks>
    private (double ShortUpTo, double ReachedFrom) Sure(double angle, double within, double decayWithin, double sign)
    {
        (double, double) unsure = (double.NegativeInfinity, double.PositiveInfinity);
        if (!(_rate > 0) || sign == 0 || !(within > 0))
        {
            return unsure;
        }

        double gap = Math.Abs(_start - _end);
        double error = 32 * Roundoff * (Math.Abs(_end) * within + gap * (within + 2 / _rate)) + 1e-300;
        double speedError = 32 * Roundoff * (Math.Abs(_end) + gap * (_rate * within + 6));
        if (!double.IsFinite(error) || !double.IsFinite(speedError) || _start * sign < 0 || !(Speed(within, decayWithin) * sign > speedError))
        {
            return unsure;
        }

        // Newton's method from the straight line through both ends, until what its next step would
        // still move (its step squared times |ω′/2ω|) is below 0.1 fs. Where it ends need not be
        // exact: the two times either side are proven below, or left unsure.
        double t = Math.Clamp(within * (angle / Angle(within, decayWithin)), 0, within);
        double left = within;
        double speed = Speed(within, decayWithin);
        for (int i = 0; i < 8 && left > 1e-16; i++)
        {
            double decay = Decay(t);
            speed = Speed(t, decay);
            double step = (Angle(t, decay) - angle) / speed;
            t = Math.Clamp(t - step, 0, within);
            if (!double.IsFinite(t))
            {
                return unsure;
            }

            left = step * step * Math.Abs(_rate * (_start - _end) * decay / (2 * speed));
        }

        // Far enough either side for what Newton left and for the error's worth of time.
        double margin = 1e-15 + 4 * left + 16 * error / Math.Abs(speed);
        double before = t - margin;
        double after = t + margin;
        double shortBy = (Angle(before, Decay(before)) - angle) * sign;
        double pastBy = (Angle(after, Decay(after)) - angle) * sign;
        return (shortBy < -3 * error ? before : double.NegativeInfinity, pastBy > 3 * error ? after : double.PositiveInfinity);
    }
}
