using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Stand-in for the nanoFramework attribute of the same name: runs before the tests (on the device once per class; here before each test).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
