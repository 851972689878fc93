using System.CommandLine;
using System.IO;
using LockFirmware.Storage;
using LockSimulator.Scenarios;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>audit</c>: runs the demo scenario and prints the lock's audit log as it sits in flash.</summary>
public static class AuditCommand
{
    /// <summary>The <c>audit</c> command's definition.</summary>
    public static Command Build()
    {
        var command = new Command("audit", "run the demo scenario, then print the audit log read back from the lock's flash");
        command.SetAction(result => Show(result.InvocationConfiguration.Output));
        return command;
    }

    private static int Show(TextWriter output)
    {
        SimulatedLock sim = DemoScenario.Run(new LockSetup());
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        output.WriteLine($"Audit log: {count} record(s), next sequence {log.NextSequence}, acknowledged up to {log.AcknowledgedUpTo}, dropped {log.Dropped}");
        for (int i = 0; i < count; i++)
        {
            output.WriteLine(AuditText.Describe(buffer, i * AuditRecord.Size));
        }

        return 0;
    }
}
