using System;
using LockSimulator.Physics;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>
/// What happens to the unit in the physical world, at the fleet's virtual time now (time does
/// not move): the button, the battery, the door, a jam, a stiff door, a broken motor, power,
/// a port unit's mains supply.
/// Each answers with the lock as it is afterwards.
/// </summary>
internal static class PhysicalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/locks/{id}").WithTags("Physical actions");

        Action(group.MapPost("/button", (uint id, ButtonRequest? request, LockFleet fleet) => Act(fleet, id, l =>
            {
                int hold = request?.HoldMs ?? new ButtonRequest().HoldMs;
                Check(hold is >= 30 and <= 20_000, "holdMs must be 30 … 20 000");
                l.Sim.PressButton(l.Sim.Now, hold);
            })),
            "pressButton",
            "Press the push button (a self-test; held 5 s or more: opens the pairing window)");

        Action(group.MapPut("/battery", (uint id, BatteryRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                l.Sim.Physics.ReplaceBattery(BatteryPresets.For(request.Preset));
                l.BatteryPreset = request.Preset;
            })),
            "setBattery",
            "Set the battery's condition in place, without a power interruption (e.g. drained to low)");

        Action(group.MapPost("/battery/replace", (uint id, BatteryRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                BatteryParameters pack = BatteryPresets.For(request.Preset);
                SimulatedLock sim = l.Sim;
                sim.CutPower(sim.Now);
                sim.At(sim.Now, () => sim.Physics.ReplaceBattery(pack));
                sim.RestorePower(sim.Now);
                l.BatteryPreset = request.Preset;
            })),
            "replaceBattery",
            "Replace the battery: power off, the new pack in, power on (the lock boots)");

        Action(group.MapPut("/door", (uint id, DoorRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                l.DoorOpen = request.Open;
                l.Sim.Door(l.Sim.Now, request.Open);
            })),
            "setDoor",
            "Open or close the door: a door unit's optional door sensor reports it (auto-relock waits for a closed door); a port or laundry unit's door contact " +
            "confirms an entry during a release, engages the strike once the door has closed again, and raises alarm DoorHeldOpen while the door stays open past its held-open time");

        Action(group.MapPut("/jam", (uint id, JamRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                Check(request.Fraction is >= 0 and <= 1, "fraction must be 0 … 1 of the travel");
                l.Sim.Physics.JamAt = request.Fraction * l.Sim.Setup.Motor.TravelRadians;
            })),
            "setJam",
            "Block the thumb-turn at a fraction of its travel (a jam)");

        Action(group.MapDelete("/jam", (uint id, LockFleet fleet) => Act(fleet, id, l => l.Sim.Physics.JamAt = null)),
            "clearJam",
            "Clear the jam");

        Action(group.MapPut("/friction", (uint id, FrictionRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                Check(request.Factor is >= 0.1 and <= 10, "factor must be 0.1 … 10");
                l.Sim.Physics.FrictionFactor = request.Factor;
            })),
            "setFriction",
            "A stiff or misaligned door: multiply the cylinder's torque");

        Action(group.MapPut("/motor", (uint id, MotorFaultRequest request, LockFleet fleet) => Act(fleet, id, l => l.Sim.Physics.OpenCircuit = request.OpenCircuit)),
            "setMotorFault",
            "Break (openCircuit: true) or mend the motor winding");

        Action(group.MapPut("/power", (uint id, PowerRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                if (request.On && !l.Sim.Powered)
                {
                    l.Sim.RestorePower(l.Sim.Now);
                }
                else if (!request.On && l.Sim.Powered)
                {
                    l.Sim.CutPower(l.Sim.Now);
                }
            })),
            "setPower",
            "Cut (on: false) or restore the power: a cut ends BLE links and sessions, a restore boots the lock");

        Action(group.MapPut("/mains", (uint id, MainsRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                Check(l.Sim.Mains != null, "a door unit runs on its battery: only a port or laundry unit has a mains supply");
                l.Sim.SetMains(l.Sim.Now, request.Present);
            })),
            "setMains",
            "Cut (present: false) or restore the building's supply of a port or laundry unit: after 2 s the unit counts the change " +
            "(audit MainsLost or MainsRestored, warning MainsLost) and runs on its backup pack meanwhile; a door unit is 400");

        Action(group.MapPost("/fault", (uint id, FaultRequest request, LockFleet fleet) => Act(fleet, id, l =>
            {
                Check(request.Ms is >= 0 and <= 600_000 && request.AfterMs is >= 0 and <= 3_600_000, "ms must be 0 … 600 000 and afterMs 0 … 3 600 000");
                Check(Array.IndexOf(Faults.FaultInjection.Kinds, request.Kind) >= 0, "kind must be hang, gc-pause, flash-commit, adapter-throws or callback-throws");
                Faults.FaultInjection.Inject(l.Sim, request.Kind, l.Sim.Now + request.AfterMs, request.Ms);
            })),
            "injectFault",
            "Inject a software fault afterMs from now: the managed code hangs, a GC pause or a flash commit of ms, an adapter or a callback throws");
    }

    private static void Action(RouteHandlerBuilder endpoint, string operationId, string summary) => endpoint
        .WithName(operationId)
        .WithSummary(summary)
        .ProducesProblems(StatusCodes.Status400BadRequest)
        .ProducesProblems(StatusCodes.Status404NotFound)
        .ProducesProblems(StatusCodes.Status409Conflict);

    private static LockView Act(LockFleet fleet, uint id, Action<FleetLock> action)
    {
        FleetLock acted = fleet.Act(id, l =>
        {
            action(l);
            return l;
        });
        return acted.Read(() => LockViews.Of(acted));
    }

    private static void Check(bool valid, string detail)
    {
        if (!valid)
        {
            throw ApiProblem.BadRequest(detail);
        }
    }
}
