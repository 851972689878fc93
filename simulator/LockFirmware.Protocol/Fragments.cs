using System;
using System.Collections.Generic;
using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>Cuts messages into BLE writes and puts notifications back together (docs/PROTOCOL.md, "Transport").</summary>
public static class Fragments
{
    /// <param name="payloadSize">The ATT payload: 20 without an MTU exchange, MTU - 3 with one.</param>
    public static List<byte[]> Split(byte[] message, int payloadSize = Fragment.DefaultPayload)
    {
        if (message.Length == 0 || message.Length > Fragment.MaxMessage)
        {
            throw new ArgumentException($"a message is 1 to {Fragment.MaxMessage} bytes", nameof(message));
        }

        int perFragment = payloadSize - 1;
        var fragments = new List<byte[]>();
        for (int sent = 0, index = 0; sent < message.Length; index++)
        {
            int chunk = Math.Min(perFragment, message.Length - sent);
            byte flags = (byte)(index & Fragment.IndexMask);
            if (sent == 0)
            {
                flags |= Fragment.First;
            }

            if (sent + chunk == message.Length)
            {
                flags |= Fragment.Last;
            }

            byte[] fragment = new byte[chunk + 1];
            fragment[0] = flags;
            Array.Copy(message, sent, fragment, 1, chunk);
            fragments.Add(fragment);
            sent += chunk;
        }

        return fragments;
    }
}
