using System.Reflection;

[assembly: AssemblyTitle("LockFirmware.Tests")]
[assembly: AssemblyDescription("On-device unit tests of the portable lock logic")]
[assembly: AssemblyProduct("LockFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]
