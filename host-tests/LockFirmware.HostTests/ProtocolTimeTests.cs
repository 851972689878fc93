using System;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 15's time holes, each as the attacker played it: old tokens chained to turn the clock
/// back, and a far-future token meant to lock staff out for good (and the wrap near 2^32).
/// </summary>
public class ProtocolTimeTests
{
    private static SimulatedLock NewLock() => new(new LockSetup { StartFraction = 0 });

    private static IssuedCredential Credential(LockBackend backend, DateTimeOffset from, DateTimeOffset until, uint keyId = 5, Role role = Role.Staff) =>
        backend.Issue(new CredentialFields { LockId = backend.LockId, KeyId = keyId, UserId = keyId, Role = role, ValidFrom = from, ValidUntil = until });

    /// <summary>HELLO with a credential: the lock's refusal (authenticated when it must be), or Ok with a session.</summary>
    private static (ResultCode Result, PhoneSession Session) Hello(RawLink link, IssuedCredential credential)
    {
        var session = new PhoneSession(credential);
        link.Send(session.Hello());
        try
        {
            session.OnChallenge(link.Last);
            return (ResultCode.Ok, session);
        }
        catch (LockRefusedException refused)
        {
            Assert.True(refused.Authenticated || refused.Result is ResultCode.ClockUnknown or ResultCode.BadMac or ResultCode.BackOff or ResultCode.NotPaired);
            return (refused.Result, session);
        }
    }

    private static bool Unlocks(SimulatedLock sim, RawLink link, IssuedCredential credential)
    {
        (ResultCode result, PhoneSession session) = Hello(link, credential);
        if (result != ResultCode.Ok)
        {
            return false;
        }

        link.Send(session.Command(Opcode.Unlock));
        return session.ReadResponse(link.Last).Result is ResultCode.Ok or ResultCode.AlreadyThere;
    }

    [Fact]
    public void Hole_1_chained_old_tokens_cannot_turn_the_clock_back_to_reopen_an_expired_credential()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        DateTimeOffset now = sim.WallTime;
        link.Send(link.Backend.TimeToken(now));
        IssuedCredential expired = Credential(link.Backend, now.AddHours(-8), now.AddMinutes(-10));
        Assert.Equal(ResultCode.OutsideWindow, Hello(link, expired).Result);

        // The attacker replays recorded genuine tokens, each 250 s older than the last: the
        // first is within the tolerance of the high-water mark, every further one is refused.
        var verdicts = Enumerable.Range(1, 12).Select(i =>
        {
            link.Send(link.Backend.TimeToken(now.AddSeconds(-250 * i)));
            return link.LastResult;
        }).ToList();
        Assert.Equal(ResultCode.Ok, verdicts[0]);
        Assert.All(verdicts.Skip(1), v => Assert.Equal(ResultCode.TimeRejected, v));
        Assert.Equal(ResultCode.OutsideWindow, Hello(link, expired).Result);
        Assert.True(sim.Core.Protocol.Clock.Now(sim.Now) >= (uint)now.ToUnixTimeSeconds());

