using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Stand-in for the nanoFramework attribute of the same name: runs after the tests (on the device once per class; here after each test).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
