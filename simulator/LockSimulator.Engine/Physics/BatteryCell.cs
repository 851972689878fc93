using System;

namespace LockSimulator.Physics;

/// <summary>
/// One Li-SOCl2 cell: open-circuit voltage along its discharge curve (a flat 3.6 V plateau,
/// a knee in the last tenth, past empty towards reversal), internal resistance that rises
/// near empty and in the cold, a polarisation element that recovers slowly near empty, and
/// a passivation film that grows at rest and breaks down under load.
/// </summary>
public sealed class BatteryCell
{
    private const double PlateauTopVolts = 3.67;
    private const double PlateauBottomVolts = 3.60;
    private const double KneeStart = 0.10;
    private const double EmptyVolts = 2.0;

    /// <summary>Passivation film: its resistance grows towards this at rest (ohm)...</summary>
    private const double PassivationMaxOhms = 2.5;
    /// <summary>...with this time constant (seconds; about a month)...</summary>
    private const double PassivationGrowSeconds = 30 * 86400.0;
    /// <summary>...and breaks down after this much charge under load (coulombs).</summary>
    private const double PassivationBreakCoulombs = 0.04;

    /// <summary>Self-discharge: under 1 % of capacity a year (Li-SOCl2 datasheets).</summary>
    public const double SelfDischargePerSecond = 0.01 / (365 * 86400.0);

    private readonly double _capacityCoulombs;
    private readonly double _freshOhms;
    private double _polarisationVolts;

    // The cold factor is computed again only when the temperature changes, and each exponential
    // of Advance only when its argument does (the film's shared by the pack's cells, which carry
    // one current for one interval; the polarisation's decay by every pack the thread advances,
    // DecayTurns): the very same values for less work.
    private double _temperatureC = 20;
    private double _coldFactor = 1;
    private readonly ExpMemo _passivationBreak;
    private readonly ExpMemo _passivationRegrowth;

    // What the state of charge, the film and the temperature give, kept from one change of them
    // to the next: the drive train reads them many times between two intervals it carries.
    private double _depth;
    private double _openCircuitVolts;
    private double _internalOhms;

    public BatteryCell(double capacityAh, double stateOfCharge, double freshOhms, double restedSeconds)
        : this(capacityAh, stateOfCharge, freshOhms, restedSeconds, new ExpMemo(), new ExpMemo())
    {
    }

    /// <summary>A cell of a pack, sharing the pack's remembered exponentials.</summary>
    internal BatteryCell(double capacityAh, double stateOfCharge, double freshOhms, double restedSeconds,
        ExpMemo passivationBreak, ExpMemo passivationRegrowth)
    {
        _capacityCoulombs = capacityAh * 3600;
        _freshOhms = freshOhms;
        StateOfCharge = stateOfCharge;
        PassivationOhms = PassivationMaxOhms * (1 - Math.Exp(-restedSeconds / PassivationGrowSeconds));
        _passivationBreak = passivationBreak;
        _passivationRegrowth = passivationRegrowth;
        StateChanged();
    }

    public double StateOfCharge { get; private set; }

    public double PassivationOhms { get; private set; }

    public double TemperatureC
    {
        get => _temperatureC;
        set
        {
            _temperatureC = value;
            _coldFactor = ColdFactor(value);
            StateChanged();
        }
    }

    public double OpenCircuitVolts => _openCircuitVolts;

    /// <summary>Open-circuit voltage along the discharge curve at <paramref name="soc"/> (0..1, below 0 past empty).</summary>
    public static double OpenCircuitVoltsAt(double soc)
    {
        if (soc >= KneeStart)
        {
            return PlateauBottomVolts + (PlateauTopVolts - PlateauBottomVolts) * (soc - KneeStart) / (1 - KneeStart);
        }

        if (soc >= 0)
        {
            return EmptyVolts + (PlateauBottomVolts - EmptyVolts) * Math.Sqrt(soc / KneeStart);
        }

        // Past empty the cell is being driven by its neighbours towards reversal.
        return EmptyVolts + 40 * soc;
    }

    /// <summary>Ohmic resistance: rises sharply on the knee and doubles about every 15 °C of cold.</summary>
    public double InternalOhms => _internalOhms;

    /// <summary>Ohmic resistance without passivation at <paramref name="soc"/>.</summary>
    public static double OhmicAt(double soc, double freshOhms, double temperatureC)
    {
        return Ohmic(soc, freshOhms, ColdFactor(temperatureC));
    }

    private static double Ohmic(double soc, double freshOhms, double coldFactor) => OhmicAtDepth(Depth(soc), freshOhms, coldFactor);

