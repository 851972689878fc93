using System.Reflection;

[assembly: AssemblyTitle("LockFirmware.Core")]
[assembly: AssemblyDescription("Portable lock logic of the home-care lock unit")]
[assembly: AssemblyProduct("LockFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]
