using System.Collections.Generic;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockSimulator;
using LockSimulator.PowerCut;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// The time budget of storage on the dispatcher: no single file operation may hold it longer
/// than the motor's inrush blanking (80 ms), during which the controller decides nothing, at
/// the device's typical flash timing; and on the unlock path every write comes after the motor
/// has started.
/// </summary>
public class StorageTimeTests
{
    [Fact]
    public void No_storage_operation_of_the_workload_exceeds_the_budget()
    {
        var files = new VirtualFileSystem();
        PowerCutWorkload.Scripted(files);
        long budget = new MotorSettings().InrushBlankingMs * 1000L;

        foreach (StorageOperation operation in System.Enum.GetValues<StorageOperation>())
        {
            Assert.True(files.WorstMicros(operation) <= budget, $"{operation}: {files.WorstMicros(operation)} µs");
        }

        // The workload did compact metadata (the costly case), so the bound was really exercised.
        Assert.True(files.WorstMicros(StorageOperation.Write) > files.Budget.FlashSectorEraseMicros);
    }

    [Fact]
    public void On_the_unlock_path_the_writes_come_after_the_motor_started()
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.Status);
        sim.RunFor(1_000);
        var writes = new List<(MotorDrive Drive, LockState State)>();
        sim.Files.Spent += (operation, _) =>
        {
            if (operation == StorageOperation.Write)
            {
                writes.Add((sim.Physics.Drive, sim.Core.State));
            }
        };

        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(4_000);

        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.True(w.Drive == MotorDrive.Unlock || w.State == LockState.Unlocked, $"a write with the motor {w.Drive} in state {w.State}"));
    }
}
