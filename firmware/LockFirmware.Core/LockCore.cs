using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Protocol;
using LockFirmware.Safety;
using LockFirmware.Security;
using LockFirmware.SelfTest;
using LockFirmware.Storage;
using LockFirmware.Strike;
using LockFirmware.Time;

namespace LockFirmware
{
    /// <summary>
    /// The lock: takes inputs and timer expiries one at a time on one thread and drives the
    /// ports. It never asks what it runs on: the device's dispatcher thread and the
    /// simulator's scheduler both call <see cref="Process"/> when an input is queued or
    /// <see cref="NextDueAt"/> has come. What must survive power loss goes to flash through
    /// <see cref="LockMemory"/>; what the back office must learn goes to the audit log.
    /// </summary>
    public sealed class LockCore : ILockActions
    {
        /// <summary>A rest voltage this much above the one remembered means a new battery at power-up.</summary>
        private const int NewBatteryRiseMillivolts = 300;

        private readonly LockPorts _ports;
        private readonly Timers _timers = new Timers();
        private readonly MotorController _motor;

        /// <summary>What moves: the motor on a door unit, the strike on a port or laundry unit (null on a door unit).</summary>
        private readonly IActuator _actuator;
        private readonly StrikeController _strike;
        private readonly UnitKind _kind;

        /// <summary>The strike's coil hangs on a backed-up 12 V, not on the supply the mains sense watches.</summary>
        private readonly bool _strikeSupplyBackedUp;
        private readonly BatteryMonitor _battery;
        private readonly BatteryVerification _verification = new BatteryVerification();
        private readonly MainsSupply _mains;

        /// <summary>A BackupLow record was written for the pack's present level (a mains-fed unit): one per fall to Low or worse.</summary>
        private bool _backupLowNoted;
        private readonly SelfTestSequence _selfTest;
        private readonly LockMemory _memory;
        private readonly Notices _notices;
        private readonly NoticeSender _sender;
        private readonly FragmentAssembler _assembler = new FragmentAssembler();
        private readonly LockProtocol _protocol;
        private readonly int _longPressMs;
        private readonly AutoRelock _autoRelock;
        private readonly GuardedOutputs _outputs;
        private readonly int _guardMs;
        private readonly LinkSupervisor _link;

        /// <summary>The serial in the advertisement: the settings' placeholder until the unit identity written at production is read.</summary>
        private readonly byte[] _advertisedSerial;
        private readonly byte[] _input = new byte[InputQueue.MaxPayload];
        private bool _buttonClosed;

        /// <param name="inputs">Where adapters post inputs; created first because the adapters need it too.</param>
        public LockCore(LockPorts ports, LockSettings settings, InputQueue inputs)
        {
            _ports = ports;
            Inputs = inputs;
            _battery = new BatteryMonitor(settings.Battery);
            _mains = new MainsSupply(settings.MainsFed, _timers);
            _guardMs = settings.GuardMs;
            _outputs = new GuardedOutputs(ports.Motor, ports.BatteryLoad, ports.Strike, ports.Guard, settings.GuardMs);
            _motor = new MotorController(_outputs, ports.MotorSpeed, ports.Analog, _timers, settings.Motor);
            _motor.MoveFinished = OnMoveFinished;
            _kind = settings.Kind;
            _strikeSupplyBackedUp = settings.StrikeSupplyBackedUp;
            _actuator = _motor;
            if (_kind != UnitKind.Door)
            {
                _strike = new StrikeController(_outputs, _timers, settings.Strike);
                _strike.MoveFinished = OnMoveFinished;
                _actuator = _strike;
            }
            _selfTest = new SelfTestSequence(ports.Leds, _outputs, ports.Analog, _battery, _timers, settings.Battery.TestLoadOhms);
            _selfTest.Finished = OnSelfTestFinished;
            _memory = new LockMemory(ports.Files, settings.AuditSegments, RevocationList.CapacityFor(settings.Kind));
            _sender = new NoticeSender(ports.Ble);
            _advertisedSerial = Ascii8(settings.Serial);
            _protocol = new LockProtocol(_memory, ports.Macs, ports.Aes, this, _sender, Ascii8(settings.Serial));
            _notices = new Notices(_protocol);
            _link = new LinkSupervisor(ports.Ble, _timers, _sender, _advertisedSerial);
            _longPressMs = settings.LongPressMs;
            _autoRelock = new AutoRelock(_timers, settings.AutoRelockMs);
        }

