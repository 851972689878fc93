namespace LockSimulator.Physics;

/// <summary>How <see cref="DriveTrain"/> integrates the motor's equations between two instants the firmware can observe.</summary>
public enum DriveTrainIntegration
{
    /// <summary>
    /// Exact solution of the motor's linear equation over segments in which the loop, the load
    /// and the direction stay the same, cut at every event that changes them (end stop, jam,
    /// bolt throw, the shaft stopping) and wherever the battery drifts more than a set fraction.
    /// </summary>
    Exact,

    /// <summary>Explicit steps of 0.5 ms: the reference the exact integration is proven against.</summary>
    FixedStep,
}
