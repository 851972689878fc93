using System;
using BenchmarkDotNet.Attributes;
using LockFirmware.Battery;
using LockFirmware.Benchmarks.Fakes;
using LockFirmware.Benchmarks.Rig;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Protocol;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Time;
using LockSimulator.Virtual;

namespace LockFirmware.Benchmarks.Suites;

/// <summary>
/// The unlock path's stages one by one, on the core's own classes. Authentication and
/// response encoding are private steps of LockProtocol: they are rebuilt here from the same
/// public pieces (MacInput, the keyed MAC, ConstantTime, NoticeSender) in the same order.
/// The policy and motor request stage needs a reset per call: see MoveRequestBenchmarks.
/// </summary>
public class StageBenchmarks
{
    private const int Signed = 4; // type, counter(2), opcode
    private const int Counter = 1;

    private readonly MacFloor _floor = new();
    private readonly InputQueue _queue = new(4);
    private readonly FragmentAssembler _assembler = new();
    private readonly byte[] _input = new byte[InputQueue.MaxPayload];
    private readonly MacInput _macInput = new();
    private readonly byte[] _mac = new byte[32];
    private readonly byte[] _response = new byte[Fragment.MaxMessage];
    private readonly NoticeSender _sender = new(new DroppingBleLink());
    private readonly AuditLog _audit = new(new RamFiles(), StorageLayout.AuditPrefix, StorageLayout.AuditSegments, StorageLayout.AuditRecordsPerSegment);
    private readonly BatteryMonitor _battery = new(new BatteryProfile());
    private readonly MotorController _motor = new(new RecordingMotorBridge(), null, new FixedAnalogInputs { MotorMilliamps = 200 }, new Timers(), new MotorSettings());
    private IKeyedMac _sessionMac = null!;
    private byte[] _message = [];
    private byte[] _write = [];

    [GlobalSetup]
    public void Setup()
    {
        _sessionMac = new KeyedMacFactory().Create(new byte[32], 0, 32);
        _message = new byte[Signed + ProtocolInfo.MacLength];
        _message[0] = MessageType.Command;
        Bytes.WriteUInt16(_message, 1, Counter);
        _message[3] = (byte)Opcode.Unlock;
        _macInput.Start(Labels.Command).Add(_message, 0, Signed).ComputeWith(_sessionMac, _mac, 0);
        Array.Copy(_mac, 0, _message, Signed, ProtocolInfo.MacLength);
        _write = [Fragment.First | Fragment.Last, .. _message];

        _audit.Mount();
        _battery.OnRestSample(7200);
        // Driving, 100 ms in: past the inrush blanking, so every check of a step runs.
        _motor.Request(LockState.Unlocked, 0);
        _motor.OnStep(100);
    }

    [Benchmark(Baseline = true, Description = "Floor: HMAC of the command")]
    public int CommandMac() => _floor.Command();

    [Benchmark(Description = "Input queue post + take")]
    public InputKind QueuePostTake()
    {
        _queue.Post(InputKind.BleWrite, _write, 0, _write.Length);
        return _queue.Take(_input, out _);
    }

    [Benchmark(Description = "Fragment reassembly")]
    public AssemblyResult Reassembly() => _assembler.Add(_write, _write.Length, 0);

    [Benchmark(Description = "Command authentication")]
    public bool Authentication()
    {
        _macInput.Start(Labels.Command).Add(_message, 0, Signed).ComputeWith(_sessionMac, _mac, 0);
        return ConstantTime.Equals(_mac, 0, _message, Signed, ProtocolInfo.MacLength) && Bytes.ReadUInt16(_message, 1) == Counter;
    }

    [Benchmark(Description = "Audit append")]
    public uint AuditAppend() => _audit.Append(0x80000000u, AuditEvent.Command, 0, 7200, 7, 42, 0, (uint)Opcode.Unlock);

    [Benchmark(Description = "Response encoding")]
    public void ResponseEncoding()
    {
        _response[0] = MessageType.Command | MessageType.ResponseFlag;
        Bytes.WriteUInt16(_response, 1, Counter);
        _response[3] = (byte)Opcode.Unlock;
        _response[4] = (byte)ResultCode.Ok;
        _macInput.Start(Labels.Response).Add(_response, 0, Signed + 1).ComputeWith(_sessionMac, _mac, 0);
        for (int i = 0; i < ProtocolInfo.MacLength; i++)
        {
            _response[Signed + 1 + i] = _mac[i];
        }

        _sender.Send(_response, Signed + 1 + ProtocolInfo.MacLength);
    }

    [Benchmark(Description = "Battery load sample")]
    public BatteryLevel BatteryLoadSample() => _battery.OnLoadSample(6900, 400);

    /// <summary>The same instant every time: the drive never ends, and each step does all its checks.</summary>
    [Benchmark(Description = "Motor control step")]
    public void MotorStep() => _motor.OnStep(100);
}
