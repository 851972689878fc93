using System;
using LockFirmware.Ble;

namespace LockSimulator.Tracing;

/// <summary>Says in words what a BLE fragment is (for timelines); whole messages are described by the phone.</summary>
public static class NoticeText
{
    public static string Describe(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        if (bytes.Length == 0)
        {
            return "(empty write)";
        }

        byte flags = bytes[0];
        int index = flags & Fragment.IndexMask;
        bool first = (flags & Fragment.First) != 0;
        bool last = (flags & Fragment.Last) != 0;
        string part = first && last ? "whole message" : first ? "first fragment" : last ? $"last fragment ({index})" : $"fragment {index}";
        string type = first && bytes.Length > 1 ? $", type 0x{bytes[1]:X2}" : "";
        return $"({part}{type})";
    }
}
