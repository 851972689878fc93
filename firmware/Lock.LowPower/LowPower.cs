using System.Runtime.CompilerServices;

namespace Lock.LowPower
{
    /// <summary>
    /// What our low-power image adds natively (hardware/lowpower-image/INTEROP.md): automatic
    /// light sleep with BLE kept, and GPIO wake-up for the button and the door contact. The
    /// methods are implemented in the image's native part (ESP-IDF calls); an image without it
    /// refuses this assembly, so only the production build (LOCK_BOARD_PRODUCTION) may reference it.
    /// </summary>
    public static class LowPower
    {
        /// <summary>
        /// Configures power management: frequency scaling between <paramref name="minMhz"/> and
        /// <paramref name="maxMhz"/> and automatic light sleep (esp_pm_configure). False when power
        /// management is not compiled in or the slow clock is not the 32.768 kHz crystal.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool EnableAutomaticLightSleep(int maxMhz, int minMhz);

        /// <summary>
        /// Lets a level on <paramref name="pin"/> wake the chip from light sleep (gpio_wakeup_enable,
        /// esp_sleep_enable_gpio_wakeup), re-armed for the opposite level after each edge.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool EnableWakeOnPin(int pin, bool wakeWhenLow);

        /// <summary>Time spent in light sleep since the last call, ms (0 without power-management profiling).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int LastSleepMilliseconds();
    }
}
