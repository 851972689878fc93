using LockFirmware.Security;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The bounded list of revoked key ids: kept sorted for its binary search; a full list refuses and stays as it was.</summary>
    [TestClass]
    public class RevocationListTests
    {
        [TestMethod]
        public void A_revoked_key_is_found_and_others_are_not()
        {
            RevocationList list = new RevocationList(RevocationList.DoorCapacity);

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
            RevocationList list = new RevocationList(RevocationList.DoorCapacity);

            list.Add(7);
            Assert.IsTrue(list.Add(7));

            Assert.AreEqual(1, list.Count);
            Assert.AreEqual(7u, list[0]);
        }

        [TestMethod]
        public void A_full_list_refuses_a_new_key_and_changes_nothing_but_still_accepts_a_known_one()
        {
            RevocationList list = new RevocationList(RevocationList.DoorCapacity);
            for (uint key = 1; key <= RevocationList.DoorCapacity; key++)
            {
                Assert.IsTrue(list.Add(key));
            }

            Assert.IsFalse(list.Add(1000));
            Assert.IsTrue(list.Add(5));

            Assert.AreEqual(RevocationList.DoorCapacity, list.Count);
            Assert.IsFalse(list.Contains(1000));
            for (int i = 0; i < list.Count; i++)
            {
                Assert.AreEqual((uint)(i + 1), list[i]);
            }
        }

        [TestMethod]
        public void Ids_added_in_any_order_are_kept_ascending_and_each_is_found_at_a_building_units_capacity()
        {
            RevocationList list = new RevocationList(RevocationList.BuildingCapacity);
            // A stride coprime to the capacity visits every id once, in scrambled order.
            for (int i = 0; i < RevocationList.BuildingCapacity; i++)
            {
                Assert.IsTrue(list.Add((uint)((i * 97) % RevocationList.BuildingCapacity) * 3 + 1));
            }

            Assert.AreEqual(RevocationList.BuildingCapacity, list.Count);
            Assert.IsFalse(list.Add(2));
            for (int i = 0; i < list.Count; i++)
            {
                Assert.AreEqual((uint)(i * 3 + 1), list[i]);
                Assert.IsTrue(list.Contains((uint)(i * 3 + 1)));
                Assert.IsFalse(list.Contains((uint)(i * 3 + 2)));
            }

            Assert.IsFalse(list.Contains(0));
            Assert.IsFalse(list.Contains(0xFFFFFFFF));
        }

        [TestMethod]
        public void A_list_read_back_must_fit_and_be_strictly_ascending()
        {
            RevocationList list = new RevocationList(4);
            list.Add(30);
            list.Add(10);
            list.Add(20);
            byte[] payload = new byte[16];
            list.Encode(payload, 0);

            RevocationList read = new RevocationList(4);
            Assert.IsTrue(read.Decode(payload, 0, 3));
            Assert.AreEqual(3, read.Count);
            Assert.IsTrue(read.Contains(20));

            Bytes.WriteUInt32(payload, 4, 5);
            Assert.IsFalse(read.Decode(payload, 0, 3));
            Assert.AreEqual(0, read.Count);
            Assert.IsFalse(read.Decode(payload, 0, 5));
            Assert.AreEqual(0, read.Count);
        }

        [TestMethod]
        public void Clearing_forgets_every_key()
        {
            RevocationList list = new RevocationList(RevocationList.DoorCapacity);
            list.Add(7);
            list.Add(8);

            list.Clear();

            Assert.AreEqual(0, list.Count);
            Assert.IsFalse(list.Contains(7));
            Assert.IsTrue(list.Add(9));
        }
    }
}
