using System;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Views;

namespace LockSimulator.Server.Phone;

/// <summary>
/// The installer pairs a stock unit at the door (docs/PROTOCOL.md, "Pairing"): holds the push
/// button for the long press, then sends PAIR from the installer's tool over the lock's one BLE
/// connection and waits for the answer. Runs under the lock's gate, the lock ahead of the fleet.
/// </summary>
internal static class InstallerPairing
{
    /// <summary>The button is held a little longer than the firmware's long press (LockSettings.LongPressMs).</summary>
    private const int HoldMs = 5_200;

    public static PairResult Run(FleetLock target, byte[] secret, byte organisation)
    {
        SimulatedLock sim = target.Sim;
        if (!sim.Powered)
        {
            throw ApiProblem.Conflict($"lock {target.Id} has no power: it does not advertise");
        }

        if (sim.Connected != null)
        {
            throw ApiProblem.Conflict($"lock {target.Id}'s one BLE connection is held by another phone");
        }

        long started = target.FleetNow;
        sim.PressButton(sim.Now, HoldMs);
        sim.RunFor(HoldMs + 100);

        var tool = new object();
        var reader = new NotificationReader();
        byte[]? answer = null;
        void OnNotified(byte[] notification)
        {
            if (sim.Connected == tool && answer == null)
            {
                byte[]? message = reader.Add(notification, sim.Now);
                if (message is { Length: >= 2 } && message[0] == (MessageType.Pair | MessageType.ResponseFlag))
                {
                    answer = message;
                }
            }
        }

        sim.Board.Notified += OnNotified;
        try
        {
            sim.Connected = tool;
            target.SetPayload(Fragment.DefaultPayload);
            foreach (byte[] fragment in Fragments.Split(new LockBackend(target.Id, secret).PairMessage(organisation)))
            {
                sim.WriteNow(fragment);
            }

            long end = sim.Now + PhoneExchange.AnswerTimeoutMs;
            while (answer == null && sim.Now < end && sim.Powered)
            {
                sim.RunFor(10);
            }
        }
        finally
        {
            sim.Board.Notified -= OnNotified;
            if (sim.Connected == tool)
            {
                target.Disconnect();
            }

            sim.RunUntil(sim.Now);
        }

        ResultCode? result = answer == null ? null : (ResultCode)answer[1];
        if (result == ResultCode.Ok)
        {
            target.Secret = secret;
        }

        return new PairResult
        {
            Answered = answer != null,
            Result = result?.ToString(),
            Secret = result == ResultCode.Ok ? Convert.ToHexString(secret) : null,
            StartedMs = started,
            FinishedMs = target.FleetNow,
            Lock = LockViews.Of(target),
        };
    }
}
