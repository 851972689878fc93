using System;

namespace LockSimulator.Physics;

/// <summary>
/// e^x for the last x asked. The physics asks for the same exponential again and again (every
/// cell of a pack for one interval and current, intervals of one length); the same argument
/// gives the very same value, so only the work changes, never a result.
/// </summary>
public sealed class ExpMemo
{
    private double _argument = double.NaN;
    private double _value = double.NaN;

    /// <summary>e^<paramref name="x"/>, the very bits <see cref="Math.Exp"/> gives.</summary>
    public double Exp(double x)
    {
        // NaN never equals itself, so a NaN argument is passed on to Math.Exp as before.
        if (x != _argument)
        {
            _value = Math.Exp(x);
            _argument = x;
        }

        return _value;
    }
}
