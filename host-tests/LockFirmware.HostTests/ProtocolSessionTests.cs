using System;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 15's session rules: a session never outlives its credential's window, schedule or
/// revocation; answers in a session (refusals too) and its events are MAC'd; an unknown
/// message type is answered with the Error type, never something that reads as an event.
/// </summary>
public class ProtocolSessionTests
{
    private static SimulatedLock NewLock() => new(new LockSetup { StartFraction = 0 });

    private static bool MotorMoved(SimulatedLock sim, long after = 0) =>
        sim.Trace.Events.On(Signals.Motor).Any(e => e.TimeMs >= after && e.Value is "unlock" or "lock");

    private static PhoneSession Open(RawLink link, IssuedCredential credential)
    {
        var session = new PhoneSession(credential);
        link.Send(session.Hello());
        session.OnChallenge(link.Last);
        return session;
    }

    private static ResultCode Send(RawLink link, PhoneSession session, Opcode opcode, byte[]? payload = null)
    {
        link.Send(session.Command(opcode, payload));
        return session.ReadResponse(link.Last).Result; // throws unless MAC'd under the session
    }

    [Fact]
    public void Hole_2_a_session_kept_alive_ends_at_valid_until()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        IssuedCredential shortLived = link.Backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 4, UserId = 4, ValidFrom = sim.WallTime.AddHours(-1), ValidUntil = sim.WallTime.AddSeconds(60),
        });
        PhoneSession session = Open(link, shortLived);

        // A command every 25 s keeps the session from idling out; past validUntil it ends anyway.
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000);
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000);
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000);
        long expiredAt = sim.Now;
        Assert.Equal(ResultCode.OutsideWindow, Send(link, session, Opcode.Unlock));
        Assert.Equal(ResultCode.OutsideWindow, Send(link, session, Opcode.Unlock)); // the session stays ended
        sim.RunFor(10 * 60_000);
        // By now the lock has dropped the idle connection (LinkSupervisor): the session is gone altogether.
        link.Send(session.Command(Opcode.Unlock));
        Assert.Equal(ResultCode.NoSession, link.LastResult);
        Assert.False(MotorMoved(sim, expiredAt));
    }

    [Fact]
    public void A_session_ends_when_the_daily_window_closes()
    {
        SimulatedLock sim = NewLock(); // Monday 07:00 UTC
        var link = new RawLink(sim);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        IssuedCredential morning = link.Backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 4, UserId = 4, ValidFrom = sim.WallTime.AddDays(-1), ValidUntil = sim.WallTime.AddDays(1),
            Days = [DayOfWeek.Monday], DayStart = TimeSpan.FromHours(6), DayEnd = TimeSpan.FromMinutes(7 * 60 + 1),
        });
        PhoneSession session = Open(link, morning);
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000);
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000);
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.Status));
        sim.RunFor(25_000); // 07:01:15
        Assert.Equal(ResultCode.OutsideSchedule, Send(link, session, Opcode.Unlock));
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void A_revocation_takes_effect_in_the_open_session()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        IssuedCredential admin = link.Backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 11, UserId = 11, Role = Role.Admin, ValidFrom = sim.WallTime.AddHours(-1), ValidUntil = sim.WallTime.AddDays(1),
        });
        PhoneSession session = Open(link, admin);
        // A departing administrator's own key is revoked from the open session: the next command is refused.
        Assert.Equal(ResultCode.Ok, Send(link, session, Opcode.RevokeKeys, BitConverter.GetBytes(11u)));
        Assert.Equal(ResultCode.Revoked, Send(link, session, Opcode.Unlock));
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void Refusals_in_a_session_are_authenticated_and_a_forged_one_is_not_believed()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        PhoneSession session = link.OpenSession();
        byte[] command = session.Command(Opcode.Status);
        byte[] tampered = (byte[])command.Clone();
        tampered[^1] ^= 1;
        link.Send(tampered);
        CommandResponse badMac = session.ReadResponse(link.Last);
        Assert.Equal((1, Opcode.Status, ResultCode.BadMac), (badMac.Counter, badMac.Opcode, badMac.Result));
        link.Send(command);
        Assert.Equal(ResultCode.NoSession, session.ReadResponse(link.Last).Result); // the bad MAC ended the session

        // Someone else's "refusal" does not verify; a bare one is flagged unauthenticated.
        Assert.Throws<ProtocolViolationException>(() => session.ReadResponse([0x83, 0x01, 0x00, 0x02, (byte)ResultCode.Revoked, 1, 2, 3, 4, 5, 6, 7, 8]));
        var bare = Assert.Throws<LockRefusedException>(() => session.ReadResponse([0x83, (byte)ResultCode.NoSession]));
        Assert.False(bare.Authenticated);
    }

    [Fact]
    public void A_genuine_credential_refused_at_hello_gets_an_answer_only_the_lock_could_make()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        IssuedCredential expired = link.Backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 4, UserId = 4, ValidFrom = sim.WallTime.AddDays(-2), ValidUntil = sim.WallTime.AddDays(-1),
        });
        var session = new PhoneSession(expired);
        link.Send(session.Hello());
        var refused = Assert.Throws<LockRefusedException>(() => session.OnChallenge(link.Last));
        Assert.Equal((ResultCode.OutsideWindow, true), (refused.Result, refused.Authenticated));

        var forged = Assert.Throws<LockRefusedException>(() => session.OnChallenge([0x82, (byte)ResultCode.Revoked, 1, 2, 3, 4, 5, 6, 7, 8]));
        Assert.False(forged.Authenticated);
    }

    [Fact]
    public void Events_in_a_session_are_MACd_and_events_outside_one_are_marked_unauthenticated()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(100, Opcode.Unlock);
        sim.RunFor(5_000);
        StateChanged unlocked = Assert.IsType<StateChanged>(phone.Events.Single());
        Assert.Equal(Motor.LockState.Unlocked, unlocked.State);
        Assert.True(unlocked.Authenticated);

        // A self-test started at the button after the session ended: its event has no MAC.
        var link = new RawLink(sim);
        sim.RunFor(40_000);
        link.Send([MessageType.Hello, .. new byte[48]]); // any HELLO ends the session
        sim.PressButton(sim.Now);
        sim.RunFor(10_000);
        byte[] selfTest = link.Messages.Last(LockEvent.IsEvent);
        Assert.Equal(LockEvent.Length, selfTest.Length);
        Assert.False(LockEvent.Parse(selfTest).Authenticated);
    }

    [Theory]
    [InlineData(0x40)] // its answer would have been 0xC0, an event, under the old rule
    [InlineData(0x07)]
    [InlineData(0x83)]
    [InlineData(0xC0)]
    public void An_unknown_message_type_gets_the_error_answer_which_no_phone_mistakes_for_an_event(byte type)
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send([type, 1, 2, 3]);
        Assert.Equal(new byte[] { MessageType.Error, (byte)ResultCode.UnknownMessage, type }, link.Last);
        Assert.False(LockEvent.IsEvent(link.Last));
    }

    [Fact]
    public void Messages_written_into_a_kept_buffer_open_sessions_and_answer_as_the_arrays_do()
    {
        // The fleet's phones write HELLOs and commands into one buffer per thread: each session rekeys the phone's one session key.
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        var session = new PhoneSession(link.Backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 5, UserId = 5, ValidFrom = sim.WallTime.AddHours(-1), ValidUntil = sim.WallTime.AddHours(1),
        }));
        byte[] buffer = new byte[Fragment.MaxMessage];
        for (int round = 0; round < 3; round++)
        {
            link.Send(buffer.AsSpan(0, session.WriteHello(buffer)).ToArray());
            session.OnChallenge(link.Last);
            for (int command = 0; command < 2; command++)
            {
                link.Send(buffer.AsSpan(0, session.WriteCommand(Opcode.Status, default, buffer)).ToArray());
                Assert.Equal(ResultCode.Ok, session.ReadResponse(link.Last).Result);
            }
        }

        // Too small a buffer is refused before anything changes: the next command still has the next counter.
        Assert.Throws<ArgumentException>(() => session.WriteCommand(Opcode.Status, default, new byte[PhoneSession.CommandLength(0) - 1]));
        Assert.Throws<ArgumentException>(() => session.WriteHello(new byte[PhoneSession.HelloLength - 1]));
        link.Send(session.Command(Opcode.Status));
        Assert.Equal(ResultCode.Ok, session.ReadResponse(link.Last).Result);
    }
}