    private static double OhmicAtDepth(double depth, double freshOhms, double coldFactor) => freshOhms * (1 + 30 * depth * depth) * coldFactor;

    /// <summary>Resistance doubles about every 15 °C of cold below 20 °C.</summary>
    private static double ColdFactor(double temperatureC) => Math.Pow(2, Math.Max(0, 20 - temperatureC) / 15);

    /// <summary>Polarisation under a steady load, as a resistance: what it adds once it has built up (a fraction of a second).</summary>
    public static double PolarisationOhmsAt(double soc) => PolarisationOhmsAtDepth(Depth(soc));

    private static double PolarisationOhmsAtDepth(double depth) => 0.02 + 3.0 * depth * depth;

    /// <summary>How far down the knee, 0..1. On the plateau the quotient is 0 or below, which the clamp makes 0: no division needed.</summary>
    private static double Depth(double soc) => soc >= KneeStart ? 0 : Math.Clamp((KneeStart - soc) / KneeStart, 0, 1);

    /// <summary>The voltage the cell shows carrying <paramref name="amps"/> now.</summary>
    public double TerminalVolts(double amps) => _openCircuitVolts - _polarisationVolts - amps * _internalOhms;

    /// <summary>How fast the polarisation moves under <paramref name="amps"/> now, volts per second (the discharge curve's own slope is far slower).</summary>
    public double PolarisationDriftPerSecond(double amps)
    {
        double target = amps * PolarisationOhmsAtDepth(_depth);
        double tau = target > _polarisationVolts ? 0.2 : 0.2 + 120 * _depth * _depth;
        return Math.Abs(target - _polarisationVolts) / tau;
    }

    /// <summary>How fast the passivation film breaks down under <paramref name="amps"/> now, ohms per second (its regrowth takes a month).</summary>
    public double PassivationDriftPerSecond(double amps) => amps > 0.01 ? PassivationOhms * amps / PassivationBreakCoulombs : 0;

    /// <summary>
    /// At least <see cref="PolarisationDriftPerSecond"/>, without dividing: the same |target − polarisation|
    /// over a time constant never below 0.2 s is at most 5 times it (0.2 as a double is a little above 0.2).
    /// </summary>
    public double PolarisationDriftBound(double amps) => 5 * Math.Abs(amps * PolarisationOhmsAtDepth(_depth) - _polarisationVolts);

    /// <summary>At least <see cref="PassivationDriftPerSecond"/>, without dividing: 25·|P·I| (0.04 as a double is a little above 0.04).</summary>
    public double PassivationDriftBound(double amps) => amps > 0.01 ? 25 * Math.Abs(PassivationOhms * amps) : 0;

    /// <summary>Carries <paramref name="amps"/> for <paramref name="seconds"/> (exact for a constant current).</summary>
    public void Advance(double seconds, double amps)
    {
        if (seconds <= 0)
        {
            return;
        }

        StateOfCharge -= amps * seconds / _capacityCoulombs + SelfDischargePerSecond * seconds;

        // Polarisation: builds within a fraction of a second to I·Rp, but relaxes with a time
        // constant that grows near empty, so a healthy cell recovers within a second of the
        // load going off and an exhausted one not for minutes.
        double depth = Depth(StateOfCharge);
        double target = amps * PolarisationOhmsAtDepth(depth);
        double tau = target > _polarisationVolts ? 0.2 : 0.2 + 120 * depth * depth;
        _polarisationVolts = target + (_polarisationVolts - target) * DecayTurns.OfThisThread.Decay(seconds, tau);

        // Passivation: load current breaks the film down; rest lets it grow back.
        if (amps > 0.01)
        {
            PassivationOhms *= _passivationBreak.Exp(-amps * seconds / PassivationBreakCoulombs);
        }
        else
        {
            PassivationOhms = PassivationMaxOhms - (PassivationMaxOhms - PassivationOhms) * _passivationRegrowth.Exp(-seconds / PassivationGrowSeconds);
        }

        StateChanged(depth);
    }

    private void StateChanged() => StateChanged(Depth(StateOfCharge));

    /// <summary>The state of charge (at <paramref name="depth"/>), the film or the temperature changed: what they give is worked out once, here.</summary>
    private void StateChanged(double depth)
    {
        _depth = depth;
        _openCircuitVolts = OpenCircuitVoltsAt(StateOfCharge);
        _internalOhms = OhmicAtDepth(_depth, _freshOhms, _coldFactor) + PassivationOhms;
    }
}
