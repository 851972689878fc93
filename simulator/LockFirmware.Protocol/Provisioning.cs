using System;
using System.Buffers.Binary;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Security;

namespace LockFirmware.Protocol.Client;

/// <summary>The production line's PROVISION message (docs/PROTOCOL.md, "Provisioning").</summary>
public static class Provisioning
{
    /// <summary>
    /// serial(8) factoryKey(32) adcCalibration(2). Refused here as on the unit: a serial that
    /// is not 1–8 printable ASCII characters, a key that is not 32 bytes or is one repeated
    /// byte, a calibration outside 5 000 … 15 000 parts per 10 000.
    /// </summary>
    public static byte[] Message(string serial, byte[] factoryKey, int adcCalibration)
    {
        if (serial.Length is 0 or > UnitIdentity.SerialLength || serial.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("a serial is 1 to 8 printable ASCII characters", nameof(serial));
        }

        if (factoryKey.Length != UnitIdentity.FactoryKeyLength || factoryKey.All(b => b == factoryKey[0]))
        {
            throw new ArgumentException("a factory key is 32 random bytes", nameof(factoryKey));
        }

        if (adcCalibration is < UnitIdentity.MinCalibration or > UnitIdentity.MaxCalibration)
        {
            throw new ArgumentException($"the ADC calibration is {UnitIdentity.MinCalibration} … {UnitIdentity.MaxCalibration} parts per 10 000", nameof(adcCalibration));
        }

        byte[] message = new byte[1 + UnitIdentity.SerialLength + UnitIdentity.FactoryKeyLength + 2];
        message[0] = MessageType.Provision;
        PairingSeal.SerialBytes(serial).CopyTo(message, 1);
        factoryKey.CopyTo(message, 1 + UnitIdentity.SerialLength);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(1 + UnitIdentity.SerialLength + UnitIdentity.FactoryKeyLength), (ushort)adcCalibration);
        return message;
    }
}
