namespace LockSimulator.Physics;

/// <summary>
/// The reference thumb-turn unit's drive train (hardware/units/thumb-turn-unit.md gives the
/// sources): a 6 V class brushed DC motor behind a 200:1 gearbox on the thumb-turn.
/// </summary>
public sealed record MotorParameters
{
    /// <summary>Winding resistance, ohm.</summary>
    public double WindingOhms { get; init; } = 5.0;

    /// <summary>H-bridge on-resistance, both switches in the path (DRV8833: about 360 mΩ HS+LS), ohm.</summary>
    public double BridgeOhms { get; init; } = 0.36;

    /// <summary>Back-EMF constant, V·s/rad; equal to the torque constant in N·m/A (SI units).</summary>
    public double BackEmfConstant { get; init; } = 0.0052;

    /// <summary>Rotor inertia, kg·m²: sets the ~20 ms mechanical time constant (the inrush).</summary>
    public double RotorInertia { get; init; } = 1.0e-7;

    /// <summary>Friction torque at the motor shaft, N·m.</summary>
    public double MotorFrictionNm { get; init; } = 0.0005;

    /// <summary>Gear ratio from motor to thumb-turn.</summary>
    public double GearRatio { get; init; } = 200;

    /// <summary>Gearbox efficiency (worm stage plus spur stages).</summary>
    public double GearEfficiency { get; init; } = 0.5;

    /// <summary>Thumb-turn travel between the two end stops, radians (270°).</summary>
    public double TravelRadians { get; init; } = 4.712;

    /// <summary>Torque to turn the cylinder's cam with the door closed and aligned, N·m at the thumb-turn.</summary>
    public double CylinderTorqueNm { get; init; } = 0.12;

    /// <summary>Extra torque while the bolt is being thrown (middle of the travel), N·m.</summary>
    public double BoltThrowTorqueNm { get; init; } = 0.08;
}
