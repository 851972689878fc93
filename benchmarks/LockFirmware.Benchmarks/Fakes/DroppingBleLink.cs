using System;
using LockFirmware.Ble;
using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>
/// A BLE link with no phone on it: notifications are dropped, advertising and drops do
/// nothing. Setup code that needs the lock's answer (the session challenge) sets a listener,
/// which gets a copy.
/// </summary>
public sealed class DroppingBleLink : IBleLink
{
    public Action<byte[]>? Listener { get; set; }

    public void Notify(byte[] buffer, int offset, int count) => Listener?.Invoke(buffer.AsSpan(offset, count).ToArray());

    public void Advertise(LegacyAdvertisement packets)
    {
    }

    public void Disconnect()
    {
    }
}
