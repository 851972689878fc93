using System;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;

namespace LockFirmware.Protocol.Client;

/// <summary>An event the lock notified (docs/PROTOCOL.md, "Events").</summary>
public abstract record LockEvent
{
    /// <summary>Bytes of an event before its optional seq and MAC.</summary>
    public const int Length = 5;

    /// <summary>True when <see cref="PhoneSession.ReadEvent"/> verified its MAC under the session key.</summary>
    public bool Authenticated { get; init; }

    /// <summary>Prints only the event's own fields, as before authentication existed (integrators' logs and the server's views read them).</summary>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder) => false;

    public static bool IsEvent(byte[] message) => message.Length >= 2 && message[0] == MessageType.Event;

    /// <summary>Decodes an event without checking a MAC (<see cref="Authenticated"/> false).</summary>
    public static LockEvent Parse(byte[] message)
    {
        if (!IsEvent(message) || (message.Length != Length && message.Length != Length + 2 + LockFirmware.Protocol.ProtocolInfo.MacLength))
        {
            throw new ProtocolViolationException("not an event");
        }

        return message[1] switch
        {
            Notices.StateChangedEvent => new StateChanged((LockState)message[2], (MotorAlarm)message[3], (BatteryLevel)message[4]),
            Notices.SelfTestEvent => new SelfTestFinished((SelfTestOutcome)message[2], message[3] | message[4] << 8),
            _ => throw new ProtocolViolationException($"unknown event kind {message[1]}"),
        };
    }
}

/// <summary>The bolt's state after a move finished.</summary>
public sealed record StateChanged(LockState State, MotorAlarm Alarm, BatteryLevel Battery) : LockEvent;

/// <summary>A self-test ended.</summary>
public sealed record SelfTestFinished(SelfTestOutcome Outcome, int LoadedMillivolts) : LockEvent;
