using System;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// The exact integration tells whether the bolt is thrown just ahead by comparing the position with
/// precomputed positions instead of dividing it by the travel. That is only exact if every answer is
/// the fraction's: checked here right at each edge (the positions a few units in the last place
/// either side), at random, and for travels where the comparison must fall back on the division.
/// </summary>
public class BoltThrowTests
{
    [Fact]
    public void Ahead_answers_as_the_fraction_of_the_travel_does()
    {
        var random = new Random(18);
        double[] travels = [4.712, Math.PI, 1.5 * Math.PI, 1e-300, 4.9e-324, 1e300, 0, -0.0, -4.712, double.NaN, double.PositiveInfinity];
        double[] odd = [0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue];
        int checks = 0;
        for (int t = 0; t < travels.Length + 200; t++)
        {
            double travel = t < travels.Length ? travels[t] : Math.Pow(10, random.NextDouble() * 6 - 3) * (random.Next(2) == 0 ? 1 : Math.PI);
            var bolt = new BoltThrow(travel);
            Assert.Equal(BitConverter.DoubleToInt64Bits(0.3 * travel), BitConverter.DoubleToInt64Bits(bolt.From));
            Assert.Equal(BitConverter.DoubleToInt64Bits(0.8 * travel), BitConverter.DoubleToInt64Bits(bolt.To));
            foreach (double edge in new[] { 0.3 * travel, 0.8 * travel })
            {
                double position = edge;
                for (int i = 0; i < 40; i++)
                {
                    position = Math.BitDecrement(position);
                }

                for (int i = 0; i < 80; i++, position = Math.BitIncrement(position))
                {
                    checks += Check(bolt, travel, position);
                }
            }

            for (int i = 0; i < 200; i++)
            {
                checks += Check(bolt, travel, (random.NextDouble() * 3 - 1) * travel);
            }

            foreach (double position in odd)
            {
                checks += Check(bolt, travel, position);
                checks += Check(bolt, travel, -position);
            }
        }

        Assert.True(checks > 100_000);
    }

    private static int Check(BoltThrow bolt, double travel, double position)
    {
        foreach (double direction in new[] { 1.0, -1.0 })
        {
            double fraction = position / travel;
            bool expected = direction > 0 ? fraction >= 0.3 && fraction < 0.8 : fraction > 0.3 && fraction <= 0.8;
            Assert.True(expected == bolt.Ahead(position, direction),
                $"travel {travel:R}, position {position:R}, direction {direction}: the fraction {fraction:R} says {expected}");
        }

        return 2;
    }
}
