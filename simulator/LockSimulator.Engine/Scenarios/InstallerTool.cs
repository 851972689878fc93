using System;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;

namespace LockSimulator.Scenarios;

/// <summary>
/// The installer's tool at a unit (docs/PROTOCOL.md, "Pairing"): whole messages over the BLE
/// link, each answer awaited in virtual time; and the pairing itself: the long press at the
/// unit, INFO for its serial and pairing nonce, then the back office's sealed PAIR. The tool
/// writes over the lock's one connection (taking it when free) and leaves it held: the caller
/// hangs up when it is done.
/// </summary>
public static class InstallerTool
{
    /// <summary>How long the tool waits for an answer before it gives up (virtual ms).</summary>
    public const int AnswerTimeoutMs = 2_000;

    /// <summary>Sends <paramref name="message"/> and returns the first answer of type <paramref name="answerType"/>, or null when none came in time.</summary>
    public static byte[]? Exchange(SimulatedLock sim, byte[] message, byte answerType)
    {
        var reader = new NotificationReader();
        byte[]? answer = null;
        void OnNotified(byte[] notification)
        {
            byte[]? whole = reader.Add(notification, sim.Now);
            if (answer == null && whole is { Length: >= 2 } && whole[0] == answerType)
            {
                answer = whole;
            }
        }

        sim.Radio.Notified += OnNotified;
        try
        {
            foreach (byte[] fragment in Fragments.Split(message))
            {
                sim.WriteNow(fragment);
            }

            long end = sim.Now + AnswerTimeoutMs;
            while (answer == null && sim.Now < end && sim.Powered)
            {
                sim.RunFor(10);
            }
        }
        finally
        {
            sim.Radio.Notified -= OnNotified;
        }

        return answer;
    }

    /// <summary>
    /// The production line's step: PROVISION with the setup's serial, factory key and ADC
    /// calibration (also what a unit whose file system was wiped needs again before pairing).
    /// Returns the lock's result, or null when it did not answer.
    /// </summary>
    public static ResultCode? Provision(SimulatedLock sim)
    {
        byte[] message = Provisioning.Message(sim.Setup.Serial, sim.Setup.UnitFactoryKey, sim.Setup.AdcCalibration);
        byte[]? answer = Exchange(sim, message, MessageType.Provision | MessageType.ResponseFlag);
        return answer == null ? null : (ResultCode)answer[1];
    }

    /// <summary>
    /// Pairs the unit to <paramref name="backend"/>'s lock: holds the button past the long press,
    /// reads INFO and sends PAIR sealed with the unit's factory key. Returns the lock's result,
    /// or null when it did not answer.
    /// </summary>
    public static ResultCode? Pair(SimulatedLock sim, LockBackend backend, byte organisation)
    {
        int longPress = sim.Setup.Settings?.LongPressMs ?? new LockFirmware.LockSettings().LongPressMs;
        sim.PressButton(sim.Now, holdMs: longPress + 200);
        sim.RunFor(longPress + 300);
        byte[]? info = Exchange(sim, UnitInfo.Request(), MessageType.Info | MessageType.ResponseFlag);
        if (info == null)
        {
            return null;
        }

        byte[] pair = backend.PairMessage(organisation, UnitInfo.Parse(info), sim.Setup.UnitFactoryKey, sim.WallTime);
        byte[]? answer = Exchange(sim, pair, MessageType.Pair | MessageType.ResponseFlag);
        return answer == null ? null : (ResultCode)answer[1];
    }
}
