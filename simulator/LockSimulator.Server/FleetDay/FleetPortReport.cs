using System.Globalization;

namespace LockSimulator.Server.FleetDay;

/// <summary>What the fleet day's port units did (<see cref="FleetPortUnits"/>).</summary>
/// <param name="PortUnits">Port units in the run.</param>
/// <param name="Share">Customers behind each port unit.</param>
/// <param name="Visits">Care visits that began at a port unit.</param>
/// <param name="LetIn">Visits whose staff member got through the entrance.</param>
/// <param name="ShutOut">Visits whose staff member was not let in before they would have been at the customer's door (failures).</param>
/// <param name="Commands">Commands the port units answered.</param>
/// <param name="Failures">Refusals, failed answers and visits shut out.</param>
/// <param name="FailureKinds">The failures by kind.</param>
/// <param name="Waits">Times a phone found a port unit busy with another phone and tried again.</param>
/// <param name="Releases">Strike releases.</param>
/// <param name="Reopens">Unlocks asked again because the staff member found the entrance held shut.</param>
public sealed record FleetPortReport(int PortUnits, int Share, long Visits, long LetIn, long ShutOut, long Commands, long Failures,
    string FailureKinds, long Waits, long Releases, long Reopens)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  port units: {PortUnits}, {Share} customers behind each: {Visits} visits began at the entrance, {LetIn} let in, {ShutOut} shut out; " +
        $"{Commands} commands answered, {Failures} failed{(Failures > 0 ? $" ({FailureKinds})" : "")}, {Waits} wait{(Waits == 1 ? "" : "s")} for a busy port unit, {Releases} strike releases, {Reopens} unlock{(Reopens == 1 ? "" : "s")} again at a door held shut");
}
