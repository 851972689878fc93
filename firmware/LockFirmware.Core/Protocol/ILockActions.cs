using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol
{
    /// <summary>What an authenticated command may make the lock do; LockCore implements it.</summary>
    public interface ILockActions
    {
        ResultCode RequestMove(LockState target, long now);

        ResultCode RunSelfTest(long now);

        /// <summary>Starts the 5 + 5 verification; a latched gas risk may only be cleared by an installer.</summary>
        ResultCode RegisterBatteryChange(Role role);

        /// <summary>Writes the status fields at offset and returns their length.</summary>
        int WriteStatus(byte[] buffer, int offset);

        /// <summary>Logs an event with who caused it.</summary>
        void Audit(AuditEvent kind, byte result, uint keyId, uint userId, uint detail);

        /// <summary>Saves the safety state (clock bound, tamper, counters) now.</summary>
        void Persist();
    }
}
