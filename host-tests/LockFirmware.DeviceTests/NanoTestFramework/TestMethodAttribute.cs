using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Stand-in for the nanoFramework attribute of the same name: a test the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
