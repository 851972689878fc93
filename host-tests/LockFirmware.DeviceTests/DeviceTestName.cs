using Xunit.Abstractions;

namespace LockFirmware.DeviceTests
{
    /// <summary>
    /// A device test's "Class.Method" as an xunit theory argument: serializable, so each test is
    /// its own case, and shown whole (xunit cuts plain string arguments at 50 characters).
    /// </summary>
    public sealed class DeviceTestName : IXunitSerializable
    {
        /// <summary>For xunit's deserialization only.</summary>
        public DeviceTestName()
        {
        }

        public DeviceTestName(string value)
        {
            Value = value;
        }

        public string Value { get; private set; }

        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue(nameof(Value), Value);
        }

        public void Deserialize(IXunitSerializationInfo info)
        {
            Value = info.GetValue<string>(nameof(Value));
        }

        public override string ToString()
        {
            return Value;
        }
    }
}
