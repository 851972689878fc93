using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.SelfTest;
using LockFirmware.Status;
using LockFirmware.Time;

namespace LockFirmware
{
    /// <summary>
    /// The lock: takes inputs and timer expiries one at a time on one thread and drives the
    /// ports. It never asks what it runs on: the device's dispatcher thread and the
    /// simulator's scheduler both call <see cref="Process"/> when an input is queued or
    /// <see cref="NextDueAt"/> has come.
    /// </summary>
    public sealed class LockCore
    {
        private readonly LockPorts _ports;
        private readonly Timers _timers = new Timers();
        private readonly MotorController _motor;
        private readonly BatteryMonitor _battery;
        private readonly BatteryVerification _verification = new BatteryVerification();
        private readonly SelfTestSequence _selfTest;
        private readonly CommandAuthenticator _authenticator;
        private readonly byte[] _frame = new byte[InputQueue.MaxPayload];
        /// <summary>Status response: header(6) state alarm battery selftest locks(2) unlocks(2) warnings gasrisk verification.</summary>
        private const int StatusLength = 17;

        private readonly byte[] _response = new byte[StatusLength];
        private readonly byte[] _event = new byte[8];
        private bool _buttonClosed;

        /// <param name="inputs">Where adapters post inputs; created first because the adapters need it too.</param>
        public LockCore(LockPorts ports, LockSettings settings, InputQueue inputs)
        {
            _ports = ports;
            Inputs = inputs;
            _battery = new BatteryMonitor(settings.Battery);
            _motor = new MotorController(ports.Motor, ports.Analog, _timers, settings.Motor);
            _motor.MoveFinished = OnMoveFinished;
            _selfTest = new SelfTestSequence(ports.Leds, ports.BatteryLoad, ports.Analog, _battery, _timers, settings.Battery.TestLoadOhms);
            _selfTest.Finished = OnSelfTestFinished;
            _authenticator = new CommandAuthenticator(ports.Authenticator);
        }

        /// <summary>Where adapters post button edges and BLE writes, from any thread.</summary>
        public InputQueue Inputs { get; private set; }

        public LockState State
        {
            get { return _motor.State; }
        }

        /// <summary>True while the motor runs a request (state is Unlocking or Locking).</summary>
        public bool IsMoving
        {
            get { return _motor.IsMoving; }
        }

        public MotorAlarm LastAlarm
        {
            get { return _motor.LastAlarm; }
        }

        public BatteryLevel BatteryLevel
        {
            get { return _battery.Level; }
        }

        public GasRiskCause GasRisk
        {
            get { return _battery.GasRisk; }
        }

        /// <summary>The back office's warnings as <see cref="Warnings"/> bits.</summary>
        public int Warnings
        {
            get
            {
                int warnings = 0;
                BatteryLevel level = _battery.Level;
                if (level == BatteryLevel.Critical || level == BatteryLevel.Depleted)
                {
                    warnings |= Status.Warnings.BatteryUnavailable;
                }

                if (level == BatteryLevel.Low)
                {
                    warnings |= Status.Warnings.BatteryAboutToBeUnavailable;
                }

                if (_battery.GasRisk != GasRiskCause.None)
                {
                    warnings |= Status.Warnings.NeedsImmediateVerification;
                }

                if (!_verification.IsVerified)
                {
                    warnings |= Status.Warnings.BatteryNotVerified;
                }

                return warnings;
            }
        }

        public BatteryVerification BatteryVerification
        {
            get { return _verification; }
        }

        public SelfTestOutcome LastSelfTest
        {
            get { return _selfTest.LastOutcome; }
        }

        public int CompletedLocks
        {
            get { return _motor.CompletedLocks; }
        }

        public int CompletedUnlocks
        {
            get { return _motor.CompletedUnlocks; }
        }

        /// <summary>Clock time at which <see cref="Process"/> must run next even without input; Timers.Never if none.</summary>
        public long NextDueAt
        {
            get { return _timers.NextDue; }
        }

        /// <summary>Puts the outputs in their safe rest state; call once at boot.</summary>
        public void Start()
        {
            _ports.Motor.Drive(MotorDrive.Coast);
            _ports.BatteryLoad.Apply(false);
            _ports.Leds.Set(Led.Green, false);
            _ports.Leds.Set(Led.Red, false);
        }

        /// <summary>Handles every queued input, then every timer that is due.</summary>
        public void Process()
        {
            long now = _ports.Clock.NowMilliseconds;
            int length;
            InputKind kind;
            while ((kind = Inputs.Take(_frame, out length)) != InputKind.None)
            {
                HandleInput(kind, length, now);
            }

            TimerId id;
            while (_timers.TakeDue(now, out id))
            {
                HandleTimer(id, now);
            }
        }

        private void HandleInput(InputKind kind, int length, long now)
        {
            switch (kind)
            {
                case InputKind.ButtonDown:
                    // A press counts once the contact has stayed closed for the debounce time.
                    _buttonClosed = true;
                    _timers.Start(TimerId.ButtonDebounce, now + SelfTestTimings.DebounceMs);
                    break;
                case InputKind.ButtonUp:
                    _buttonClosed = false;
                    _timers.Cancel(TimerId.ButtonDebounce);
                    break;
                case InputKind.BleWrite:
                    HandleCommand(length, now);
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
            }
        }

