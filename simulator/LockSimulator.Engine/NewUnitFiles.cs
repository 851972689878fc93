using System;
using LockFirmware.Ports;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockSimulator;

/// <summary>
/// What a new unit's empty files hold once production has run PROVISION (serial, factory key,
/// ADC calibration) and the installer has paired it (lock id, secret and its fingerprint, the
/// pairing's time as the clock's lower bound): the records <see cref="SimulatedLock.ProvisionIdentity"/>
/// and <see cref="SimulatedLock.Provision"/> write, in the same order and with the firmware's own
/// <see cref="AtomicRecord"/> and state encoders, but without a <see cref="LockMemory"/>. That view
/// also indexes the audit ring and makes the revocation list and a buffer per record, about 4 KB
/// that writing an empty volume never reads (a fleet made and dropped one per lock). Here the
/// records and their buffers are kept per thread and pointed at each new unit's files in turn.
/// </summary>
internal sealed class NewUnitFiles : IFileSystem
{
    [ThreadStatic]
    private static NewUnitFiles? t_writer;

    private readonly AtomicRecord _identity;
    private readonly AtomicRecord _safety;
    private readonly AtomicRecord _pairing;
    private readonly byte[] _identityPayload;
    private readonly byte[] _safetyPayload;
    private readonly byte[] _pairingPayload;
    private readonly MacInput _input = new();
    private readonly byte[] _print = new byte[32];

    /// <summary>Every field of it is set for each unit (serial, key, calibration, provisioned), so one serves them all.</summary>
    private readonly UnitIdentity _unit = new();

    /// <summary>The factory key the print is made with, keyed anew for each unit; made with the first.</summary>
    private HmacKey? _factoryKey;

    /// <summary>The files of the unit being written (the records write through this object).</summary>
    private IFileSystem? _files;

    private NewUnitFiles()
    {
        // The records' names and sizes as LockMemory lays them out.
        _identity = new AtomicRecord(this, StorageLayout.IdentityName, StorageLayout.IdentitySlotSize - AtomicRecord.Overhead);
        _safety = new AtomicRecord(this, StorageLayout.SafetyName, StorageLayout.SafetySlotSize - AtomicRecord.Overhead);
        _pairing = new AtomicRecord(this, StorageLayout.PairingName, PairingState.SlotSize - AtomicRecord.Overhead);
        _identityPayload = new byte[_identity.PayloadSize];
        _safetyPayload = new byte[_safety.PayloadSize];
        _pairingPayload = new byte[_pairing.PayloadSize];
    }

    /// <summary>
    /// Writes the identity (when <paramref name="factoryKey"/> is given) and then the pairing of
    /// <paramref name="setup"/> onto <paramref name="files"/>, which must be a new, empty volume.
    /// </summary>
    public static void Write(IFileSystem files, LockSetup setup, byte[]? factoryKey)
    {
        NewUnitFiles writer = t_writer ??= new NewUnitFiles();
        writer._files = files;
        try
        {
            if (factoryKey != null)
            {
                writer.WriteIdentity(setup.Serial, factoryKey, setup.AdcCalibration);
            }

            if (setup.Paired)
            {
                writer.WritePairing(setup.LockId, setup.Secret, setup.Epoch, factoryKey);
            }
        }
        finally
        {
            writer._files = null;
        }
    }

    private void WriteIdentity(string serial, byte[] factoryKey, int adcCalibration)
    {
        UnitIdentity identity = _unit;
        for (int i = 0; i < identity.Serial.Length; i++)
        {
            identity.Serial[i] = i < serial.Length ? (byte)serial[i] : (byte)' ';
        }

        // A shorter key leaves zeros after it, as in a new identity, not the unit before's bytes.
        Array.Clear(identity.FactoryKey);
        factoryKey.CopyTo(identity.FactoryKey, 0);
        identity.AdcCalibration = adcCalibration;
        identity.Provisioned = true;
        Mount(_identity, _identityPayload);
        identity.Encode(_identityPayload);
        Commit(_identity, _identityPayload);
    }

    private void WritePairing(uint lockId, byte[] secret, DateTimeOffset pairedAt, byte[]? factoryKey)
    {
        var pairing = new PairingState { Paired = true, LockId = lockId, PairedAt = (uint)pairedAt.ToUnixTimeSeconds() };
        secret.CopyTo(pairing.Secret, 0);
        if (factoryKey != null)
        {
            if (_factoryKey == null)
            {
                _factoryKey = new HmacKey(factoryKey);
            }
            else
            {
                _factoryKey.Rekey(factoryKey);
            }

            _input.Start(Labels.SecretPrint).Add(secret, 0, secret.Length).ComputeWith(_factoryKey, _print, 0);
            pairing.NotePrint(_print, 0);
        }

        // The safety state keeps the pairing's time as the clock's lower bound; an empty volume has
        // no audit records, so nothing acknowledged or dropped.
        var state = new SafetyState { ClockLowerBound = pairing.PairedAt, ClockPairedAt = pairing.PairedAt };
        Mount(_safety, _safetyPayload);
        Mount(_pairing, _pairingPayload);
        state.Encode(_safetyPayload);
        Commit(_safety, _safetyPayload);
        pairing.Encode(_pairingPayload);
        Commit(_pairing, _pairingPayload);
    }

    /// <summary>Finds no copy of <paramref name="record"/> (as LockMemory's mount does), so a record kept from the unit before starts afresh.</summary>
    private static void Mount(AtomicRecord record, byte[] payload)
    {
        Array.Clear(payload);
        if (record.Mount(payload) != RecordState.Missing)
        {
            throw new InvalidOperationException("a new unit's records are written on an empty volume only");
        }
    }

    private static void Commit(AtomicRecord record, byte[] payload)
    {
        if (!record.Save(payload))
        {
            throw new InvalidOperationException("the new unit's volume refused its first records");
        }
    }

    private IFileSystem Files => _files ?? throw new InvalidOperationException("no unit's files are being written");

    bool IFileSystem.Exists(string name) => Files.Exists(name);

    int IFileSystem.Length(string name) => Files.Length(name);

    int IFileSystem.Read(string name, int position, byte[] buffer, int offset, int count) => Files.Read(name, position, buffer, offset, count);

    bool IFileSystem.Write(string name, int position, byte[] buffer, int offset, int count) => Files.Write(name, position, buffer, offset, count);

    bool IFileSystem.Delete(string name) => Files.Delete(name);

    bool IFileSystem.Rename(string from, string to) => Files.Rename(from, to);
}
