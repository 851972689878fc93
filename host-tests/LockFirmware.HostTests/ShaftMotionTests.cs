using System;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// The drive train finds when the shaft reaches a mark (an edge of the bolt throw, an end stop,
/// the jam) by bisection, and skips the steps whose outcome it has proven beforehand. That is only
/// exact if every time comes out as the plain bisection's, bit for bit: checked here over motions
/// like a move's, and over motions far outside them, where the proof must give up rather than err.
/// </summary>
public class ShaftMotionTests
{
    [Fact]
    public void Reaching_an_angle_in_a_move_takes_the_plain_bisection_time()
    {
        var random = new Random(18);
        for (int i = 0; i < 60_000; i++)
        {
            // A move's loop: λ = k²/(R·J) about 47 per second driving, 50 braking; full speed about 1 900 rad/s.
            double direction = random.Next(2) == 0 ? 1 : -1;
            double rate = 40 + random.NextDouble() * 15;
            double end = direction * random.NextDouble() * 2_500;
            double start = random.Next(5) == 0 ? 0 : direction * random.NextDouble() * 2_500;
            double within = random.Next(3) == 0 ? random.NextDouble() * 0.005 : 0.005 + (random.NextDouble() - 0.5) * 1e-11;
            Check(new ShaftMotion(start, end * rate, rate), Target(random, start, end, rate, within), within);
        }
    }

    [Fact]
    public void Far_outside_a_move_the_time_is_still_the_plain_bisection_time()
    {
        var random = new Random(1801);
        double[] odd = [0, -0.0, 1e-300, double.NaN, double.PositiveInfinity, 1e300];
        double[] oddAngles = [0, -0.0, 1e-300, -1e-300, double.PositiveInfinity, double.NegativeInfinity, 1e300];   // a NaN angle throws in both (Math.Sign)
        for (int i = 0; i < 60_000; i++)
        {
            double rate = random.Next(10) == 0 ? odd[random.Next(odd.Length)] : Math.Pow(10, random.NextDouble() * 8 - 3);
            double start = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6));
            double end = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6));
            double within = random.Next(10) == 0 ? odd[random.Next(odd.Length)] : Math.Pow(10, random.NextDouble() * 6 - 6);
            var motion = new ShaftMotion(start, end * rate, rate);
            double angle = random.Next(4) switch
            {
                0 => Target(random, start, end, rate, within),
                1 => (random.NextDouble() - 0.5) * 10,
                2 => oddAngles[random.Next(oddAngles.Length)],
                _ => motion.Angle(within, motion.Decay(within)) * (1 + (random.NextDouble() - 0.5) * 1e-9),
            };
            if (!double.IsNaN(angle))
            {
                Check(motion, angle, within);
            }
        }
    }

    [Fact]
    public void The_inlined_sign_is_Math_Sign()
    {
        var random = new Random(7);
        double[] odd = [0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity];
        for (int i = 0; i < 10_000; i++)
        {
            double value = i < odd.Length ? odd[i] : BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsNaN(value))
            {
                continue;
            }

            Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Sign(value)), BitConverter.DoubleToInt64Bits(ShaftMotion.SignOf(value)));
        }

        Assert.Throws<ArithmeticException>(() => ShaftMotion.SignOf(double.NaN));
    }

    /// <summary>The angle at a time within the segment, at times rounded as a mark's (mark − position)·gear would be.</summary>
    private static double Target(Random random, double start, double end, double rate, double within)
    {
        var motion = new ShaftMotion(start, end * rate, rate);
        double t = random.Next(8) == 0 ? within : random.NextDouble() * within;
        double angle = motion.Angle(t, motion.Decay(t));
        return random.Next(3) == 0 ? Math.Round(angle / 200, 4) * 200 : angle;
    }

    private static void Check(ShaftMotion motion, double angle, double within)
    {
        double plain = PlainBisection(motion, angle, within);
        double found = motion.TimeToAngle(angle, within, motion.Decay(within));
        Assert.True(BitConverter.DoubleToInt64Bits(plain) == BitConverter.DoubleToInt64Bits(found),
            $"{angle:R} rad within {within:R} s: the plain bisection {plain:R} s, TimeToAngle {found:R} s");
    }

    /// <summary>The bisection as the drive train did it before the proven steps: every step works out the angle.</summary>
    private static double PlainBisection(ShaftMotion motion, double angle, double within)
    {
        double low = 0;
        double high = within;
        double sign = Math.Sign(angle);
        for (int i = 0; i < 60 && high - low > 1e-12; i++)
        {
            double middle = 0.5 * (low + high);
            if ((motion.Angle(middle, motion.Decay(middle)) - angle) * sign >= 0)
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
}
