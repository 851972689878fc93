using LockFirmware.Events;
using LockSimulator;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>The simulator's plain read of the firmware's input queue says what HasInput says, in the ring and beside it.</summary>
public class WaitingInputTests
{
    [Fact]
    public void Agrees_with_HasInput_through_posts_kept_levels_and_takes()
    {
        var queue = new InputQueue(2);
        byte[] payload = new byte[InputQueue.MaxPayload];
        int checks = 0;

        void Check()
        {
            Assert.Equal(queue.HasInput, WaitingInput.In(queue));
            checks++;
        }

        Check();
        Assert.False(WaitingInput.In(queue));
        Assert.True(queue.Post(InputKind.BleConnected));
        Check();
        Assert.True(queue.Post(InputKind.BleWrite, payload, 0, 4));
        Check();
        // The ring is full: a level's edge is kept beside it.
        Assert.True(queue.Post(InputKind.DoorOpened));
        Check();
        while (queue.Take(payload, out _) != InputKind.None)
        {
            Check();
        }

        Check();
        Assert.False(WaitingInput.In(queue));
        // Only a level, kept beside an empty ring, still waits.
        Assert.True(queue.Post(InputKind.BleConnected));
        Assert.True(queue.Post(InputKind.BleConnected));
        Assert.True(queue.Post(InputKind.MainsLost));
        Assert.Equal(InputKind.BleConnected, queue.Take(payload, out _));
        Assert.Equal(InputKind.BleConnected, queue.Take(payload, out _));
        Check();
        Assert.True(WaitingInput.In(queue));
        Assert.Equal(InputKind.MainsLost, queue.Take(payload, out _));
        Check();
        Assert.False(WaitingInput.In(queue));
        Assert.True(checks >= 8);
    }
}