        /// <summary>Where adapters post button edges and BLE writes, from any thread.</summary>
        public InputQueue Inputs { get; private set; }

        /// <summary>Which kind of unit this image is (the status reports it).</summary>
        public UnitKind Kind
        {
            get { return _kind; }
        }

        /// <summary>The port unit's strike; null on a door unit.</summary>
        public StrikeController Strike
        {
            get { return _strike; }
        }

        public LockState State
        {
            get { return _actuator.State; }
        }

        /// <summary>True while the motor runs a request (state is Unlocking or Locking).</summary>
        public bool IsMoving
        {
            get { return _actuator.IsMoving; }
        }

        public MotorAlarm LastAlarm
        {
            get { return _actuator.LastAlarm; }
        }

        public BatteryLevel BatteryLevel
        {
            get { return _battery.Level; }
        }

        public GasRiskCause GasRisk
        {
            get { return _battery.GasRisk; }
        }

        /// <summary>Charge drawn from the battery since it was fitted (motor and idle), mAh.</summary>
        public int ConsumedMilliampHours
        {
            get { return _battery.ConsumedMilliampHours; }
        }

        /// <summary>The back office's warnings as <see cref="Status.Warnings"/> bits.</summary>
        public int Warnings
        {
            get
            {
                int warnings = Status.WarningBits.Of(_battery, _verification, _protocol.Throttle.TamperAlarm, _mains);
                uint reset = _memory.State.MemoryResetSequence;
                return reset != 0 && _memory.Audit.AcknowledgedUpTo < reset ? warnings | Status.Warnings.MemoryReset : warnings;
            }
        }

        /// <summary>The status byte for advertising and the status characteristic.</summary>
        public byte StatusFlags
        {
            get { return Status.AdvertisedFlags.Of(Warnings, _protocol.IsPaired); }
        }

        /// <summary>The BLE connection and advertising policy.</summary>
        public LinkSupervisor Link
        {
            get { return _link; }
        }

        /// <summary>The BLE side: pairing, clock, sessions, throttle.</summary>
        public LockProtocol Protocol
        {
            get { return _protocol; }
        }

        /// <summary>A mains-fed unit's supply (a door unit's is never Fed).</summary>
        public MainsSupply Mains
        {
            get { return _mains; }
        }

        public BatteryVerification BatteryVerification
        {
            get { return _verification; }
        }

        public SelfTestOutcome LastSelfTest
        {
            get { return _selfTest.LastOutcome; }
        }

        /// <summary>Software faults contained so far (kept in flash; the status reports it).</summary>
        public int FaultCount
        {
            get { return (int)_memory.State.FaultCount; }
        }

        public int CompletedLocks
        {
            get { return _actuator.CompletedLocks; }
        }

        public int CompletedUnlocks
        {
            get { return _actuator.CompletedUnlocks; }
        }

        /// <summary>The audit log (read by the sync commands and the simulator's CLI).</summary>
        public AuditLog AuditLog
        {
            get { return _memory.Audit; }
        }

        /// <summary>The backend has the audit records up to <paramref name="sequence"/>: the ring may overwrite them.</summary>
        public void Acknowledge(uint sequence)
        {
            _memory.Acknowledge(sequence);
        }

        /// <summary>Clock time at which <see cref="Process"/> must run next even without input (now, while a move command's answer waits); Timers.Never if none.</summary>
        public long NextDueAt
        {
            get { return _protocol.HasPendingAnswer ? _ports.Clock.NowMilliseconds : _timers.NextDue; }
        }

