using System;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Scenarios;
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
    public static PairResult Run(FleetLock target, byte[] secret, byte organisation)
    {
        SimulatedLock sim = target.Sim;
        target.RequireFreeLink();

        long started = target.FleetNow;

        var tool = new object();
        ResultCode? result;
        try
        {
            sim.Connected = tool;
            target.SetPayload(Fragment.DefaultPayload);
            result = InstallerTool.Pair(sim, new LockBackend(target.Id, secret), organisation);
        }
        finally
        {
            if (sim.Connected == tool)
            {
                target.Disconnect();
            }

            sim.RunUntil(sim.Now);
        }

        if (result == ResultCode.Ok)
        {
            target.Secret = secret;
        }

        return new PairResult
        {
            Answered = result != null,
            Result = result?.ToString(),
            Secret = result == ResultCode.Ok ? Convert.ToHexString(secret) : null,
            StartedMs = started,
            FinishedMs = target.FleetNow,
            Lock = LockViews.Of(target),
        };
    }
}
