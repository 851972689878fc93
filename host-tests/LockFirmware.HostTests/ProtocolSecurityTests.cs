using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Protocol;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>Issue 5's rules, each against the real lock logic in the simulator.</summary>
public class ProtocolSecurityTests
{
    private static SimulatedLock NewLock() => new(new LockSetup { StartFraction = 0 });

    private static bool MotorMoved(SimulatedLock sim, long after = 0) =>
        sim.Trace.Events.On(Signals.Motor).Any(e => e.TimeMs >= after && e.Value is "unlock" or "lock");

    /// <summary>A phone whose credential is made to order by the lock's backend.</summary>
    private static SimulatedPhone PhoneWith(SimulatedLock sim, Func<CredentialFields, CredentialFields> shape, uint lockId = 0)
    {
        LockSetup setup = sim.Setup;
        var backend = new LockBackend(lockId == 0 ? setup.LockId : lockId, setup.Secret);
        var fields = new CredentialFields
        {
            LockId = backend.LockId,
            KeyId = 9,
            UserId = 77,
            ValidFrom = setup.Epoch.AddHours(-1),
            ValidUntil = setup.Epoch.AddDays(1),
        };
        return new SimulatedPhone(sim, backend.Issue(shape(fields)), new LockBackend(setup.LockId, setup.Secret));
    }

    [Fact]
    public void A_recorded_exchange_replayed_in_a_later_session_moves_nothing()
    {
        SimulatedLock sim = NewLock();
        var recorded = new List<byte[]>();
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(100, Opcode.Unlock);
        sim.RunUntil(4_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        recorded.AddRange(sim.Trace.Events.On(Signals.BleIn).Select(e => Convert.FromHexString(e.Value)));

        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(4_000);
        Assert.Equal(LockState.Locked, sim.Core.State);

        // An eavesdropper replays every fragment of the unlock exchange, in order.
        long replayAt = sim.Now;
        foreach (byte[] fragment in recorded)
        {
            sim.Write(replayAt, fragment);
        }

        sim.RunFor(4_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.False(MotorMoved(sim, replayAt));
    }

    [Fact]
    public void Commands_out_of_order_or_repeated_within_a_session_are_refused()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        PhoneSession session = link.OpenSession();
        byte[] first = session.Command(Opcode.Status);
        byte[] second = session.Command(Opcode.Unlock);
        link.Send(second); // counter 2 before 1: reordered
        Assert.Equal(ResultCode.Replayed, session.ReadResponse(link.Last).Result);
        link.Send(first);
        Assert.Equal(ResultCode.Ok, session.ReadResponse(link.Last).Result);
        link.Send(first); // again
        Assert.Equal(ResultCode.Replayed, session.ReadResponse(link.Last).Result);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void A_revoked_key_is_refused_after_an_admin_pushes_it()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone admin = SimulatedPhone.Staff(sim, Role.Admin, keyId: 1, userId: 1);
        admin.Send(100, Opcode.RevokeKeys, BitConverter.GetBytes(9u));
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, admin.Last(Opcode.RevokeKeys).Result);

        SimulatedPhone revoked = PhoneWith(sim, f => f);
        revoked.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Contains((MessageType.Hello | MessageType.ResponseFlag, ResultCode.Revoked), revoked.Refusals.Select(r => ((int)r.Type, r.Result)));
        Assert.False(MotorMoved(sim));

        // And it stays revoked after a power cut.
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        SimulatedPhone again = PhoneWith(sim, f => f);
        again.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Contains(again.Refusals, r => r.Result == ResultCode.Revoked);
    }

