using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Stand-in for nanoFramework.TestFramework.Assert 3.0.77: the members the device tests use,
    /// with the signatures of nano-api/nanoFramework.TestFramework.json (in ../shared beside the
    /// repository). Every AreEqual overload is here, so that overload resolution picks on the
    /// host what it picks on the device.
    /// </summary>
    public sealed class Assert
    {
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                throw new AssertFailedException("Assert.IsTrue failed. " + message);
            }
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                throw new AssertFailedException("Assert.IsFalse failed. " + message);
            }
        }

        public static void AreEqual(bool expected, bool actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(byte expected, byte actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(char expected, char actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(double expected, double actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(float expected, float actual, string message = "") => Check(expected.Equals(actual), expected, actual, message);

        public static void AreEqual(int expected, int actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(long expected, long actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(object expected, object actual, string message = "") => Check(Equals(expected, actual), expected, actual, message);

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(short expected, short actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(string expected, string actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(uint expected, uint actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(ulong expected, ulong actual, string message = "") => Check(expected == actual, expected, actual, message);

        public static void AreEqual(ushort expected, ushort actual, string message = "") => Check(expected == actual, expected, actual, message);

        private static void Check(bool equal, object expected, object actual, string message)
        {
            if (!equal)
            {
                throw new AssertFailedException($"Assert.AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. {message}");
            }
        }
    }
}