        // Nor after a power cut, when the clock is unknown and only the mark in flash is left.
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.False(sim.Core.Protocol.Clock.IsKnown);
        link.Send(link.Backend.TimeToken(now.AddMinutes(-11)));
        Assert.Equal(ResultCode.TimeRejected, link.LastResult);
        Assert.False(Unlocks(sim, link, expired));
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.Value == "unlock");
    }

    [Fact]
    public void Hole_3_a_far_future_staff_token_is_refused_and_staff_keep_their_access()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        IssuedCredential staff = Credential(link.Backend, sim.WallTime.AddHours(-1), sim.WallTime.AddDays(1));
        DateTimeOffset future = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

        link.Send(link.Backend.TimeToken(sim.WallTime));
        link.Send(link.Backend.TimeToken(future));
        Assert.Equal(ResultCode.TimeNeedsInstaller, link.LastResult);
        link.Send(link.Backend.TimeToken(sim.WallTime.AddSeconds(LockClock.RunningStepSeconds + 60)));
        Assert.Equal(ResultCode.TimeNeedsInstaller, link.LastResult);
        Assert.True(Unlocks(sim, link, staff));

        // After a power loss too (then the step is the larger one, from the mark in flash).
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        link.Send(link.Backend.TimeToken(future));
        Assert.Equal(ResultCode.TimeNeedsInstaller, link.LastResult);
        link.Send(link.Backend.TimeToken(sim.WallTime.AddDays(8)));
        Assert.Equal(ResultCode.TimeNeedsInstaller, link.LastResult);
        link.Send(link.Backend.TimeToken(sim.WallTime));
        Assert.Equal(ResultCode.Ok, link.LastResult);
        Assert.True(Unlocks(sim, link, staff));
    }

    [Fact]
    public void Hole_3_a_far_future_installer_token_is_undone_by_the_installer_at_the_unit_and_never_for_old_credentials()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        LockBackend old = link.Backend;
        IssuedCredential staff = Credential(old, sim.WallTime.AddHours(-1), sim.WallTime.AddDays(1));
        IssuedCredential admin = Credential(old, sim.WallTime.AddHours(-1), sim.WallTime.AddDays(365), keyId: 1, role: Role.Admin);
        IssuedCredential expired = Credential(old, sim.WallTime.AddDays(-3), sim.WallTime.AddDays(-2), keyId: 6);

        // A genuine installer-level token for 2100 (a mistake, or a stolen one): everyone is out,
        // across power cycles, and no token of the old secret can bring the time back.
        link.Send(old.TimeToken(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), Role.Installer));
        Assert.Equal(ResultCode.Ok, link.LastResult);
        Assert.Equal(ResultCode.OutsideWindow, Hello(link, staff).Result);
        Assert.Equal(ResultCode.OutsideWindow, Hello(link, admin).Result);
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        link.Send(old.TimeToken(sim.WallTime, Role.Admin));
        Assert.Equal(ResultCode.TimeRejected, link.LastResult);

        // The installer at the unit re-pairs it: long press, the back office's sealed PAIR with a
        // fresh secret and its own time. New credentials work at once.
        var fresh = new LockBackend(old.LockId, LockBackend.NewSecret());
        DateTimeOffset pairedAt = sim.WallTime;
        Assert.Equal(ResultCode.Ok, link.Pair(fresh, pairedAt));
        Assert.InRange(sim.Core.Protocol.Clock.Now(sim.Now), (uint)pairedAt.ToUnixTimeSeconds(), (uint)sim.WallTime.ToUnixTimeSeconds());
        Assert.True(Unlocks(sim, link, Credential(fresh, sim.WallTime.AddHours(-1), sim.WallTime.AddDays(1))));

        // Nothing issued before the recovery opens, whatever its window: old credentials and old
        // tokens belong to the old secret, and the new one's clock never goes back past the pairing.
        Assert.Equal(ResultCode.BadMac, Hello(link, staff).Result);
        Assert.Equal(ResultCode.BadMac, Hello(link, expired).Result);
        link.Send(old.TimeToken(sim.WallTime.AddDays(-3), Role.Admin));
        Assert.Equal(ResultCode.BadMac, link.LastResult);
        sim.RunFor(AuthThrottle.FirstBackOffMs); // three failures in a row: the back-off passes first
        link.Send(fresh.TimeToken(sim.WallTime.AddDays(-3), Role.Admin));
        Assert.Equal(ResultCode.TimeRejected, link.LastResult);
    }

    [Fact]
    public void Times_near_2106_saturate_instead_of_wrapping()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        DateTimeOffset end = DateTimeOffset.FromUnixTimeSeconds(uint.MaxValue);
        link.Send(link.Backend.TimeToken(end.AddSeconds(-20), Role.Installer));
        Assert.Equal(ResultCode.Ok, link.LastResult);
        sim.RunFor(60_000);
        Assert.Equal(uint.MaxValue, sim.Core.Protocol.Clock.Now(sim.Now));  // not 1970 again

        // A token within the tolerance below the mark is taken (the old "+300 s" check wrapped here and refused it).
        link.Send(link.Backend.TimeToken(end.AddSeconds(-200)));
        Assert.Equal(ResultCode.Ok, link.LastResult);
        Assert.Equal(uint.MaxValue, sim.Core.Protocol.Clock.Now(sim.Now));
        // And one of 1970 is far below the mark, never "just after" it.
        link.Send(link.Backend.TimeToken(DateTimeOffset.FromUnixTimeSeconds(100), Role.Admin));
        Assert.Equal(ResultCode.TimeRejected, link.LastResult);
    }
}
