using BenchmarkDotNet.Attributes;
using LockFirmware.Benchmarks.Rig;
using LockFirmware.Ble;
using LockFirmware.Motor;

namespace LockFirmware.Benchmarks.Suites;

/// <summary>
/// The policy and motor request stage: LockCore.RequestMove (battery policy, rest sample,
/// MotorController.Request from idle). It leaves the motor running, so like the whole path
/// it needs a fresh idle lock per invocation (<see cref="LockRing"/>).
/// </summary>
[InvocationCount(LockRing.Size, 1)]
[NoCallCountingDelay]
public class MoveRequestBenchmarks
{
    private readonly MacFloor _floor = new();
    private LockRing _ring = null!;

    [GlobalSetup(Target = nameof(PolicyAndMotorRequest))]
    public void BuildLocks()
    {
        _ring = new LockRing();
        _ring.WarmUp();
    }

    [Benchmark(Baseline = true, Description = "Floor: HMAC of the command")]
    public int CommandMac() => _floor.Command();

    [IterationSetup(Target = nameof(PolicyAndMotorRequest))]
    public void PrepareLocks() => _ring.Prepare(LockState.Locked);

    [Benchmark(Description = "Policy + motor request from idle")]
    public ResultCode PolicyAndMotorRequest() => _ring.Next().RequestMove(LockState.Unlocked);

    [IterationCleanup(Target = nameof(PolicyAndMotorRequest))]
    public void FinishMoves() => _ring.Settle(LockState.Unlocked);
}
