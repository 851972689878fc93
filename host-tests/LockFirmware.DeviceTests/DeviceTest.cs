using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using nanoFramework.TestFramework;

namespace LockFirmware.DeviceTests
{
    /// <summary>One [TestMethod] of a [TestClass], run with the class's [Setup] before it and [Cleanup] after it.</summary>
    public sealed class DeviceTest
    {
        public DeviceTest(Type testClass, MethodInfo method)
        {
            TestClass = testClass;
            Method = method;
        }

        public Type TestClass { get; }

        public MethodInfo Method { get; }

        /// <summary>"Class.Method": the xunit case name.</summary>
        public string Name => TestClass.Name + "." + Method.Name;

        public void Run()
        {
            object instance = Activator.CreateInstance(TestClass);
            InvokeMarked(instance, typeof(SetupAttribute));
            try
            {
                Invoke(instance, Method);
            }
            finally
            {
                InvokeMarked(instance, typeof(CleanupAttribute));
            }
        }

        private void InvokeMarked(object instance, Type attribute)
        {
            foreach (MethodInfo method in TestClass.GetMethods())
            {
                if (method.IsDefined(attribute, false))
                {
                    Invoke(instance, method);
                }
            }
        }

        /// <summary>Rethrows what the test threw, not reflection's wrapper, so the report shows the failed assert.</summary>
        private static void Invoke(object instance, MethodInfo method)
        {
            try
            {
                method.Invoke(method.IsStatic ? null : instance, null);
            }
            catch (TargetInvocationException wrapper) when (wrapper.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(wrapper.InnerException).Throw();
            }
        }
    }
}
