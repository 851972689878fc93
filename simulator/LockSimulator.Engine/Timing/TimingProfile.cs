namespace LockSimulator.Timing;

/// <summary>How the virtual board schedules the firmware.</summary>
public enum TimingProfile
{
    /// <summary>Every deadline met to the millisecond, processing free: for exact-timing tests.</summary>
    Ideal,

    /// <summary>
    /// As slow and coarse as nanoFramework on an ESP32: waits end, and native events are seen,
    /// on the 10 ms FreeRTOS tick; a managed timer callback that shares the interpreter with a
    /// busy thread is late by up to the 20 ms thread quantum; every costly operation takes its
    /// time from the board budget, and the garbage collector pauses now and then.
    /// </summary>
    Device,
}
