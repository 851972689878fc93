using BenchmarkDotNet.Attributes;
using LockFirmware.Benchmarks.Rig;
using LockFirmware.Ble;
using LockFirmware.Motor;

namespace LockFirmware.Benchmarks.Suites;

/// <summary>
/// From the bytes of the final BLE write of an authenticated command to the call that starts
/// the motor: InputQueue.Post, then the dispatcher's round, LockCore.Process (reassembly, MAC,
/// counter, role, battery policy, motor request), which ends at the motor start. The full
/// round adds the next Process: the audit record and the MAC'd answer. Each invocation is a
/// fresh, accepted command on an idle lock (see <see cref="LockRing"/>), checked after every iteration.
/// </summary>
[InvocationCount(LockRing.Size, 1)]
[NoCallCountingDelay]
public class UnlockPathBenchmarks
{
    private readonly MacFloor _floor = new();
    private LockRing _ring = null!;

    [GlobalSetup(Targets = [nameof(Unlock), nameof(UnlockFullRound), nameof(Lock)])]
    public void BuildLocks()
    {
        _ring = new LockRing();
        _ring.WarmUp();
    }

    [Benchmark(Baseline = true, Description = "Floor: HMAC of the command")]
    public int CommandMac() => _floor.Command();

    [Benchmark(Description = "Floor x2: command + response HMAC")]
    public int CommandAndResponseMacs() => _floor.CommandAndResponse();

    [IterationSetup(Targets = [nameof(Unlock), nameof(UnlockFullRound)])]
    public void PrepareUnlocks() => _ring.Prepare(LockState.Locked, Opcode.Unlock);

    [Benchmark(Description = "Unlock: BLE write to motor start")]
    public void Unlock() => _ring.Next().SendPrepared();

    [Benchmark(Description = "Unlock: full round (with answer)")]
    public void UnlockFullRound() => _ring.Next().SendPreparedAndAnswer();

    [IterationCleanup(Targets = [nameof(Unlock), nameof(UnlockFullRound)])]
    public void FinishUnlocks() => _ring.Settle(LockState.Unlocked);

    [IterationSetup(Target = nameof(Lock))]
    public void PrepareLocks() => _ring.Prepare(LockState.Unlocked, Opcode.Lock);

    [Benchmark(Description = "Lock: BLE write to motor start")]
    public void Lock() => _ring.Next().SendPrepared();

    [IterationCleanup(Target = nameof(Lock))]
    public void FinishLocks() => _ring.Settle(LockState.Locked);
}
