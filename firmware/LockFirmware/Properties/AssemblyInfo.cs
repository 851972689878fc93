using System.Reflection;

[assembly: AssemblyTitle("LockFirmware")]
[assembly: AssemblyDescription("Home-care lock unit: ESP32 image")]
[assembly: AssemblyProduct("LockFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]
