using System;
using LockFirmware.Events;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// A whole lock (LockCore) on fakes, driven as the device's dispatcher drives it: inputs are
    /// posted to its InputQueue and <see cref="LockCore.Process"/> runs; time jumps from one
    /// deadline of the core to the next. Its files are a <see cref="RamFileSystem"/> that
    /// outlives it, so a test can cut the power and boot another lock on the same volume.
    /// The audit ring has <see cref="AuditSegments"/> segments to fit the device's heap.
    /// </summary>
    public sealed class TestLock
    {
        public const int AuditSegments = 4;

        /// <summary>The long press that opens the pairing window (LockSettings.LongPressMs).</summary>
        public const int LongPressMs = 5000;

        /// <summary>Files a lock keeps: four records of two copies (identity, safety, pairing, revocations) and the audit segments.</summary>
        public const int VolumeFiles = 8 + AuditSegments;

        private readonly byte[] _fragment = new byte[Ble.Fragment.DefaultPayload];
        private readonly LockSettings _settings;

        /// <summary>A lock on <paramref name="files"/>, not yet started; its clock starts at 0 as a boot does.</summary>
        public TestLock(RamFileSystem files)
            : this(files, new Battery.BatteryProfile())
        {
        }

        /// <param name="battery">The pack's limits: a test makes the drive train's 7.2 V read as low or flat by raising them.</param>
        public TestLock(RamFileSystem files, Battery.BatteryProfile battery)
            : this(files, battery, UnitKind.Door)
        {
        }

        /// <param name="kind">A door unit (the drive train's motor) or a port or laundry unit (a <see cref="RecordingStrike"/>, no motor).</param>
        public TestLock(RamFileSystem files, Battery.BatteryProfile battery, UnitKind kind)
            : this(files, SettingsFor(battery, kind))
        {
        }

        /// <param name="settings">A unit's settings (LockSettings.For its kind, then what the test changes); the audit ring is set to <see cref="AuditSegments"/>.</param>
        public TestLock(RamFileSystem files, LockSettings settings)
        {
            _settings = settings;
            UnitKind kind = settings.Kind;
            Files = files;
            Clock = new FakeClock();
            Train = new EndStopDriveTrain(Clock, 0);
            Bridge = new DriveLog(Clock, Train);
            Phone = new PhoneLink();
            Leds = new RecordingLeds(Clock);
            Load = new FakeBattery(Clock, EndStopDriveTrain.SupplyMillivolts, EndStopDriveTrain.SupplyMillivolts, EndStopDriveTrain.SupplyMillivolts);
            LockPorts ports = new LockPorts();
            if (kind == UnitKind.Door)
            {
                ports.Motor = Bridge;
            }
            else
            {
                Strike = new RecordingStrike();
                ports.Strike = Strike;
            }

            ports.Analog = Train;
            ports.Leds = Leds;
            ports.BatteryLoad = Load;
            ports.Clock = Clock;
            ports.Ble = Phone;
            ports.Macs = new ManagedMacFactory();
            ports.Files = files;
            ports.Guard = new FakeGuard();
            ports.Aes = new ManagedAesCbc();
            settings.AuditSegments = AuditSegments;
            // Each write is handled as it is posted, so two slots are enough.
            Inputs = new InputQueue(2);
            Core = new LockCore(ports, settings, Inputs);
        }

        public LockCore Core { get; private set; }

        public InputQueue Inputs { get; private set; }

        public FakeClock Clock { get; private set; }

        public RamFileSystem Files { get; private set; }

        public EndStopDriveTrain Train { get; private set; }

        public DriveLog Bridge { get; private set; }

        /// <summary>A port or laundry unit's strike relay; null on a door unit.</summary>
        public RecordingStrike Strike { get; private set; }

        public PhoneLink Phone { get; private set; }

        public RecordingLeds Leds { get; private set; }

        /// <summary>The self-test load (its own analog reading is not used: the drive train's supply is).</summary>
        public FakeBattery Load { get; private set; }

        public long Now
        {
            get { return Clock.NowMilliseconds; }
        }

        /// <summary>A new unit: blank files, started.</summary>
        public static TestLock Blank()
        {
            return Blank(new Battery.BatteryProfile());
        }

        public static TestLock Blank(Battery.BatteryProfile battery)
        {
            return Blank(battery, UnitKind.Door);
        }

        public static TestLock Blank(Battery.BatteryProfile battery, UnitKind kind)
        {
            return Blank(SettingsFor(battery, kind));
        }

        public static TestLock Blank(LockSettings settings)
        {
            TestLock unit = new TestLock(new RamFileSystem(VolumeFiles), settings);
            unit.Core.Start();
            return unit;
        }

        /// <summary>A <paramref name="kind"/> unit's default settings with the pack <paramref name="battery"/>.</summary>
        public static LockSettings SettingsFor(Battery.BatteryProfile battery, UnitKind kind)
        {
            LockSettings settings = LockSettings.For(kind);
            settings.Battery = battery;
            return settings;
        }

        /// <summary>
        /// A new unit through the production line and the installer, with docs/PROTOCOL.md's
        /// bytes: PROVISION, a long press, the PAIR sealed for this unit's first pairing window.
        /// The lock is then paired with the documented secret and lock id, its clock at the
        /// pairing's time (Monday 06:59, a minute before the documented credential's schedule opens).
        /// </summary>
        public static TestLock Paired()
        {
            return Paired(new Battery.BatteryProfile());
        }

        /// <summary>As <see cref="Paired()"/>, the long press's self-test judging the battery by <paramref name="battery"/>.</summary>
        public static TestLock Paired(Battery.BatteryProfile battery)
        {
            return Paired(battery, UnitKind.Door);
        }

        public static TestLock Paired(Battery.BatteryProfile battery, UnitKind kind)
        {
            return Paired(SettingsFor(battery, kind));
        }

        public static TestLock Paired(LockSettings settings)
        {
            TestLock unit = Blank(settings);
            unit.Send(ProtocolVectors.Provision);
            unit.Press(LongPressMs);
            unit.Send(ProtocolVectors.Pair);
            // The press also started the self-test: it is over (within the routine's 20 s) before anything else happens.
            unit.RunFor(20000);
            return unit;
        }

        /// <summary>
        /// As <see cref="Paired"/>, then the documented time token (07:00:00) and a connected
        /// phone: the documented credential may say HELLO.
        /// </summary>
        public static TestLock PairedWithTime()
        {
            return PairedWithTime(new Battery.BatteryProfile());
        }

        public static TestLock PairedWithTime(Battery.BatteryProfile battery)
        {
            return PairedWithTime(battery, UnitKind.Door);
        }

        /// <summary>As <see cref="PairedWithTime()"/>, a unit of <paramref name="kind"/> with the pack <paramref name="battery"/>.</summary>
        public static TestLock PairedWithTime(Battery.BatteryProfile battery, UnitKind kind)
        {
            return PairedWithTime(SettingsFor(battery, kind));
        }

        /// <summary>As <see cref="PairedWithTime()"/>, a unit with <paramref name="settings"/>.</summary>
        public static TestLock PairedWithTime(LockSettings settings)
        {
            TestLock unit = Paired(settings);
            unit.Send(ProtocolVectors.TimeToken);
            unit.Connect();
            return unit;
        }

        /// <summary>Power-up after a cut: the volume mounts and a new lock starts on it.</summary>
        public TestLock Reboot()
        {
            Files.Mount();
            TestLock next = new TestLock(Files, _settings);
            next.Core.Start();
            return next;
        }

        public void Send(string hex)
        {
            Send(Hex.Bytes(hex));
        }

        /// <summary>A message from the phone, cut into 20-byte writes, each handled as it arrives.</summary>
        public void Send(byte[] message)
        {
            int perFragment = _fragment.Length - 1;
            int index = 0;
            for (int sent = 0; sent < message.Length; sent += perFragment)
            {
                int chunk = message.Length - sent < perFragment ? message.Length - sent : perFragment;
                _fragment[0] = (byte)((sent == 0 ? Ble.Fragment.First : 0) | (sent + chunk == message.Length ? Ble.Fragment.Last : 0) | (index & Ble.Fragment.IndexMask));
                for (int i = 0; i < chunk; i++)
                {
                    _fragment[1 + i] = message[sent + i];
                }

                Write(_fragment, chunk + 1);
                index++;
            }
        }

        /// <summary>One BLE write as the stack delivers it.</summary>
        public void Write(byte[] fragment, int length)
        {
            Inputs.Post(InputKind.BleWrite, fragment, 0, length);
            Process();
        }

        public void Connect()
        {
            Post(InputKind.BleConnected);
        }

        /// <summary>A mains-fed unit's supply sense changes level (the adapter posts every edge, and the level at start-up).</summary>
        public void Mains(bool present)
        {
            Post(present ? InputKind.MainsPresent : InputKind.MainsLost);
        }

        /// <summary>Holds the push button for <paramref name="holdMs"/> (0: a short press of 200 ms).</summary>
        public void Press(long holdMs)
        {
            Post(InputKind.ButtonDown);
            RunFor(holdMs == 0 ? 200 : holdMs);
            Post(InputKind.ButtonUp);
        }

        /// <summary>Runs the core's deadlines for <paramref name="ms"/> of virtual time.</summary>
        public void RunFor(long ms)
        {
            long end = Clock.NowMilliseconds + ms;
            while (Core.NextDueAt <= end)
            {
                if (Core.NextDueAt > Clock.NowMilliseconds)
                {
                    Clock.NowMilliseconds = Core.NextDueAt;
                }

                Process();
            }

            Clock.NowMilliseconds = end;
            Process();
        }

        /// <summary>
        /// A phone with a credential of the documented backend for <paramref name="role"/> (key id
        /// the role's number, user id 142), any time for a week from the credential vector's start,
        /// in session with this lock.
        /// </summary>
        public PhoneSession Open(Role role)
        {
            return Open(Backend.OfVectors(), role);
        }

        /// <summary>As <see cref="Open(Role)"/>, the credential issued by <paramref name="backend"/> (a lock paired again holds its secret).</summary>
        public PhoneSession Open(Backend backend, Role role)
        {
            byte[] credential = backend.Credential(ProtocolVectors.LockId, (uint)role, ProtocolVectors.UserId + 100, role, Backend.AnyDay, 0, 1440, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + 7 * 86400);
            return Open(PhoneSession.Issued(backend, credential));
        }

        /// <summary>Says HELLO for <paramref name="phone"/> and takes the lock's nonce; throws (failing the test) if the lock refuses.</summary>
        public PhoneSession Open(PhoneSession phone)
        {
            Send(phone.Hello());
            int length;
            byte[] answer = LastMessage(out length);
            if (!phone.Open(answer, length))
            {
                throw new InvalidOperationException("HELLO answered " + Phone.Last);
            }

            return phone;
        }

        /// <summary>The last message the phone received.</summary>
        public byte[] LastMessage(out int length)
        {
            return Phone.Message(Phone.Count - 1, out length);
        }

        /// <summary>The kind of the audit record <paramref name="back"/> before the newest (0: the newest).</summary>
        public int AuditEventBack(int back)
        {
            byte[] record = new byte[Storage.AuditRecord.Size];
            Core.AuditLog.ReadSince(Core.AuditLog.NextSequence - 1 - (uint)back, record, 1);
            return record[Storage.AuditRecord.EventOffset];
        }

        private void Post(InputKind kind)
        {
            Inputs.Post(kind);
            Process();
        }

        /// <summary>
        /// One dispatcher round, and the next straight away while one is due now (a move
        /// command's answer follows its motor start); a phone the lock dropped comes back as the
        /// stack's disconnection report.
        /// </summary>
        private void Process()
        {
            Core.Process();
            while (Core.NextDueAt <= Clock.NowMilliseconds)
            {
                Core.Process();
            }

            if (Phone.TakeDropped())
            {
                Inputs.Post(InputKind.BleDisconnected);
                Core.Process();
            }
        }
    }
}
