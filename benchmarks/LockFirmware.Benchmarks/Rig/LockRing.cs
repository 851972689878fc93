using System.Threading;
using LockFirmware.Ble;
using LockFirmware.Motor;

namespace LockFirmware.Benchmarks.Rig;

/// <summary>
/// One BenchLock per invocation of an iteration. A real unlock leaves the motor running; the
/// reset (motor to its end stop, bolt back) costs more than the command itself, so it must
/// stay out of the measurement: each lock takes exactly one measured call per iteration,
/// and the iteration setup and cleanup reset all of them. Pre-signing a long ring of frames
/// for one lock would not help: the motor still has to come back to idle between commands.
/// </summary>
public sealed class LockRing
{
    /// <summary>
    /// Invocations per iteration. Every lock is a whole core (its objects, buffers and native
    /// HMAC context); a ring whose locks together fill this host's 1 MB L2 makes measured calls
    /// start from cold caches, a cost the one lock on the board (ESP32 internal SRAM, no data
    /// cache) never pays. At 1,024 locks that was ~0.5 µs per call (Stopwatch probe, per-call
    /// medians: 128–256 locks ≈ 0.62–0.65 µs, 512 ≈ 0.86 µs, 1,024 ≈ 1.3–1.5 µs). 256 still
    /// filled the L2 enough that another process on the core between the setup and the calls
    /// (load 8–11 on the 2 shared cores) gave alternating iterations of 0.6 and 1.1–1.5 µs
    /// (unlock 1.77× one HMAC, 2026-12-01 01:28); 32 locks, touched by the setup just before,
    /// stay warm as the board's one lock does (1.09× under the same load, still 0 B).
    /// </summary>
    public const int Size = 32;

    private readonly BenchLock[] _locks = new BenchLock[Size];
    private int _used;

    public LockRing()
    {
        for (int i = 0; i < Size; i++)
        {
            _locks[i] = new BenchLock();
        }
    }

    /// <summary>
    /// Unlocks and locks every lock a few times, each round followed by a pause for the tiered
    /// JIT's background thread, so the measured iterations run optimised code from the first.
    /// Without it the engine's eight warm-up iterations (a few ms each) ended before the path
    /// was recompiled, and first-tier code ran in the first half of the measured iterations:
    /// 1.1–3.2 µs per call there, 0.62–0.8 µs after the switch (log of 2026-12-01 01:16), the
    /// run-to-run spread of 1.64×–2.38×. With tiering off the same run gave 1.37× and a standard
    /// deviation of 8 ns (benchmarks/README.md, "Where the extra half microsecond was").
    /// </summary>
    public void WarmUp()
    {
        for (int round = 0; round < 3; round++)
        {
            foreach ((LockState from, Opcode command, LockState to) in new[] { (LockState.Locked, Opcode.Unlock, LockState.Unlocked), (LockState.Unlocked, Opcode.Lock, LockState.Locked) })
            {
                Prepare(from, command);
                foreach (BenchLock bench in _locks)
                {
                    bench.SendPreparedAndAnswer();
                }

                _used = Size;
                Settle(to);
            }

            Thread.Sleep(500);
        }
    }

    /// <summary>Every lock idle at <paramref name="from"/>; with a command, the phone has signed it.</summary>
    public void Prepare(LockState from, Opcode? command = null)
    {
        _used = 0;
        foreach (BenchLock bench in _locks)
        {
            bench.MoveTo(from);
            if (command is Opcode opcode)
            {
                bench.Prepare(opcode);
            }
        }
    }

    /// <summary>The lock for the next invocation; throws if an iteration has more invocations than locks.</summary>
    public BenchLock Next() => _locks[_used++];

    /// <summary>Checks that every measured call started the motor towards <paramref name="target"/>, then finishes the moves.</summary>
    public void Settle(LockState target)
    {
        for (int i = 0; i < _used; i++)
        {
            _locks[i].CompleteMove(target);
        }
    }
}
