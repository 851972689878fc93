using LockFirmware.Security;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The tag comparison: right answers on any range (its timing is not measurable here).</summary>
    [TestClass]
    public class ConstantTimeTests
    {
        [TestMethod]
        public void Equal_ranges_at_different_offsets_are_equal()
        {
            byte[] a = { 0, 0, 1, 2, 3, 4 };
            byte[] b = { 1, 2, 3, 4, 9 };

            Assert.IsTrue(ConstantTime.Equals(a, 2, b, 0, 4));
        }

        [TestMethod]
        public void A_difference_in_the_first_or_the_last_byte_is_found()
        {
            byte[] tag = { 1, 2, 3, 4 };

            Assert.IsFalse(ConstantTime.Equals(tag, 0, new byte[] { 0, 2, 3, 4 }, 0, 4));
            Assert.IsFalse(ConstantTime.Equals(tag, 0, new byte[] { 1, 2, 3, 5 }, 0, 4));
        }

        [TestMethod]
        public void Only_the_given_range_is_compared()
        {
            byte[] a = { 1, 2, 3, 7 };
            byte[] b = { 1, 2, 3, 8 };

            Assert.IsTrue(ConstantTime.Equals(a, 0, b, 0, 3));
            Assert.IsTrue(ConstantTime.Equals(a, 0, b, 0, 0));
        }
    }
}
