using System.Reflection;

[assembly: AssemblyTitle("Lock.LowPower")]
[assembly: AssemblyDescription("Interop library: light sleep and GPIO wake-up for the lock's low-power image")]
[assembly: AssemblyProduct("LockFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]

// The native half in the image must declare the same version (hardware/lowpower-image/INTEROP.md).
[assembly: AssemblyNativeVersion("0.1.0.0")]
