using LockFirmware.Ports;

namespace LockFirmware
{
    /// <summary>Every door to the hardware the lock logic uses; the device and the simulator each fill one in.</summary>
    public sealed class LockPorts
    {
        /// <summary>The door unit's thumb-turn motor; null on a port unit.</summary>
        public IMotorBridge Motor;

        /// <summary>The port unit's strike relay; null on a door unit.</summary>
        public IStrike Strike;

        /// <summary>PWM duty of the bridge for soft start; null on boards without PWM.</summary>
        public IMotorSpeed MotorSpeed;
        public IAnalogInputs Analog;
        public ILeds Leds;
        public IBatteryLoad BatteryLoad;
        public IClock Clock;
        public IBleLink Ble;
        /// <summary>HMAC-SHA256 under the lock's keys (the secret, credential and session keys).</summary>
        public IMacFactory Macs;

        /// <summary>The lock's files on the flash file system: states and audit log (StorageLayout).</summary>
        public IFileSystem Files;

        /// <summary>Stops the motor and the test load if the lock logic stops checking in; null where the board has none.</summary>
        public IOutputGuard Guard;

        /// <summary>AES-128-CBC decryption, for the sealed secret in PAIR.</summary>
        public IAesCbc Aes;
    }
}
