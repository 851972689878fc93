using System;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// The physics' remembered exponentials stand in for <see cref="Math.Exp"/>: whatever arguments
/// come, in whatever order and however often, each must give the very bits Math.Exp gives.
/// </summary>
public class ExpMemoTests
{
    [Fact]
    public void Remembered_exponentials_are_the_plain_ones_bit_for_bit()
    {
        var memo = new ExpMemo();
        var turns = new ExpTurns();
        var random = new Random(18);
        double[] lengths = [0.004999999997380655, 0.005000000001018634, 0.005000000004656613, 0.005000000000109139, 0.001, 60.0];
        double[] special = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -745.2, -800, 710, 709.7, double.Epsilon, -double.Epsilon];
        int checks = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = (i % 7) switch
            {
                0 => special[random.Next(special.Length)],
                1 => random.NextDouble() * 40 - 20,
                2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => -lengths[random.Next(lengths.Length)] / (random.Next(3) == 0 ? 0.2 + random.Next(4) : 0.2),
            };
            Same(x, Math.Exp(x), memo.Exp(x));
            Same(x, Math.Exp(x), turns.Exp(x));
            checks++;
        }

        Assert.Equal(200_000, checks);
    }

    private static void Same(double x, double plain, double remembered) =>
        Assert.True(BitConverter.DoubleToInt64Bits(plain) == BitConverter.DoubleToInt64Bits(remembered),
            $"e^{x:R}: Math.Exp {plain:R}, remembered {remembered:R}");
}