        /// <summary>
        /// Boot: outputs to their safe rest state, then what the files remember (counters, gas
        /// risk, battery verification) and a Boot record. A boot follows a battery insertion,
        /// a brown-out or a crash alike, so only a rest voltage clearly above the one
        /// remembered means a new battery, whose verification starts afresh; otherwise the
        /// verification and the charge count carry on.
        /// Files found blank or damaged (a new unit, or a file system nanoFramework formatted
        /// at mount) leave the lock a stock unit: unpaired, so nothing opens it until it is
        /// paired again; a MemoryReset audit record and warning tell the back office, the
        /// warning standing until the backend acknowledges the record.
        /// </summary>
        public void Start()
        {
            _outputs.StopAll();
            _ports.Leds.Set(Led.Green, false);
            _ports.Leds.Set(Led.Red, false);

            StorageHealth health = _memory.Mount();
            SafetyState saved = _memory.State;
            if (health != StorageHealth.Intact)
            {
                // The MemoryReset record comes right after this boot's Boot record.
                saved.MemoryResetSequence = _memory.Audit.NextSequence + 1;
                if (_memory.Pairing.Paired)
                {
                    // The boot count went with the safety state: keeping the secret would let session nonces repeat.
                    _memory.WipePairing();
                    _memory.SavePairing();
                }
            }

            // Counted before any session nonce exists, so no nonce of this boot repeats an old one.
            saved.BootCount++;
            _protocol.Clock.HighWater = HighWaterAtBoot(saved, _memory.Pairing);
            _protocol.Start();
            if (_protocol.Identity.Provisioned)
            {
                for (int i = 0; i < _advertisedSerial.Length; i++)
                {
                    _advertisedSerial[i] = _protocol.Identity.Serial[i];
                }
            }
            _actuator.RestoreCounts((int)saved.CompletedLocks, (int)saved.CompletedUnlocks);
            _battery.RestoreGasRisk((GasRiskCause)saved.GasRisk);
            int rest = _ports.Analog.ReadBatteryMillivolts();
            if (rest - saved.RestMillivolts < NewBatteryRiseMillivolts)
            {
                _verification.Restore(saved.BatteryVerified, saved.VerifyLocks, saved.VerifyUnlocks);
                _battery.RestoreConsumed((int)saved.ConsumedMilliampHours, _ports.Clock.NowMilliseconds);
            }

            saved.RestMillivolts = rest;
            // Looked at before this boot's first record takes the next sequence.
            _backupLowNoted = saved.BackupLowSequence != 0 && saved.BackupLowSequence < _memory.Audit.NextSequence;
            if (!_backupLowNoted)
            {
                saved.BackupLowSequence = 0;
            }

            Persist();
            Append(AuditEvent.Boot, 0, saved.BootCount);
            if (health != StorageHealth.Intact)
            {
                Append(AuditEvent.MemoryReset, (byte)health, 0);
            }
            _link.Refresh(StatusFlags, _ports.Clock.NowMilliseconds);
        }

        /// <summary>
        /// One dispatcher round: the answer to a move command whose motor start ended the last
        /// round, then, with a trip of the output guard looked at first each time, every queued
        /// input and every timer that is due, then the check-in that keeps the guard from
        /// tripping. The clock is read for each item: on the board one before it may have taken
        /// a flash commit's time, and a motor phase must start when the bridge really switched.
        /// A round ends early when a command has just started the motor.
        /// </summary>
        public void Process()
        {
            _protocol.FinishCommand();
            // The guard is looked at before every item: it may trip while one runs (a long
            // flash commit), and a motor sample taken after it cut the bridge would otherwise
            // read as an open circuit.
            while (true)
            {
                HandleGuardTrip();
                int length;
                InputKind kind = Inputs.Take(_input, out length);
                if (kind == InputKind.None)
                {
                    break;
                }

                HandleInput(kind, length, _ports.Clock.NowMilliseconds);
                if (_protocol.HasPendingAnswer)
                {
                    // The motor has just started; the answer and the rest wait for the next
                    // round, which is due now. The guard hears of this round all the same.
                    CheckIn();
                    return;
                }
            }

            while (true)
            {
                HandleGuardTrip();
                TimerId id;
                if (!_timers.TakeDue(_ports.Clock.NowMilliseconds, out id))
                {
                    break;
                }

                HandleTimer(id, _ports.Clock.NowMilliseconds);
            }

            _link.Refresh(StatusFlags, _ports.Clock.NowMilliseconds);
            CheckIn();
        }

        /// <summary>Tells the guard this round ran; while something is on, the next round comes within half its bound even if nothing else is due.</summary>
        private void CheckIn()
        {
            if (_outputs.Energised)
            {
                _timers.Start(TimerId.GuardCheckIn, _ports.Clock.NowMilliseconds + _guardMs / 2);
            }
            else
            {
                _timers.Cancel(TimerId.GuardCheckIn);
            }

            _outputs.CheckIn();
        }

        /// <summary>
        /// Fault containment after a round or an adapter callback threw: the motor coasts and
        /// the test load goes off first, then the fault is counted and logged if the storage
        /// still works. The caller restarts the unit afterwards.
        /// </summary>
        public void ContainFault(FaultKind kind)
        {
            _outputs.StopAll();
            RecordFault(kind);
        }

