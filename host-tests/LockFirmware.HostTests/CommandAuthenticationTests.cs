using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>The skeleton frame's guarantees: a wrong tag, a replay or garbage never moves the motor.</summary>
public class CommandAuthenticationTests
{
    private static readonly LockSetup Setup = new();

    [Fact]
    public void A_frame_signed_with_another_secret_is_refused_and_nothing_moves()
    {
        var sim = new SimulatedLock(Setup);
        var intruder = new CommandSigner(new byte[32]);
        sim.Write(100, intruder.Build(Opcode.Unlock));
        sim.RunUntil(3_000);

        Assert.Equal((byte)ResultCode.BadMac, sim.Board.Notifications[0][1]);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.Value != "coast");
        Assert.Equal(LockState.Unknown, sim.Core.State);
    }

    [Fact]
    public void A_recorded_frame_replayed_later_is_refused()
    {
        var sim = new SimulatedLock(Setup);
        var phone = new CommandSigner(Setup.Secret);
        byte[] unlock = phone.Build(Opcode.Unlock);
        sim.Write(100, unlock);
        sim.Write(3_000, phone.Build(Opcode.Lock));
        sim.Write(6_000, unlock);
        sim.RunUntil(9_000);

        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.Equal((byte)ResultCode.Replayed, sim.Board.Notifications[^1][1]);
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_the_frame_is_refused()
    {
        byte[] good = new CommandSigner(Setup.Secret).Build(Opcode.Unlock);
        for (int bit = 0; bit < good.Length * 8; bit++)
        {
            var sim = new SimulatedLock(Setup);
            byte[] bad = (byte[])good.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            sim.Write(0, bad);
            sim.RunUntil(50);

            Assert.NotEqual((byte)ResultCode.Ok, sim.Board.Notifications[0][1]);
            Assert.Equal(LockState.Unknown, sim.Core.State);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(21)]
    [InlineData(244)]
    public void Frames_of_impossible_length_get_BadFrame(int length)
    {
        var sim = new SimulatedLock(Setup);
        sim.Write(0, new byte[length]);
        sim.RunUntil(50);

        Assert.Equal((byte)ResultCode.BadFrame, sim.Board.Notifications[0][1]);
    }

    [Fact]
    public void An_unknown_opcode_with_a_valid_tag_gets_UnknownOpcode()
    {
        var sim = new SimulatedLock(Setup);
        sim.Write(0, new CommandSigner(Setup.Secret).Build((Opcode)0x7E));
        sim.RunUntil(50);

        Assert.Equal((byte)ResultCode.UnknownOpcode, sim.Board.Notifications[0][1]);
    }
}
