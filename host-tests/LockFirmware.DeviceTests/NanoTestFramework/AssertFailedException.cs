using System;

namespace TestFrameworkShared
{
    /// <summary>Stand-in for the exception the nanoFramework Assert throws on a failed check.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg)
            : base(msg)
        {
        }
    }
}
