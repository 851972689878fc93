using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Status;
using LockSimulator;
using LockSimulator.Budget;
using LockSimulator.Physics;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>
/// The lock's one BLE connection as the board has it: advertising never changes while a phone
/// is connected, connections that open no session or go idle are dropped, each connection
/// starts at the default MTU, and writes the firmware cannot queue are refused.
/// </summary>
public class BleLinkTests
{
    [Fact]
    public void A_status_change_during_a_connection_goes_on_air_only_after_the_phone_leaves_and_not_within_a_minute_of_the_last()
    {
        var sim = new SimulatedLock(new LockSetup { Battery = BatteryParameters.Low });
        int atBoot = sim.Radio.AdvertisingChanges.Count;
        byte before = sim.Core.StatusFlags;
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.StayConnected = true;
        phone.Send(0, Opcode.Status);
        sim.PressButton(1_000); // the self-test finds the battery low: a warning bit changes
        sim.RunUntil(9_000);

        Assert.Same(phone, sim.Radio.Holder);
        Assert.NotEqual(before, sim.Core.StatusFlags);
        Assert.Equal(atBoot, sim.Radio.AdvertisingChanges.Count);
        Assert.Equal(before, AdvertisementTests.ManufacturerStatus(sim.Radio.Advertisement));

        sim.Connected = null; // the phone leaves at 9 s; the boot advertisement went out at 0
        sim.RunUntil(70_000);
        var change = Assert.Single(sim.Radio.AdvertisingChanges.Skip(atBoot));
        Assert.Equal(LinkSupervisor.AdvertiseIntervalMs, change.TimeMs);
        Assert.Equal(sim.Core.StatusFlags, AdvertisementTests.ManufacturerStatus(change.Advertisement));
    }

    [Fact]
    public void Pairing_does_not_touch_advertising_while_the_installer_is_connected()
    {
        var sim = new SimulatedLock(new LockSetup { Paired = false });
        var link = new RawLink(sim);
        Assert.Equal(ResultCode.Ok, link.Pair(link.Backend, sim.WallTime));
        Assert.True(sim.Core.Protocol.IsPaired);
        Assert.NotNull(sim.Radio.Holder);
        Assert.Single(sim.Radio.AdvertisingChanges);
        Assert.Equal(0, AdvertisementTests.ManufacturerStatus(sim.Radio.Advertisement) & AdvertisedFlags.Paired);

        link.HangUp();
        sim.RunUntil(61_000);
        Assert.Equal(2, sim.Radio.AdvertisingChanges.Count);
        Assert.Equal(LinkSupervisor.AdvertiseIntervalMs, sim.Radio.AdvertisingChanges[1].TimeMs);
        Assert.Equal(AdvertisedFlags.Paired, AdvertisementTests.ManufacturerStatus(sim.Radio.Advertisement) & AdvertisedFlags.Paired);
    }

    [Fact]
    public void A_connection_that_opens_no_session_is_dropped_after_10_s_and_staff_get_in()
    {
        var sim = new SimulatedLock(new LockSetup());
        object squatter = new();
        sim.At(1_000, () => sim.Radio.Connect(squatter));
        sim.RunUntil(1_000 + LinkSupervisor.SessionOpenBoundMs - 1);
        Assert.Same(squatter, sim.Radio.Holder);
        Assert.False(sim.Radio.Advertising);

        sim.RunUntil(1_000 + LinkSupervisor.SessionOpenBoundMs);
        Assert.Null(sim.Radio.Holder);
        Assert.False(sim.Radio.Advertising); // dropping a phone restarts the BLE stack on the board
        sim.RunFor(BoardBudget.For(Chip.Esp32S3, ImageProfile.Stock).BleStackRestartMs);
        Assert.True(sim.Radio.Advertising);

        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(5_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void A_session_idle_past_its_timeout_is_dropped()
    {
        var sim = new SimulatedLock(new LockSetup());
        var link = new RawLink(sim);
        link.OpenSession();
        long lastWrite = sim.Now - 10;
        sim.RunUntil(lastWrite + LinkSupervisor.IdleBoundMs - 1);
        Assert.NotNull(sim.Radio.Holder);
        sim.RunUntil(lastWrite + LinkSupervisor.IdleBoundMs);
        Assert.Null(sim.Radio.Holder);
    }

    [Fact]
    public void A_connection_is_not_dropped_while_the_motor_runs()
    {
        var sim = new SimulatedLock(new LockSetup { Settings = new LockSettings { AutoRelockMs = 9_000 } });
        SimulatedPhone.Staff(sim).Send(100, Opcode.Unlock);
        while (sim.Core.State != LockFirmware.Motor.LockState.Unlocked || sim.Radio.Holder != null)
        {
            sim.RunFor(100);
        }

        // Connected without a session; its 10 s run out while the auto-relock moves the bolt.
        object squatter = new();
        long connectedAt = sim.Now;
        sim.At(connectedAt, () => sim.Radio.Connect(squatter));
        sim.RunUntil(connectedAt + LinkSupervisor.SessionOpenBoundMs);
        Assert.True(sim.Core.IsMoving);
        Assert.Same(squatter, sim.Radio.Holder);

        while (sim.Core.IsMoving)
        {
            sim.RunFor(10);
        }

        sim.RunFor(1_100);
        Assert.Null(sim.Radio.Holder);
    }

    [Fact]
    public void Each_connection_starts_at_the_default_payload_and_the_lock_caps_the_mtu_at_256()
    {
        var sim = new SimulatedLock(new LockSetup());
        object hand = new();
        Assert.True(sim.Radio.Connect(hand));
        Assert.Equal(256, sim.Radio.ExchangeMtu(hand, 517));
        Assert.True(sim.Radio.Write(hand, [0xC0, MessageType.Info, .. new byte[251]])); // 253 bytes
        Assert.False(sim.Radio.Write(hand, new byte[254]));
        sim.RunFor(10);
        sim.Connected = null;

        SimulatedPhone large = SimulatedPhone.Staff(sim);
        large.MtuPayload = 509;
        large.Send(sim.Now + 100, Opcode.Status);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, large.Last(Opcode.Status).Result);
        Assert.Contains(sim.Radio.Notifications, n => n.Length > Fragment.DefaultPayload);

        // The next phone asks for nothing: everything it gets fits 20 bytes, and it gets it all.
        int mark = sim.Radio.Notifications.Count;
        SimulatedPhone small = SimulatedPhone.Staff(sim, keyId: 9, userId: 9);
        small.Send(sim.Now, Opcode.Status);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, small.Last(Opcode.Status).Result);
        Assert.All(sim.Radio.Notifications.Skip(mark), n => Assert.InRange(n.Length, 1, Fragment.DefaultPayload));
    }

