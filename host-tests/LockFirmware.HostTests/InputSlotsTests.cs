using System;
using LockFirmware.Events;
using LockSimulator;
using LockSimulator.Timing;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>The firmware's input queue on a simulated lock: the ideal link's room unless the setup gives fewer slots, the board's on its timing.</summary>
public class InputSlotsTests
{
    private static readonly byte[] Write = new byte[20];

    /// <summary>Writes posted at one instant, with no dispatcher round between them, until the queue refuses one.</summary>
    private static int WritesTaken(SimulatedLock sim)
    {
        int taken = 0;
        while (sim.Core.Inputs.Post(InputKind.BleWrite, Write, 0, Write.Length))
        {
            taken++;
        }

        return taken;
    }

    [Fact]
    public void An_ideal_lock_queues_sixteen_writes_unless_its_setup_gives_fewer_slots()
    {
        Assert.Equal(16, WritesTaken(new SimulatedLock(new LockSetup())));
        Assert.Equal(InputQueue.BoardCapacity, WritesTaken(new SimulatedLock(new LockSetup { InputSlots = InputQueue.BoardCapacity })));
    }

    [Fact]
    public void The_boards_timing_keeps_the_boards_queue_whatever_the_setup_says()
    {
        var sim = new SimulatedLock(new LockSetup { Timing = TimingProfile.Device, InputSlots = 16 });
        Assert.Equal(InputQueue.BoardCapacity, WritesTaken(sim));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_setup_without_a_slot_is_refused(int slots)
    {
        Assert.Throws<ArgumentException>(() => new SimulatedLock(new LockSetup { InputSlots = slots }));
    }
}