        private void HandleCommand(int length, long now)
        {
            if (length < CommandFrame.MinLength || length > CommandFrame.MaxLength)
            {
                Respond(0, ResultCode.BadFrame, 0);
                return;
            }

            byte opcode = _frame[CommandFrame.OpcodeOffset];
            uint counter = CommandFrame.ReadUInt32(_frame, CommandFrame.CounterOffset);
            ResultCode verdict = _authenticator.Verify(_frame, length);
            if (verdict != ResultCode.Ok)
            {
                Respond(opcode, verdict, counter);
                return;
            }

            switch ((Opcode)opcode)
            {
                case Opcode.Unlock:
                    Respond(opcode, RequestMove(LockState.Unlocked, now), counter);
                    break;
                case Opcode.Lock:
                    Respond(opcode, RequestMove(LockState.Locked, now), counter);
                    break;
                case Opcode.Status:
                    RespondStatus(opcode, counter);
                    break;
                case Opcode.RunSelfTest:
                    Respond(opcode, _selfTest.IsRunning ? ResultCode.AlreadyMoving : ResultCode.Ok, counter);
                    _selfTest.OnPress(now);
                    break;
                case Opcode.RegisterBatteryChange:
                    _battery.OnBatteryReplaced();
                    _verification.Start();
                    Respond(opcode, ResultCode.Ok, counter);
                    break;
                default:
                    Respond(opcode, ResultCode.UnknownOpcode, counter);
                    break;
            }
        }

        /// <summary>
        /// Battery policy: a Critical battery keeps its reserve for unlocking (locking is
        /// refused), a Depleted one may hold gas and moves nothing.
        /// </summary>
        private ResultCode RequestMove(LockState target, long now)
        {
            BatteryLevel level = _battery.Level;
            if (level == BatteryLevel.Depleted || (level == BatteryLevel.Critical && target == LockState.Locked))
            {
                return ResultCode.RefusedBattery;
            }

            if (!_motor.IsMoving)
            {
                _battery.OnRestSample(_ports.Analog.ReadBatteryMillivolts());
            }

            MoveRequestResult result = _motor.Request(target, now);
            if (result == MoveRequestResult.AlreadyThere)
            {
                return ResultCode.AlreadyThere;
            }

            return result == MoveRequestResult.AlreadyMoving ? ResultCode.AlreadyMoving : ResultCode.Ok;
        }

        private void OnMoveFinished(LockState state, MotorAlarm alarm)
        {
            // Every move is a free load test of the battery.
            if (_motor.LoadedMillivolts > 0)
            {
                _battery.OnLoadSample(_motor.LoadedMillivolts, _motor.LoadedMilliamps);
            }

            if (state == LockState.Locked || state == LockState.Unlocked)
            {
                _verification.OnCycle(state == LockState.Locked, _battery.Level);
            }

            _event[0] = NoticeKind.StateChanged;
            _event[1] = (byte)state;
            _event[2] = (byte)alarm;
            _event[3] = (byte)_battery.Level;
            _ports.Ble.Notify(_event, 0, 4);
        }

        private void OnSelfTestFinished(SelfTestOutcome outcome, int loadedMillivolts)
        {
            _event[0] = NoticeKind.SelfTestFinished;
            _event[1] = (byte)outcome;
            CommandFrame.WriteUInt16(_event, 2, loadedMillivolts);
            _ports.Ble.Notify(_event, 0, 4);
        }

        private void Respond(byte opcode, ResultCode result, uint counter)
        {
            WriteResponseHeader(opcode, result, counter);
            _ports.Ble.Notify(_response, 0, 6);
        }

        private void RespondStatus(byte opcode, uint counter)
        {
            WriteResponseHeader(opcode, ResultCode.Ok, counter);
            _response[6] = (byte)_motor.State;
            _response[7] = (byte)_motor.LastAlarm;
            _response[8] = (byte)_battery.Level;
            _response[9] = (byte)_selfTest.LastOutcome;
            CommandFrame.WriteUInt16(_response, 10, _motor.CompletedLocks);
            CommandFrame.WriteUInt16(_response, 12, _motor.CompletedUnlocks);
            _response[14] = (byte)Warnings;
            _response[15] = (byte)_battery.GasRisk;
            _response[16] = (byte)(Nibble(_verification.HealthyLocks) << 4 | Nibble(_verification.HealthyUnlocks));
            _ports.Ble.Notify(_response, 0, StatusLength);
        }

        private static int Nibble(int count)
        {
            return count > 15 ? 15 : count;
        }

        private void WriteResponseHeader(byte opcode, ResultCode result, uint counter)
        {
            _response[0] = (byte)(NoticeKind.ResponseFlag | opcode);
            _response[1] = (byte)result;
            CommandFrame.WriteUInt32(_response, 2, counter);
        }
    }
}