        /// <summary>If the guard stopped the outputs while the lock logic was late, the move and the self-test are over.</summary>
        private void HandleGuardTrip()
        {
            if (!_outputs.GuardTripped)
            {
                return;
            }

            _outputs.StopAll();
            _selfTest.Abort();
            _actuator.Abort(MotorAlarm.Guard, _ports.Clock.NowMilliseconds);
            RecordFault(FaultKind.Guard);
        }

        private void RecordFault(FaultKind kind)
        {
            SafetyState state = _memory.State;
            state.FaultCount++;
            Append(AuditEvent.Fault, (byte)kind, state.FaultCount);
            Persist();
        }

        private void HandleInput(InputKind kind, int length, long now)
        {
            switch (kind)
            {
                case InputKind.ButtonDown:
                    // A press counts once the contact has stayed closed for the debounce time.
                    _buttonClosed = true;
                    _timers.Start(TimerId.ButtonDebounce, now + SelfTestTimings.DebounceMs);
                    _timers.Start(TimerId.LongPress, now + _longPressMs);
                    break;
                case InputKind.ButtonUp:
                    _buttonClosed = false;
                    _timers.Cancel(TimerId.ButtonDebounce);
                    _timers.Cancel(TimerId.LongPress);
                    break;
                case InputKind.BleWrite:
                    HandleFragment(length, now);
                    _link.OnWrite(now, _protocol.SessionOpen);
                    break;
                case InputKind.BleConnected:
                    _protocol.CloseSession();
                    _link.OnConnected(now);
                    break;
                case InputKind.BleDisconnected:
                    _protocol.CloseSession();
                    _link.OnDisconnected(now);
                    break;
                case InputKind.DoorOpened:
                case InputKind.DoorClosed:
                    _autoRelock.OnDoor(kind == InputKind.DoorOpened, _actuator.State, now);
                    OnDoor(kind == InputKind.DoorOpened, now);
                    break;
                case InputKind.MainsPresent:
                case InputKind.MainsLost:
                    if (_mains.OnSense(kind == InputKind.MainsPresent, now))
                    {
                        NoteMains(now);
                    }

                    break;
                case InputKind.BleMtu:
                    if (length == 2)
                    {
                        _link.OnMtu(Bytes.ReadUInt16(_input, 0));
                    }

                    break;
            }
        }

        private void HandleTimer(TimerId id, long now)
        {
            switch (id)
            {
                case TimerId.ButtonDebounce:
                    if (_buttonClosed)
                    {
                        _selfTest.OnPress(now);
                    }

                    break;
                case TimerId.MotorStep:
                    _motor.OnStep(now);
                    break;
                case TimerId.SelfTestStep:
                    _selfTest.OnStep(now);
                    break;
                case TimerId.AutoRelock:
                    if (_autoRelock.ShouldRelock(_actuator.State))
                    {
                        RequestMove(LockState.Locked, now);
                        Append(AuditEvent.AutoRelock, 0, 0);
                    }

                    break;
                case TimerId.LongPress:
                    if (_buttonClosed)
                    {
                        _protocol.OpenPairingWindow(now);
                    }

                    break;
                case TimerId.LinkGuard:
                    if (_link.ShouldDrop(now, _protocol.SessionOpen, _actuator.IsMoving))
                    {
                        _protocol.CloseSession();
                        _link.Drop(now);
                    }

                    break;
                case TimerId.StrikeRelease:
                    _strike.OnReleaseTimer(now);
                    break;
                case TimerId.DoorHeldOpen:
                    if (_strike.OnHeldOpenTimer())
                    {
                        _notices.StateChanged(_strike.State, MotorAlarm.DoorHeldOpen, _battery.Level);
                        Append(AuditEvent.DoorHeldOpen, (byte)MotorAlarm.DoorHeldOpen, (uint)_strike.HeldOpenMs);
                    }

                    break;
                case TimerId.MainsSettle:
                    if (_mains.OnSettled(now))
                    {
                        NoteMains(now);
                    }

                    break;
                case TimerId.Advertise:
                    // The refresh after every round puts the waiting status on air.
                    break;
            }
        }

        /// <summary>A port unit's door contact: an opening during a release confirms the entry in the audit log; closing clears the held-open alarm, which the phone is told.</summary>
        private void OnDoor(bool open, long now)
        {
            if (_strike == null)
            {
                return;
            }

            MotorAlarm before = _strike.LastAlarm;
            if (_strike.OnDoor(open, now))
            {
                Append(AuditEvent.Entry, (byte)LockState.Unlocked, (uint)_strike.SinceReleaseMs(now));
            }

            if (before == MotorAlarm.DoorHeldOpen && _strike.LastAlarm == MotorAlarm.None)
            {
                _notices.StateChanged(_strike.State, MotorAlarm.None, _battery.Level);
            }
        }

