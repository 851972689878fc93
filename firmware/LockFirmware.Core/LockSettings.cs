using LockFirmware.Battery;
using LockFirmware.Motor;

namespace LockFirmware
{
    /// <summary>Everything board- and unit-specific the lock logic needs; a board definition fills it in.</summary>
    public sealed class LockSettings
    {
        public MotorSettings Motor = new MotorSettings();
        public BatteryProfile Battery = new BatteryProfile();

        /// <summary>Door unit (thumb-turn motor) or port/laundry unit (strike through <see cref="LockPorts.Strike"/>); chosen at build time.</summary>
        public UnitKind Kind = UnitKind.Door;

        /// <summary>
        /// Fed from the building's supply with the pack as its backup (port and laundry units):
        /// the mains sense (InputKind.MainsPresent / MainsLost) decides whether the pack's level
        /// limits what the unit does.
        /// </summary>
        public bool MainsFed;

        /// <summary>
        /// A strike unit whose strike hangs on a backed-up 12 V (an access-control supply with its
        /// own battery, its AC-fail contact on the mains sense: hardware/boards/port-unit.md,
        /// "Power"). False by default: the strike's coil is fed from the building's 12 V that the
        /// mains sense watches, so with that supply lost an Unlock is refused (NoStrikeSupply).
        /// </summary>
        public bool StrikeSupplyBackedUp;

        /// <summary>The strike's release and held-open times (port and laundry units).</summary>
        public Strike.StrikeSettings Strike = new Strike.StrikeSettings();

        /// <summary>The unit's serial number as printed on it: 8 ASCII characters (INFO reports it).</summary>
        public string Serial = "00000000";

        /// <summary>
        /// Lock again this long after an unlock completed; 0 = never (the default: a home-care
        /// door is locked by the staff on leaving). Never while the door sensor reports open.
        /// </summary>
        public int AutoRelockMs;

        /// <summary>Held this long, the push button opens the pairing window.</summary>
        public int LongPressMs = 5000;

        /// <summary>Segment files in the audit ring (StorageLayout.AuditSegments, or BuildingAuditSegments for a port unit; fewer on a board with a small file system partition).</summary>
        public int AuditSegments = Storage.StorageLayout.AuditSegments;

        /// <summary>
        /// The output guard stops the motor and the test load when the lock logic has not
        /// checked in for this long while one is on. Well above a normal round on the board
        /// (a step every 10-30 ms, a flash commit of tens of ms), well below any harm: a stall
        /// at ~1.35 A for half a second is what every end stop already costs in part.
        /// </summary>
        public int GuardMs = 500;

        /// <summary>Default settings for a unit of <paramref name="kind"/>.</summary>
        public static LockSettings For(UnitKind kind)
        {
            LockSettings settings = new LockSettings();
            settings.UseUnit(kind);
            return settings;
        }

        /// <summary>
        /// Makes these settings a <paramref name="kind"/> unit's: a port or laundry-room unit is
        /// mains-fed and keeps a building's audit (StorageLayout.BuildingAuditSegments). Its revocation list follows
        /// the kind by itself (Security.RevocationList.CapacityFor).
        /// </summary>
        public void UseUnit(UnitKind kind)
        {
            Kind = kind;
            MainsFed = kind != UnitKind.Door;
            AuditSegments = kind == UnitKind.Door ? Storage.StorageLayout.AuditSegments : Storage.StorageLayout.BuildingAuditSegments;
        }
    }
}
