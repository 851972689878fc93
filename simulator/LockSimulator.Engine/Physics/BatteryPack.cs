using System.Linq;

namespace LockSimulator.Physics;

/// <summary>Cells in series: the same current through each, their voltages add, the weakest can reverse.</summary>
public sealed class BatteryPack
{
    private readonly BatteryCell[] _cells;

    public BatteryPack(BatteryParameters parameters)
    {
        Parameters = parameters;
        double rested = parameters.RestedDays * 86400;
        _cells = new BatteryCell[parameters.Cells];
        // The cells carry one current for one interval: an exponential one cell computed, the next reuses.
        ExpMemo polarisationDecay = new(), passivationBreak = new(), passivationRegrowth = new();
        for (int i = 0; i < _cells.Length; i++)
        {
            double soc = i == 0 && parameters.WeakestCellStateOfCharge is double weakest ? weakest : parameters.StateOfCharge;
            _cells[i] = new BatteryCell(parameters.CellCapacityAh, soc, parameters.CellFreshOhms, rested,
                polarisationDecay, passivationBreak, passivationRegrowth)
            {
                TemperatureC = parameters.TemperatureC,
            };
        }
    }

    public BatteryParameters Parameters { get; }

    public double OpenCircuitVolts
    {
        get
        {
            double sum = 0;
            foreach (BatteryCell cell in _cells)
            {
                sum += cell.OpenCircuitVolts;
            }

            return sum;
        }
    }

    public double InternalOhms
    {
        get
        {
            double sum = 0;
            foreach (BatteryCell cell in _cells)
            {
                sum += cell.InternalOhms;
            }

            return sum;
        }
    }

    /// <summary>Lowest cell voltage at this current: negative means a reversed cell (gas risk).</summary>
    public double WeakestCellVolts(double amps) => _cells.Min(c => c.TerminalVolts(amps));

    public double StateOfCharge => _cells.Min(c => c.StateOfCharge);

    public double TemperatureC
    {
        get => _cells[0].TemperatureC;
        set
        {
            foreach (BatteryCell cell in _cells)
            {
                cell.TemperatureC = value;
            }
        }
    }

    /// <remarks>Summed in cell order by a plain loop (the physics asks for it every step; no delegate per call).</remarks>
    public double TerminalVolts(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum += cell.TerminalVolts(amps);
        }

        return sum;
    }

    /// <summary>The pack's open-circuit voltage less the polarisation now (what a load sees before I·R).</summary>
    public double SourceVolts => TerminalVolts(0);

    /// <summary>How fast the pack's source voltage moves under <paramref name="amps"/> now, volts per second.</summary>
    public double VoltsDriftPerSecond(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum += cell.PolarisationDriftPerSecond(amps);
        }

        return sum;
    }

    /// <summary>
    /// At least <see cref="VoltsDriftPerSecond"/>, summed alike from each cell's bound, without a
    /// division: the drive train uses it to tell cheaply that a segment need not end for the battery.
    /// </summary>
    public double VoltsDriftBound(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum += cell.PolarisationDriftBound(amps);
        }

        return sum;
    }

    /// <summary>At least <see cref="OhmsDriftPerSecond"/>, summed alike from each cell's bound, without a division (as <see cref="VoltsDriftBound"/>).</summary>
    public double OhmsDriftBound(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum += cell.PassivationDriftBound(amps);
        }

        return sum;
    }

    /// <summary>How fast the pack's internal resistance moves under <paramref name="amps"/> now, ohms per second.</summary>
    public double OhmsDriftPerSecond(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum += cell.PassivationDriftPerSecond(amps);
        }

        return sum;
    }

    public void Advance(double seconds, double amps)
    {
        foreach (BatteryCell cell in _cells)
        {
            cell.Advance(seconds, amps);
        }
    }
}