        private void HandleFragment(int length, long now)
        {
            AssemblyResult result = _assembler.Add(_input, length, now);
            if (result == AssemblyResult.Complete)
            {
                _protocol.OnMessage(_assembler.Message, _assembler.Length, now);
            }
            else if (result != AssemblyResult.Pending)
            {
                _protocol.OnBadTransport();
            }
        }

        /// <summary>The supply went or came back (settled): the audit log says so; the status and advertising follow from the warnings.</summary>
        private void NoteMains(long now)
        {
            if (_mains.Present)
            {
                Append(AuditEvent.MainsRestored, (byte)_battery.Level, _mains.LostForSeconds(now));
            }
            else
            {
                Append(AuditEvent.MainsLost, (byte)_battery.Level, 0);
            }
        }

        /// <summary>
        /// A mains-fed unit's backup measured Low or worse: one BackupLow record per fall, kept in
        /// the safety state across power-ups; only a pack measured Good again (replaced, or
        /// recharged past the hysteresis) ends the fall. Not measured yet (after a boot) ends nothing.
        /// The caller persists the state after this.
        /// </summary>
        private void NoteBackup()
        {
            if (!_mains.Fed)
            {
                return;
            }

            BatteryLevel level = _battery.Level;
            if (level >= BatteryLevel.Low && !_backupLowNoted)
            {
                // Saved first: a cut before the record lands leaves a sequence the log never reached,
                // which the next start reads as "not recorded"; a cut after it, a recorded fall.
                _backupLowNoted = true;
                _memory.State.BackupLowSequence = _memory.Audit.NextSequence;
                Persist();
                Append(AuditEvent.BackupLow, (byte)level, 0);
            }
            else if (_backupLowNoted && level == BatteryLevel.Good)
            {
                _backupLowNoted = false;
                _memory.State.BackupLowSequence = 0;
            }
        }

        /// <summary>
        /// Battery policy: a Critical battery keeps its reserve for unlocking (locking is
        /// refused), a Depleted one may hold gas and moves nothing. Engaging a strike only
        /// cuts its coil's current, so a port unit never refuses it. A mains-fed unit with its
        /// supply there runs on mains: its backup's level refuses nothing. A strike fed from the
        /// building's supply cannot release while the sense says that supply is gone.
        /// </summary>
        public ResultCode RequestMove(LockState target, long now)
        {
            _autoRelock.OnCommand();
            if (target == LockState.Unlocked && _strike != null && !_strikeSupplyBackedUp && _mains.SensedLost)
            {
                // The coil runs from the supply that is gone: answering Ok would open nothing.
                return ResultCode.NoStrikeSupply;
            }

            BatteryLevel level = _mains.OnBattery ? _battery.Level : BatteryLevel.Good;
            if (level == BatteryLevel.Depleted ? _strike == null || target == LockState.Unlocked
                : level == BatteryLevel.Critical && target == LockState.Locked && _strike == null)
            {
                return ResultCode.RefusedBattery;
            }

            if (!_actuator.IsMoving)
            {
                _battery.OnRestSample(_ports.Analog.ReadBatteryMillivolts());
            }

            MoveRequestResult result = _actuator.Request(target, now);
            if (result == MoveRequestResult.AlreadyThere)
            {
                return ResultCode.AlreadyThere;
            }

            if (result == MoveRequestResult.Restarted || result == MoveRequestResult.Cancelled)
            {
                // No move to record (a release restarted, or one waiting for the rest dropped); the
                // phone that asked still hears where the strike is.
                _notices.StateChanged(_actuator.State, _actuator.LastAlarm, _battery.Level);
            }

            return result == MoveRequestResult.AlreadyMoving ? ResultCode.AlreadyMoving : ResultCode.Ok;
        }

        private void OnMoveFinished(LockState state, MotorAlarm alarm)
        {
            GasRiskCause riskBefore = _battery.GasRisk;
            // Every move is a free load test of the battery, and its charge is counted.
            if (_actuator.LoadedMillivolts > 0)
            {
                _battery.OnLoadSample(_actuator.LoadedMillivolts, _actuator.LoadedMilliamps);
                _battery.OnMoveCharge(_actuator.LoadedMilliamps, _actuator.OnTimeMs);
            }

            if (state == LockState.Locked || state == LockState.Unlocked)
            {
                _verification.OnCycle(state == LockState.Locked, _battery.Level);
            }

            _autoRelock.OnMoveFinished(state, _ports.Clock.NowMilliseconds);
            _notices.StateChanged(state, alarm, _battery.Level);
            _memory.Audit.Append(_protocol.Timestamp(_ports.Clock.NowMilliseconds), AuditEvent.MoveFinished, (byte)state, _actuator.LoadedMillivolts, 0, 0, _actuator.OnTimeMs, (uint)alarm);
            NoteGasRisk(riskBefore);
            NoteBackup();
            Persist();
        }

