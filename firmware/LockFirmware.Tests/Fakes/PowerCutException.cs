using System;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>The power went at a cut point armed on <see cref="RamFileSystem"/>: the lock logic stops where it stood.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException()
            : base("power cut")
        {
        }
    }
}
