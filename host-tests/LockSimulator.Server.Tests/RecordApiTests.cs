using System.Linq;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>The audit log and the traces of a lock.</summary>
public class RecordApiTests
{
    [Fact]
    public async Task The_audit_log_is_decoded_with_who_did_what()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 4001 });
        await door.Phone(await server.StaffAsync(4001, userId: 42)).UnlockAsync();

        AuditView audit = await door.AuditAsync();
        Assert.Equal("Boot", audit.Records[0].Event);
        AuditRecordView command = audit.Records.Single(r => r.Event == "Command");
        Assert.Equal(("Ok", "Unlock", 42u, 7u), (command.Result, command.Detail, command.UserId, command.KeyId));
        Assert.False(command.TimeSinceBoot);
        Assert.Contains("command Unlock: Ok", command.Text);
        Assert.Contains(audit.Records, r => r.Event == "MoveFinished" && r.Result == "Unlocked" && r.MotorOnTimeMs > 0);
        Assert.All((await door.AuditAsync(since: command.Sequence)).Records, r => Assert.True(r.Sequence >= command.Sequence));
    }

    [Fact]
    public async Task Traces_come_as_json_events_and_as_a_vcd_waveform()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 4002 });
        await door.Phone(await server.StaffAsync(4002)).UnlockAsync();

        TraceView trace = await door.TraceAsync();
        Assert.Contains(trace.Events, e => e.Signal == "motor" && e.Value == "unlock");
        Assert.Contains(trace.Events, e => e.Signal == "ble.in");
        Assert.Empty((await door.TraceAsync(since: trace.Next)).Events);

        string vcd = await door.VcdAsync();
        Assert.StartsWith("$version LockSimulator $end", vcd);
        Assert.Contains("$var wire 1 % motor.in1 $end", vcd); // 1-bit wires only: sigrok reads them
        Assert.Contains("\n1%", vcd.ReplaceLineEndings("\n"));
    }
}
