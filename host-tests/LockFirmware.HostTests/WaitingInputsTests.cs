using LockFirmware.Events;
using LockSimulator.Timing;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>
/// The simulator's unfenced look at the firmware's input queue answers as the queue's own
/// HasInput does, through the ring, a full ring's level kept beside it, refusals and takes.
/// </summary>
public class WaitingInputsTests
{
    [Fact]
    public void The_unfenced_look_agrees_with_the_queue_through_posts_refusals_and_takes()
    {
        var queue = new InputQueue(2);
        var payload = new byte[InputQueue.MaxPayload];
        Assert.False(WaitingInputs.Any(queue));

        Assert.True(queue.Post(InputKind.BleWrite, payload, 0, 4));
        Assert.True(WaitingInputs.Any(queue));
        Assert.True(queue.Post(InputKind.BleConnected));
        // The ring is full: another BLE input is refused, a button edge waits beside the ring.
        Assert.False(queue.Post(InputKind.BleWrite, payload, 0, 4));
        Assert.True(queue.Post(InputKind.ButtonDown));

        int taken = 0;
        while (queue.HasInput)
        {
            Assert.True(WaitingInputs.Any(queue));
            Assert.NotEqual(InputKind.None, queue.Take(payload, out _));
            taken++;
        }

        Assert.Equal(3, taken);
        Assert.False(WaitingInputs.Any(queue));
        Assert.Equal(InputKind.None, queue.Take(payload, out _));
        Assert.False(WaitingInputs.Any(queue));
    }
}
