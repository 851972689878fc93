using System;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// What a device test allocates, measured on the desktop: every byte it allocates, with its
    /// [Setup] and [Cleanup], on this thread. An upper bound of what it holds live at once on the
    /// device, where references are half the size (32-bit) and the collector runs as it goes.
    /// </summary>
    public static class DeviceTestHeap
    {
        /// <summary>
        /// The managed heap left on the ESP32 with BLE running is about 50 KB (README.md, "Memory
        /// budget"); a test that stays under this fits beside the test launcher.
        /// </summary>
        public const long BudgetBytes = 40 * 1024;

        public static long AllocatedBy(DeviceTest test)
        {
            test.Run(); // Once first, so type initializers and caches are not counted against it.
            long before = GC.GetAllocatedBytesForCurrentThread();
            test.Run();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
