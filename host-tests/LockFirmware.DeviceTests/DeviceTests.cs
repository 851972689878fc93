using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// Every on-device test of firmware/LockFirmware.Tests as its own xunit case, named
    /// "Class.Method", so `dotnet test` reports each one and a failing device test fails the run.
    /// </summary>
    public class DeviceTests
    {
        public static IEnumerable<object[]> Names()
        {
            return DeviceTestCatalog.All().Select(test => new object[] { new DeviceTestName(test.Name) });
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Passes(DeviceTestName test)
        {
            DeviceTestCatalog.Find(test.Value).Run();
        }

        [Fact]
        public void Every_device_test_is_found_and_runnable_by_the_device_launcher()
        {
            DeviceTest[] all = DeviceTestCatalog.All();

            Assert.NotEmpty(all);
            Assert.Equal(all.Length, all.Select(test => test.Name).Distinct().Count());
            Assert.Empty(DeviceTestCatalog.Unrunnable());
        }
    }
}
