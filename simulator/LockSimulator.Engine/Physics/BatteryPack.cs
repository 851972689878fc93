using System;
using System.Linq;

namespace LockSimulator.Physics;

/// <summary>Cells in series: the same current through each, their voltages add, the weakest can reverse.</summary>
public sealed class BatteryPack
{
    // Cells that start alike stay alike: each carries the same current for the same time at the
    // same temperature through the same arithmetic. So a pack of like cells keeps one cell that
    // stands for each of them (every sum still adds its value once per cell, in cell order):
    // the very same values as separate cells, for one cell's work.
    private readonly BatteryCell[] _cells;
    private readonly int _copies;

    public BatteryPack(BatteryParameters parameters)
    {
        Parameters = parameters;
        double rested = parameters.RestedDays * 86400;
        bool alike = parameters.Cells > 1 && (parameters.WeakestCellStateOfCharge is not double odd
            || BitConverter.DoubleToInt64Bits(odd) == BitConverter.DoubleToInt64Bits(parameters.StateOfCharge));
        _copies = alike ? parameters.Cells : 1;
        _cells = new BatteryCell[alike ? 1 : parameters.Cells];
        // The cells carry one current for one interval: an exponential one cell computed, the next reuses.
        ExpMemo passivationBreak = new(), passivationRegrowth = new();
        for (int i = 0; i < _cells.Length; i++)
        {
            double soc = i == 0 && parameters.WeakestCellStateOfCharge is double weakest ? weakest : parameters.StateOfCharge;
            _cells[i] = new BatteryCell(parameters.CellCapacityAh, soc, parameters.CellFreshOhms, rested,
                passivationBreak, passivationRegrowth)
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
                sum = AddPerCell(sum, cell.OpenCircuitVolts);
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
                sum = AddPerCell(sum, cell.InternalOhms);
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
            sum = AddPerCell(sum, cell.TerminalVolts(amps));
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
            sum = AddPerCell(sum, cell.PolarisationDriftPerSecond(amps));
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
            sum = AddPerCell(sum, cell.PolarisationDriftBound(amps));
        }

        return sum;
    }

    /// <summary>At least <see cref="OhmsDriftPerSecond"/>, summed alike from each cell's bound, without a division (as <see cref="VoltsDriftBound"/>).</summary>
    public double OhmsDriftBound(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum = AddPerCell(sum, cell.PassivationDriftBound(amps));
        }

        return sum;
    }

    /// <summary>How fast the pack's internal resistance moves under <paramref name="amps"/> now, ohms per second.</summary>
    public double OhmsDriftPerSecond(double amps)
    {
        double sum = 0;
        foreach (BatteryCell cell in _cells)
        {
            sum = AddPerCell(sum, cell.PassivationDriftPerSecond(amps));
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

    /// <summary><paramref name="sum"/> plus a kept cell's <paramref name="value"/> once for each cell it stands for, one addition at a time as separate cells would add.</summary>
    private double AddPerCell(double sum, double value)
    {
        for (int i = 0; i < _copies; i++)
        {
            sum += value;
        }

        return sum;
    }
}
