using LockFirmware.Security;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The bounded list of revoked key ids: a full list refuses and stays as it was.</summary>
    [TestClass]
    public class RevocationListTests
    {
        [TestMethod]
        public void A_revoked_key_is_found_and_others_are_not()
        {
            RevocationList list = new RevocationList();

            Assert.IsTrue(list.Add(7));
            Assert.IsTrue(list.Add(0xFFFFFFFF));

            Assert.IsTrue(list.Contains(7));
            Assert.IsTrue(list.Contains(0xFFFFFFFF));
            Assert.IsFalse(list.Contains(8));
            Assert.IsFalse(list.Contains(0));
        }

        [TestMethod]
        public void Revoking_a_key_twice_keeps_one_entry()
        {
            RevocationList list = new RevocationList();

            list.Add(7);
            Assert.IsTrue(list.Add(7));

            Assert.AreEqual(1, list.Count);
            Assert.AreEqual(7u, list[0]);
        }

        [TestMethod]
        public void A_full_list_refuses_a_new_key_and_changes_nothing_but_still_accepts_a_known_one()
        {
            RevocationList list = new RevocationList();
            for (uint key = 1; key <= RevocationList.Capacity; key++)
            {
                Assert.IsTrue(list.Add(key));
            }

            Assert.IsFalse(list.Add(1000));
            Assert.IsTrue(list.Add(5));

            Assert.AreEqual(RevocationList.Capacity, list.Count);
            Assert.IsFalse(list.Contains(1000));
            for (int i = 0; i < list.Count; i++)
            {
                Assert.AreEqual((uint)(i + 1), list[i]);
            }
        }

        [TestMethod]
        public void Clearing_forgets_every_key()
        {
            RevocationList list = new RevocationList();
            list.Add(7);
            list.Add(8);

            list.Clear();

            Assert.AreEqual(0, list.Count);
            Assert.IsFalse(list.Contains(7));
            Assert.IsTrue(list.Add(9));
        }
    }
}
