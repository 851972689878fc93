using LockSimulator.Physics;

namespace LockSimulator.Latency;

/// <summary>
/// One kind of visit the latency study times: how the phone's link was set up, whether the lock
/// knows the time, and the battery. <see cref="FleetShare"/> is how often the kind occurs in a
/// fleet's visits (see <see cref="LatencyStudy.Cases"/> for where the shares come from).
/// </summary>
/// <param name="Name">Words for the report.</param>
/// <param name="MtuPayload">ATT payload the phone asked for (MTU − 3); 20 = no MTU exchange.</param>
/// <param name="ClockKnown">False: the battery was just changed, the phone sends the backend's time token first.</param>
/// <param name="Battery">The pack on the day.</param>
/// <param name="FleetShare">Weight of this kind in the fleet mix.</param>
public sealed record LatencyCase(string Name, int MtuPayload, bool ClockKnown, BatteryParameters Battery, double FleetShare)
{
    /// <summary>The end-stop target (≤ 2 s) is promised with a good battery only.</summary>
    public bool GoodBattery => Battery.StateOfCharge >= BatteryParameters.Good.StateOfCharge;

    /// <summary>The protocol needs more round trips than HELLO and the command: the time token first, or several fragments each answered.</summary>
    public bool ExtraRoundTrips => !ClockKnown || MtuPayload <= LockFirmware.Ble.Fragment.DefaultPayload;
}
