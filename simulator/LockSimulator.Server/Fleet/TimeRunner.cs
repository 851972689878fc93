using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Runs the fleet's virtual time at a factor of real time: every tick advances it by what the
/// factor owes for the real time that passed. Paused (the default), time moves only when a
/// request advances it, which is what makes runs repeatable.
/// </summary>
internal sealed class TimeRunner : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    /// <summary>Most virtual time one tick may owe: a fleet that cannot keep up falls behind instead of stalling.</summary>
    private const long MaxTickMs = 60_000;

    private readonly LockFleet _fleet;
    private readonly ILogger _log;
    private readonly object _gate = new();
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public TimeRunner(LockFleet fleet, ILogger log)
    {
        _fleet = fleet;
        _log = log;
    }

    /// <summary>0 while paused.</summary>
    public double Factor { get; private set; }

    public async Task RunAsync(double factor)
    {
        await PauseAsync();
        lock (_gate)
        {
            Factor = factor;
            _running = new CancellationTokenSource();
            _loop = Task.Run(() => LoopAsync(factor, _running.Token));
        }
    }

    public async Task PauseAsync()
    {
        Task loop;
        lock (_gate)
        {
            _running?.Cancel();
            _running = null;
            Factor = 0;
            loop = _loop;
        }

        await loop;
    }

    public async ValueTask DisposeAsync() => await PauseAsync();

    private async Task LoopAsync(double factor, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick);
        var clock = Stopwatch.StartNew();
        double owed = 0;
        double lastMs = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                double nowMs = clock.Elapsed.TotalMilliseconds;
                owed = Math.Min(owed + (nowMs - lastMs) * factor, MaxTickMs);
                lastMs = nowMs;
                long step = (long)owed;
                if (step >= 1)
                {
                    owed -= step;
                    _fleet.Advance(step);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            Factor = 0;
            _log.LogError(e, "running virtual time stopped");
        }
    }
}
