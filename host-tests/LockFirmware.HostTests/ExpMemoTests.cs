using System;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// The physics' remembered exponentials stand in for <see cref="Math.Exp"/>: whatever arguments
/// come, in whatever order and however often, each must give the very bits Math.Exp gives.
/// </summary>
public class ExpMemoTests
{
    private static readonly double[] Lengths = [0.004999999997380655, 0.005000000001018634, 0.005000000004656613, 0.005000000000109139, 0.001, 60.0];

    private static readonly double[] Special = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -745.2, -800, 710, 709.7, double.Epsilon, -double.Epsilon];

    [Fact]
    public void A_remembered_exponential_is_the_plain_one_bit_for_bit()
    {
        var memo = new ExpMemo();
        var random = new Random(18);
        for (int i = 0; i < 200_000; i++)
        {
            double x = (i % 4) switch
            {
                0 => Special[random.Next(Special.Length)],
                1 => random.NextDouble() * 40 - 20,
                2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => -Lengths[random.Next(Lengths.Length)] / 0.2,
            };
            Same($"e^{x:R}", Math.Exp(x), memo.Exp(x));
        }
    }

    [Fact]
    public void A_remembered_decay_is_the_plain_one_bit_for_bit()
    {
        // Lengths and time constants taking turns as a move's segments do, among odd pairs (±0 over ±0 included).
        var turns = new DecayTurns();
        var random = new Random(1801);
        for (int i = 0; i < 200_000; i++)
        {
            (double seconds, double tau) = (i % 5) switch
            {
                0 => (Special[random.Next(Special.Length)], Special[random.Next(Special.Length)]),
                1 => (random.NextDouble() * 100, 0.2 + random.NextDouble() * 120),
                2 => (BitConverter.Int64BitsToDouble(random.NextInt64()), BitConverter.Int64BitsToDouble(random.NextInt64())),
                _ => (Lengths[random.Next(Lengths.Length)], random.Next(4) == 0 ? 0.2 + random.Next(3) * 0.37 : 0.2),
            };
            Same($"e^(-{seconds:R}/{tau:R})", Math.Exp(-seconds / tau), turns.Decay(seconds, tau));
        }
    }

    private static void Same(string what, double plain, double remembered) =>
        Assert.True(BitConverter.DoubleToInt64Bits(plain) == BitConverter.DoubleToInt64Bits(remembered),
            $"{what}: Math.Exp {plain:R}, remembered {remembered:R}");
}
