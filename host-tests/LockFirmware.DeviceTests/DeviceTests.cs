using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// Every on-device test of firmware/LockFirmware.Tests as its own xunit case, named
    /// "Class.Method", so `dotnet test` reports each one and a failing device test fails the run.
    /// </summary>
    public class DeviceTests
    {
        private readonly ITestOutputHelper _output;

        public DeviceTests(ITestOutputHelper output)
        {
            _output = output;
        }

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

        /// <summary>
        /// Each device test fits the device's managed heap with BLE (firmware/LockFirmware.Tests/README.md
        /// lists what each allocates); a test that needs more must say so there and be raised here.
        /// </summary>
        [Theory]
        [MemberData(nameof(Names))]
        public void Fits_the_device_heap(DeviceTestName test)
        {
            long allocated = DeviceTestHeap.AllocatedBy(DeviceTestCatalog.Find(test.Value));
            _output.WriteLine($"{test.Value}: {allocated} bytes");

            Assert.True(allocated < DeviceTestHeap.BudgetBytes, $"{test.Value} allocates {allocated} bytes on the desktop");
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