        private void OnSelfTestFinished(SelfTestOutcome outcome, int loadedMillivolts)
        {
            _notices.SelfTestFinished(outcome, loadedMillivolts);
            _memory.Audit.Append(_protocol.Timestamp(_ports.Clock.NowMilliseconds), AuditEvent.SelfTest, (byte)outcome, loadedMillivolts, 0, 0, 0, (uint)_battery.GasRisk);
            NoteGasRisk(GasRiskCause.None);
            NoteBackup();
            Persist();
        }

        private void NoteGasRisk(GasRiskCause before)
        {
            if (_battery.GasRisk != GasRiskCause.None && before == GasRiskCause.None)
            {
                Append(AuditEvent.GasRisk, (byte)_battery.GasRisk, 0);
            }
        }

        public ResultCode RunSelfTest(long now)
        {
            if (_selfTest.IsRunning)
            {
                return ResultCode.AlreadyMoving;
            }

            _selfTest.OnPress(now);
            return ResultCode.Ok;
        }

        /// <summary>Staff register a change; a latched gas risk may only be cleared by an installer, after verification.</summary>
        public ResultCode RegisterBatteryChange(Role role)
        {
            if (_battery.GasRisk != GasRiskCause.None && role < Role.Installer)
            {
                return ResultCode.RoleNotAllowed;
            }

            _battery.OnBatteryReplaced();
            _verification.Start();
            Append(AuditEvent.BatteryChanged, 0, 0);
            Persist();
            return ResultCode.Ok;
        }

        public int WriteStatus(byte[] buffer, int offset)
        {
            return _notices.WriteStatus(buffer, offset, this);
        }

        public void Audit(AuditEvent kind, byte result, uint keyId, uint userId, uint detail)
        {
            _memory.Audit.Append(_protocol.Timestamp(_ports.Clock.NowMilliseconds), kind, result, _battery.LastLoadedMillivolts, keyId, userId, 0, detail);
        }

        /// <summary>
        /// The clock's high-water mark after a reboot. A pairing commits its secret and its time
        /// together; the safety state's mark counts only if it was saved under that same pairing
        /// (a cut between the two commits of a PAIR leaves the older pairing's mark, which the
        /// new secret voided), and never below the pairing's own time.
        /// </summary>
        private static uint HighWaterAtBoot(SafetyState saved, PairingState pairing)
        {
            if (!pairing.Paired || saved.ClockPairedAt == pairing.PairedAt)
            {
                return saved.ClockLowerBound > pairing.PairedAt ? saved.ClockLowerBound : pairing.PairedAt;
            }

            return pairing.PairedAt;
        }

        /// <summary>Gathers what must survive power loss into one atomic copy in flash.</summary>
        public void Persist()
        {
            SafetyState state = _memory.State;

            state.ClockLowerBound = _protocol.Clock.HighWater;
            state.ClockPairedAt = _memory.Pairing.PairedAt;
            state.Tamper = _protocol.Throttle.TamperAlarm;
            state.GasRisk = (byte)_battery.GasRisk;
            state.BatteryVerified = _verification.IsVerified;
            state.VerifyLocks = (byte)_verification.HealthyLocks;
            state.VerifyUnlocks = (byte)_verification.HealthyUnlocks;
            state.CompletedLocks = (uint)_actuator.CompletedLocks;
            state.CompletedUnlocks = (uint)_actuator.CompletedUnlocks;
            _battery.AccountIdle(_ports.Clock.NowMilliseconds);
            state.ConsumedMilliampHours = (uint)_battery.ConsumedMilliampHours;
            _memory.Save();
        }

        private void Append(AuditEvent kind, byte result, uint detail)
        {
            Audit(kind, result, 0, 0, detail);
        }

        private static byte[] Ascii8(string text)
        {
            byte[] bytes = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                bytes[i] = i < text.Length ? (byte)text[i] : (byte)' ';
            }

            return bytes;
        }
    }
}
