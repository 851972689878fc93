using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator;

namespace LockFirmware.HostTests;

/// <summary>
/// A test's own hand on a simulated lock's BLE link: whole messages in (cut into fragments),
/// every reassembled notification out, with the lock's backend at hand for credentials.
/// </summary>
internal sealed class RawLink
{
    private readonly SimulatedLock _sim;

    public RawLink(SimulatedLock sim)
    {
        _sim = sim;
        Backend = new LockBackend(sim.Setup.LockId, sim.Setup.Secret);
        var reader = new NotificationReader();
        sim.Radio.Notified += n =>
        {
            byte[]? message = reader.Add(n, sim.Now);
            if (message != null)
            {
                Messages.Add(message);
            }
        };
    }

    public LockBackend Backend { get; }

    public List<byte[]> Messages { get; } = new();

    public byte[] Last => Messages.Last();

    /// <summary>Sends a message now and lets the lock handle it.</summary>
    public void Send(byte[] message)
    {
        foreach (byte[] fragment in Fragments.Split(message))
        {
            _sim.Write(_sim.Now, fragment);
        }

        _sim.RunFor(10);
    }

    /// <summary>The test's hand lets go of the lock's one connection, as a tool does when it is done.</summary>
    public void HangUp()
    {
        _sim.Connected = null;
        _sim.RunFor(10);
    }

    /// <summary>A phone session with a day-long staff credential from this lock's backend.</summary>
    public PhoneSession NewSession() => new(Backend.Issue(new CredentialFields
    {
        LockId = _sim.Setup.LockId,
        KeyId = 1,
        UserId = 1,
        ValidFrom = _sim.Setup.Epoch.AddHours(-1),
        ValidUntil = _sim.Setup.Epoch.AddDays(1),
    }));

    /// <summary>The result byte of the last answer (bare or MAC'd alike: it is byte 1 of a bare answer, byte 4 of a command response).</summary>
    public ResultCode LastResult => (ResultCode)(Last[0] == (MessageType.Command | MessageType.ResponseFlag) && Last.Length > 2 ? Last[4] : Last[1]);

    /// <summary>Reads INFO.</summary>
    public UnitInfo Info()
    {
        Send(UnitInfo.Request());
        return UnitInfo.Parse(Last);
    }

    /// <summary>The installer holds the unit's button for 6 s: the pairing window opens.</summary>
    public void LongPress()
    {
        _sim.PressButton(_sim.Now, holdMs: 6_000);
        _sim.RunFor(7_000);
    }

    /// <summary>Installer at the unit: long press, INFO, and the back office's sealed PAIR for <paramref name="backend"/>'s lock at <paramref name="time"/>.</summary>
    public ResultCode Pair(LockBackend backend, DateTimeOffset time)
    {
        LongPress();
        Send(backend.PairMessage(1, Info(), _sim.Setup.UnitFactoryKey, time));
        return LastResult;
    }

    /// <summary>Gives the lock the time and opens a session.</summary>
    public PhoneSession OpenSession()
    {
        PhoneSession session = NewSession();
        Send(Backend.TimeToken(_sim.WallTime));
        Send(session.Hello());
        session.OnChallenge(Last);
        return session;
    }
}
