using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Stand-in for the nanoFramework attribute of the same name: a class whose public [TestMethod] methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