    [Fact]
    public void Staff_may_not_revoke_keys_or_unpair()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(100, Opcode.RevokeKeys, BitConverter.GetBytes(9u));
        staff.Send(200, Opcode.Unpair);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.RoleNotAllowed, staff.Last(Opcode.RevokeKeys).Result);
        Assert.Equal(ResultCode.RoleNotAllowed, staff.Last(Opcode.Unpair).Result);
        Assert.True(sim.Core.Protocol.IsPaired);
    }

    [Theory]
    [InlineData(-48, -24, ResultCode.OutsideWindow)]  // expired yesterday
    [InlineData(24, 48, ResultCode.OutsideWindow)]    // not yet valid
    public void A_credential_outside_its_window_is_refused(int fromHours, int untilHours, ResultCode expected)
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone phone = PhoneWith(sim, f => f with { ValidFrom = sim.Setup.Epoch.AddHours(fromHours), ValidUntil = sim.Setup.Epoch.AddHours(untilHours) });
        phone.Send(100, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Contains(phone.Refusals, r => r.Result == expected);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void A_credential_outside_its_weekly_schedule_is_refused()
    {
        SimulatedLock sim = NewLock(); // 2026-11-23 07:00 UTC is a Monday
        SimulatedPhone weekends = PhoneWith(sim, f => f with { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday] });
        weekends.Send(100, Opcode.Unlock);
        SimulatedPhone mornings = PhoneWith(sim, f => f with { Days = [DayOfWeek.Monday], DayStart = TimeSpan.FromHours(6), DayEnd = TimeSpan.FromHours(8) });
        mornings.Send(2_000, Opcode.Unlock);
        sim.RunFor(6_000);
        Assert.Contains(weekends.Refusals, r => r.Result == ResultCode.OutsideSchedule);
        Assert.Equal(ResultCode.Ok, mornings.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void A_credential_for_another_lock_is_refused()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone phone = PhoneWith(sim, f => f, lockId: 2002);
        phone.Send(100, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Contains(phone.Refusals, r => r.Result == ResultCode.WrongLock);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void A_credential_made_without_the_secret_is_refused()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone forger = SimulatedPhone.Staff(sim, secret: new byte[32]);
        forger.Send(100, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Contains(forger.Refusals, r => r.Result == ResultCode.BadMac);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void The_clock_cannot_be_moved_back_beyond_the_tolerance_even_after_a_power_loss()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        LockBackend backend = link.Backend;
        link.Send(backend.TimeToken(sim.WallTime));
        Assert.Equal(ResultCode.Ok, (ResultCode)link.Last[1]);
        link.Send(backend.TimeToken(sim.WallTime.AddMinutes(-4)));
        Assert.Equal(ResultCode.Ok, (ResultCode)link.Last[1]);
        link.Send(backend.TimeToken(sim.WallTime.AddHours(-1)));
        Assert.Equal(ResultCode.TimeRejected, (ResultCode)link.Last[1]);

        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.False(sim.Core.Protocol.Clock.IsKnown);
        link.Send(backend.TimeToken(sim.WallTime.AddDays(-2)));
        Assert.Equal(ResultCode.TimeRejected, (ResultCode)link.Last[1]);
        Assert.False(sim.Core.Protocol.Clock.IsKnown);
    }

    [Fact]
    public void Without_the_time_after_a_power_loss_hello_is_refused_until_a_token_comes()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        link.Send(link.NewSession().Hello());
        Assert.Equal(ResultCode.ClockUnknown, (ResultCode)link.Last[1]);
    }

    [Fact]
    public void Brute_force_backs_off_raises_tamper_and_a_legitimate_user_still_gets_in()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone forger = SimulatedPhone.Staff(sim, secret: new byte[32]);
        // Two tries a second for 35 s: back-off lets only some be checked, enough for the alarm.
        for (int i = 0; i < 70; i++)
        {
            forger.Send(100 + i * 500, Opcode.Unlock);
        }

        sim.RunFor(36_000);
        Assert.Contains(forger.Refusals, r => r.Result == ResultCode.BackOff);
        Assert.True(sim.Core.Protocol.Throttle.TamperAlarm);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.Tamper);
        int refusedRecords = AuditEvents(sim).Count(e => e == AuditEvent.Refused);
        Assert.InRange(refusedRecords, 1, AuthThrottle.FreeFailures + 1);
        Assert.Contains(AuditEvent.Tamper, AuditEvents(sim));

        // The flood stops; the care worker's phone gets through within the longest back-off.
        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(sim.Now + AuthThrottle.MaxBackOffMs, Opcode.Unlock);
        sim.RunFor(AuthThrottle.MaxBackOffMs + 3_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.False(sim.Core.Protocol.Throttle.TamperAlarm);
    }

    [Fact]
    public void A_session_times_out_when_idle()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        PhoneSession session = link.OpenSession();
        sim.RunFor(31_000);
        // Idle past the session timeout, the lock has dropped the connection (LinkSupervisor) and the session with it.
        Assert.Null(sim.Radio.Holder);
        link.Send(session.Command(Opcode.Unlock));
        Assert.Equal(ResultCode.NoSession, link.LastResult);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void Pairing_needs_the_long_press_window_and_unpairing_wipes_the_unit()
    {
        var sim = new SimulatedLock(new LockSetup { Paired = false });
        var link = new RawLink(sim);
        var backend = new LockBackend(3003, Enumerable.Range(50, 32).Select(i => (byte)i).ToArray());
        UnitInfo closed = link.Info();
        Assert.False(closed.PairingOpen);
        Assert.Throws<ArgumentException>(() => backend.PairMessage(1, closed, sim.Setup.UnitFactoryKey, sim.WallTime));

        link.LongPress();
        UnitInfo open = link.Info();
        byte[] pair = backend.PairMessage(1, open, sim.Setup.UnitFactoryKey, sim.WallTime);
        sim.RunFor(ProtocolInfo.PairingWindowMs);
        link.Send(pair);
        Assert.Equal(ResultCode.PairingClosed, link.LastResult);  // the window closed a minute after the press

        Assert.Equal(ResultCode.Ok, link.Pair(backend, sim.WallTime));
        Assert.True(sim.Core.Protocol.IsPaired);
        Assert.True(sim.Core.Protocol.Clock.IsKnown);             // the pairing gave the time too
        link.Send(pair);
        Assert.Equal(ResultCode.PairingClosed, link.LastResult);
        link.HangUp(); // the installer's tool leaves: the lock's one connection is free again

        IssuedCredential adminCredential = backend.Issue(new CredentialFields
        {
            LockId = 3003, KeyId = 1, UserId = 1, Role = Role.Admin, ValidFrom = sim.Setup.Epoch.AddHours(-1), ValidUntil = sim.Setup.Epoch.AddDays(1),
        });
        var admin = new SimulatedPhone(sim, adminCredential, backend);
        admin.Send(sim.Now, Opcode.Unpair);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, admin.Last(Opcode.Unpair).Result);
        Assert.False(sim.Core.Protocol.IsPaired);

        // Back to stock, across a reboot too: nothing opens it.
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.False(sim.Core.Protocol.IsPaired);
        var again = new SimulatedPhone(sim, adminCredential, backend);
        again.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(1_000);
        Assert.Contains(again.Refusals, r => r.Result == ResultCode.NotPaired);
    }

    [Fact]
    public void A_unit_paired_at_setup_refuses_its_old_secret_after_an_unpair_so_its_revoked_keys_stay_revoked()
    {
        // The simulator's ready-paired unit leaves in flash what the installer's PAIR leaves, fingerprint included.
        SimulatedLock sim = new(new LockSetup());
        var backend = new LockBackend(sim.Setup.LockId, sim.Setup.Secret);
        var admin = new SimulatedPhone(sim, backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 1, UserId = 1, Role = Role.Admin, ValidFrom = sim.Setup.Epoch.AddHours(-1), ValidUntil = sim.Setup.Epoch.AddDays(1),
        }), backend);
        admin.Send(1_000, Opcode.RevokeKeys, BitConverter.GetBytes(9u));
        admin.Send(2_000, Opcode.Unpair);
        sim.RunUntil(5_000);
        Assert.Equal(ResultCode.Ok, admin.Last(Opcode.Unpair).Result);

        Assert.Equal(ResultCode.SecretReused, LockSimulator.Scenarios.InstallerTool.Pair(sim, backend, organisation: 1));
        Assert.False(sim.Core.Protocol.IsPaired);
        sim.Connected = null;
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, LockSimulator.Scenarios.InstallerTool.Pair(sim, new LockBackend(sim.Setup.LockId, new byte[32]), organisation: 1));
    }

    [Fact]
    public void Fragments_out_of_order_too_long_or_stalled_are_dropped_whole()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        sim.Write(0, [0x01, 0xAA]);                       // continuation without a first
        sim.Write(10, [0x80, 0x01]);
        sim.Write(20, [0x02, 0xBB]);                      // index 2 after 0
        sim.Write(30, [0x80, 0x02]);
        sim.Write(30 + 2_100, [0x41, 0x00]);              // arrives after the 2 s gap
        for (int i = 0; i < 16; i++)
        {
            sim.Write(3_000 + i, [(byte)((i == 0 ? 0x80 : 0) | i), .. new byte[19]]); // 304 bytes, no last
        }

        sim.RunFor(5_000);
        // Refused: the stray continuation, the skipped index, the stale last fragment, the
        // overflow at 266 bytes, and the two continuations that followed the dropped message.
        Assert.All(link.Messages, m => Assert.Equal((byte)ResultCode.BadFrame, m[1]));
        Assert.Equal(6, link.Messages.Count);
        Assert.False(MotorMoved(sim));
    }

    [Fact]
    public void Info_answers_without_authentication_and_reveals_no_secret()
    {
        SimulatedLock sim = NewLock();
        var link = new RawLink(sim);
        sim.Write(0, [0xC0, MessageType.Info]);
        sim.RunFor(10);
        UnitInfo info = UnitInfo.Parse(link.Messages.Single());
        Assert.Equal(ProtocolInfo.ProtocolVersion, info.ProtocolVersion);
        Assert.Equal(sim.Setup.LockId, info.LockId);
        Assert.Equal("SIM00001", info.Serial);
        Assert.True(info.Paired && info.Provisioned && !info.PairingOpen);
        Assert.Equal(new byte[16], info.PairingNonce);
        Assert.DoesNotContain(sim.Trace.Events, e => e.Value.Contains(Convert.ToHexString(sim.Setup.Secret[..8])));
    }

    [Fact]
    public void Staff_cannot_clear_a_gas_risk_an_installer_can()
    {
        var sim = new SimulatedLock(new LockSetup { Battery = LockSimulator.Physics.BatteryParameters.GasRisk });
        sim.PressButton(100);
        sim.RunFor(10_000);
        Assert.NotEqual(LockFirmware.Battery.GasRiskCause.None, sim.Core.GasRisk);

        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(sim.Now, Opcode.RegisterBatteryChange);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.RoleNotAllowed, staff.Last(Opcode.RegisterBatteryChange).Result);

        SimulatedPhone installer = SimulatedPhone.Staff(sim, Role.Installer, keyId: 3, userId: 3);
        installer.Send(sim.Now, Opcode.RegisterBatteryChange);
        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, installer.Last(Opcode.RegisterBatteryChange).Result);
        Assert.Equal(LockFirmware.Battery.GasRiskCause.None, sim.Core.GasRisk);
    }

    [Fact]
    public void The_audit_sync_reads_records_with_who_and_acknowledges_them()
    {
        SimulatedLock sim = NewLock();
        SimulatedPhone phone = SimulatedPhone.Staff(sim, userId: 4242);
        phone.Send(100, Opcode.Unlock);
        phone.Send(3_000, Opcode.ReadAudit, BitConverter.GetBytes(1u));
        sim.RunFor(4_000);
        byte[] payload = phone.Last(Opcode.ReadAudit).Payload;
        int count = payload[0];
        Assert.InRange(count, 3, 6);
        var records = Enumerable.Range(0, count).Select(i => payload.AsSpan(1 + i * AuditRecord.Size, AuditRecord.Size).ToArray()).ToList();
        byte[] unlock = records.First(r => r[AuditRecord.EventOffset] == (byte)AuditEvent.Command);
        Assert.Equal(4242u, BitConverter.ToUInt32(unlock, AuditRecord.UserIdOffset));
        Assert.Equal((uint)sim.Setup.Epoch.ToUnixTimeSeconds(), BitConverter.ToUInt32(unlock, AuditRecord.TimeOffset));

        uint last = AuditRecord.Sequence(records[^1], 0);
        phone.Send(sim.Now, Opcode.AcknowledgeAudit, BitConverter.GetBytes(last));
        sim.RunFor(500);
        Assert.Equal(last, sim.Core.AuditLog.AcknowledgedUpTo);
    }

    private static List<AuditEvent> AuditEvents(SimulatedLock sim)
    {
        byte[] buffer = new byte[64 * AuditRecord.Size];
        int count = sim.Core.AuditLog.ReadSince(0, buffer, 64);
        return Enumerable.Range(0, count).Select(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset]).ToList();
    }
}
