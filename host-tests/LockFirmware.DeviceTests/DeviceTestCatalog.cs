using System;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// The device tests compiled into this assembly, found as the nanoFramework launcher finds
    /// them: public methods marked [TestMethod] of classes marked [TestClass].
    /// </summary>
    public static class DeviceTestCatalog
    {
        public static DeviceTest[] All()
        {
            return typeof(DeviceTestCatalog).Assembly.GetTypes()
                .Where(type => type.IsClass && type.IsDefined(typeof(TestClassAttribute), false))
                .SelectMany(type => type.GetMethods()
                    .Where(method => method.IsDefined(typeof(TestMethodAttribute), false))
                    .Select(method => new DeviceTest(type, method)))
                .OrderBy(test => test.Name, StringComparer.Ordinal)
                .ToArray();
        }

        public static DeviceTest Find(string name)
        {
            return All().Single(test => test.Name == name);
        }

        /// <summary>
        /// Methods the device launcher would silently skip: marked for it but not public, not
        /// void, taking parameters, or in a class without [TestClass].
        /// </summary>
        public static string[] Unrunnable()
        {
            const BindingFlags everyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            Type[] marks = { typeof(TestMethodAttribute), typeof(SetupAttribute), typeof(CleanupAttribute) };
            return typeof(DeviceTestCatalog).Assembly.GetTypes()
                .SelectMany(type => type.GetMethods(everyMethod).Select(method => (type, method)))
                .Where(pair => marks.Any(mark => pair.method.IsDefined(mark, false)))
                .Where(pair => !pair.type.IsDefined(typeof(TestClassAttribute), false)
                    || !pair.method.IsPublic
                    || pair.method.ReturnType != typeof(void)
                    || pair.method.GetParameters().Length > 0)
                .Select(pair => pair.type.Name + "." + pair.method.Name)
                .ToArray();
        }
    }
}