    [Fact]
    public void One_phone_at_a_time_the_next_gets_in_when_it_leaves()
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone first = SimulatedPhone.Staff(sim);
        first.StayConnected = true;
        first.Send(100, Opcode.Status);
        sim.RunFor(500);
        Assert.Same(first, sim.Radio.Holder);
        Assert.False(sim.Radio.Advertising);
        Assert.False(sim.Radio.Connect(new object()));

        SimulatedPhone second = SimulatedPhone.Staff(sim, keyId: 9, userId: 9);
        second.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(2_000);
        Assert.Empty(second.Responses);

        sim.Connected = null;
        sim.RunFor(5_000);
        Assert.Equal(ResultCode.Ok, second.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void Writes_the_input_queue_cannot_take_are_refused_not_acknowledged()
    {
        var sim = new SimulatedLock(new LockSetup());
        object hand = new();
        Assert.True(sim.Radio.Connect(hand)); // one of the queue's 16 slots
        bool[] taken = Enumerable.Range(0, 20).Select(_ => sim.Radio.Write(hand, [0xC0, MessageType.Info])).ToArray();
        Assert.Equal(15, taken.Count(t => t));
        Assert.All(taken.Skip(15), t => Assert.False(t));

        sim.RunFor(10);
        var reader = new NotificationReader();
        int answers = sim.Radio.Notifications.Count(n => reader.Add(n, sim.Now) != null);
        Assert.Equal(15, answers); // one answer per write taken, none for the refused
    }

    [Fact]
    public void On_the_boards_timing_the_input_queue_holds_what_the_boards_holds()
    {
        var sim = new SimulatedLock(Timings.Setup(LockSimulator.Timing.TimingProfile.Device, 1));

        int taken = Enumerable.Range(0, 20).Count(_ => sim.Core.Inputs.Post(LockFirmware.Events.InputKind.BleConnected));

        Assert.Equal(LockFirmware.Events.InputQueue.BoardCapacity, taken);
        Assert.Equal(8, taken); // what firmware/LockFirmware/Program.cs gives the board
    }
    [Fact]
    public void On_the_boards_timing_a_write_in_flight_keeps_its_bytes_and_is_lost_with_its_connection()
    {
        var sim = new SimulatedLock(Timings.Setup(LockSimulator.Timing.TimingProfile.Device, 1));
        sim.RunFor(1_000);
        object hand = new();
        byte[] frame = [0xC0, MessageType.Info];

        Assert.True(sim.Radio.Connect(hand));
        Assert.True(sim.Radio.WriteFrame(hand, frame, frame.Length));
        frame[1] = 0x7F; // the phone reuses its buffer at once: the frame in flight keeps what was written
        sim.RunFor(1_000);
        Assert.Equal(MessageType.Info | MessageType.ResponseFlag, Assert.Single(Answers(sim))[0]);

        // Written, then the phone hangs up before the next connection event: never handed over.
        frame[1] = MessageType.Info;
        Assert.True(sim.Radio.WriteFrame(hand, frame, frame.Length));
        sim.Radio.HangUp(hand);
        sim.RunFor(1_000);
        Assert.True(sim.Radio.Connect(hand));
        Assert.True(sim.Radio.WriteFrame(hand, frame, frame.Length));
        sim.RunFor(1_000);
        Assert.Equal(2, Answers(sim).Length);
    }

    /// <summary>Every message the lock has notified so far, reassembled.</summary>
    private static byte[][] Answers(SimulatedLock sim)
    {
        var reader = new NotificationReader();
        return sim.Radio.Notifications.Select(n => reader.Add(n, sim.Now)).OfType<byte[]>().ToArray();
    }
}
