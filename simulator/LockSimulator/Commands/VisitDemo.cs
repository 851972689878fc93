using System.IO;
using LockSimulator.Scenarios;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>demo --kind visit</c>: a care visit through a building's port unit and the customer's door unit, each unit's timeline and audit, and the routine's steps that make the exit code.</summary>
public static class VisitDemo
{
    public static int Run(TimingProfile timing, int seed, TextWriter output)
    {
        VisitScenario visit = VisitScenario.Run(timing, seed);
        string clock = timing == TimingProfile.Device ? $"device timing, seed {seed}" : "ideal timing";
        output.WriteLine($"A care visit (virtual time, {clock}): staff member {VisitScenario.StaffUserId} holds one credential set from the back office, " +
                         $"for port unit {VisitScenario.PortLockId} at the building's entrance and door unit {VisitScenario.DoorLockId} at the customer's flat");
        output.WriteLine($"at the entrance ({visit.Port.Setup.Serial}, port unit {VisitScenario.PortLockId}): the phone unlocks at {VisitScenario.ArrivalAt / 1000.0:0.0} s, the door is pushed as the strike buzzes");
        Timeline.Write(visit.Port.Trace.Events, output);
        if (visit.AtDoorMs is long atDoor)
        {
            output.WriteLine($"at the customer's door ({visit.Door.Setup.Serial}, door unit {VisitScenario.DoorLockId}), {VisitScenario.StairsMs / 1000} s up the stairs: " +
                             $"the same phone unlocks at {atDoor / 1000.0:0.0} s and locks {VisitScenario.VisitMs / 60_000} min later on leaving");
            Timeline.Write(visit.Door.Trace.Events, output);
        }

        WriteAudit(output, $"port unit {VisitScenario.PortLockId}", visit.Port);
        WriteAudit(output, $"door unit {VisitScenario.DoorLockId}", visit.Door);
        output.WriteLine("the routine:");
        foreach (VisitStep step in visit.Steps)
        {
            output.WriteLine($"  {(step.Done ? "done  " : "FAILED")} {step.Unit}: {step.What} ({step.Detail})");
        }

        if (visit.AtDoorMs == null)
        {
            output.WriteLine("  FAILED the staff member never got past the entrance: the door unit was not tried");
        }

        output.WriteLine(visit.Passed ? "visit: OK" : "visit: FAILED (see the steps above)");
        return visit.Passed ? 0 : 1;
    }

    private static void WriteAudit(TextWriter output, string unit, SimulatedLock sim)
    {
        output.WriteLine($"audit log of {unit} (read back from flash):");
        foreach (string line in PortDemo.AuditLines(sim))
        {
            output.WriteLine("  " + line);
        }
    }
}
