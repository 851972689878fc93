using LockFirmware.Ble;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Reassembly of BLE writes into messages (docs/PROTOCOL.md, "Transport: fragments"): the
    /// documented HELLO comes back whole, and anything that does not fit is dropped whole.
    /// </summary>
    [TestClass]
    public class FragmentAssemblerTests
    {
        [TestMethod]
        public void The_documented_hello_fragments_give_the_documented_hello()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Assert.AreEqual((int)AssemblyResult.Pending, (int)Add(assembler, ProtocolVectors.HelloFragment0, 0));
            Assert.AreEqual((int)AssemblyResult.Pending, (int)Add(assembler, ProtocolVectors.HelloFragment1, 10));
            Assert.AreEqual((int)AssemblyResult.Complete, (int)Add(assembler, ProtocolVectors.HelloFragment2, 20));

            Assert.AreEqual(ProtocolVectors.Hello, Hex.Of(assembler.Message, 0, assembler.Length));
        }

        [TestMethod]
        public void A_single_fragment_message_is_complete_at_once()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Assert.AreEqual((int)AssemblyResult.Complete, (int)Add(assembler, "C00102", 0));
            Assert.AreEqual("0102", Hex.Of(assembler.Message, 0, assembler.Length));
        }

        [TestMethod]
        public void A_fragment_without_its_first_is_refused()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Assert.AreEqual((int)AssemblyResult.OutOfOrder, (int)Add(assembler, ProtocolVectors.HelloFragment1, 0));
            Assert.AreEqual(0, assembler.Length);
        }

        [TestMethod]
        public void A_skipped_fragment_drops_the_message_and_the_next_one_still_assembles()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Add(assembler, ProtocolVectors.HelloFragment0, 0);
            Assert.AreEqual((int)AssemblyResult.OutOfOrder, (int)Add(assembler, ProtocolVectors.HelloFragment2, 10));
            Assert.AreEqual(0, assembler.Length);
            // The rest of the broken message cannot continue it.
            Assert.AreEqual((int)AssemblyResult.OutOfOrder, (int)Add(assembler, ProtocolVectors.HelloFragment1, 20));

            Add(assembler, ProtocolVectors.HelloFragment0, 30);
            Add(assembler, ProtocolVectors.HelloFragment1, 40);
            Assert.AreEqual((int)AssemblyResult.Complete, (int)Add(assembler, ProtocolVectors.HelloFragment2, 50));
            Assert.AreEqual(ProtocolVectors.Hello, Hex.Of(assembler.Message, 0, assembler.Length));
        }

        [TestMethod]
        public void A_first_fragment_with_an_index_is_refused()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Assert.AreEqual((int)AssemblyResult.OutOfOrder, (int)Add(assembler, "C10102", 0));
        }

        [TestMethod]
        public void A_new_first_fragment_restarts_the_message()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Add(assembler, "80AAAA", 0);
            Assert.AreEqual((int)AssemblyResult.Complete, (int)Add(assembler, "C0BB", 10));
            Assert.AreEqual("BB", Hex.Of(assembler.Message, 0, assembler.Length));
        }

        [TestMethod]
        public void A_gap_longer_than_the_timeout_drops_the_message_and_a_gap_of_exactly_the_timeout_does_not()
        {
            FragmentAssembler late = new FragmentAssembler();
            Add(late, ProtocolVectors.HelloFragment0, 1000);
            Assert.AreEqual((int)AssemblyResult.OutOfOrder, (int)Add(late, ProtocolVectors.HelloFragment1, 1000 + Fragment.TimeoutMs + 1));

            FragmentAssembler onTime = new FragmentAssembler();
            Add(onTime, ProtocolVectors.HelloFragment0, 1000);
            Assert.AreEqual((int)AssemblyResult.Pending, (int)Add(onTime, ProtocolVectors.HelloFragment1, 1000 + Fragment.TimeoutMs));
        }

        [TestMethod]
        public void A_message_longer_than_the_maximum_is_refused_whole()
        {
            FragmentAssembler assembler = new FragmentAssembler();
            byte[] fragment = new byte[Fragment.DefaultPayload];
            int carried = 0;
            AssemblyResult result = AssemblyResult.Pending;

            for (int index = 0; result == AssemblyResult.Pending; index++)
            {
                fragment[0] = (byte)((index == 0 ? Fragment.First : 0) | index);
                result = assembler.Add(fragment, fragment.Length, index);
                carried += fragment.Length - 1;
            }

            Assert.AreEqual((int)AssemblyResult.TooLong, (int)result);
            Assert.IsTrue(carried > Fragment.MaxMessage);
            Assert.AreEqual(0, assembler.Length);
        }

        [TestMethod]
        public void A_message_of_exactly_the_maximum_is_complete()
        {
            FragmentAssembler assembler = new FragmentAssembler();
            byte[] fragment = new byte[1 + 85];

            for (int index = 0; index < 3; index++)
            {
                fragment[0] = (byte)((index == 0 ? Fragment.First : 0) | (index == 2 ? Fragment.Last : 0) | index);
                fragment[1] = (byte)index;
                AssemblyResult result = assembler.Add(fragment, fragment.Length, 0);
                Assert.AreEqual((int)(index == 2 ? AssemblyResult.Complete : AssemblyResult.Pending), (int)result);
            }

            Assert.AreEqual(Fragment.MaxMessage, assembler.Length);
            Assert.AreEqual(2, (int)assembler.Message[170]);
        }

        [TestMethod]
        public void The_fragment_index_wraps_after_63()
        {
            FragmentAssembler assembler = new FragmentAssembler();
            byte[] fragment = new byte[2];

            for (int n = 0; n < 64; n++)
            {
                fragment[0] = (byte)((n == 0 ? Fragment.First : 0) | n);
                fragment[1] = (byte)n;
                Assert.AreEqual((int)AssemblyResult.Pending, (int)assembler.Add(fragment, 2, 0));
            }

            fragment[0] = Fragment.Last; // index 0 again
            fragment[1] = 64;
            Assert.AreEqual((int)AssemblyResult.Complete, (int)assembler.Add(fragment, 2, 0));
            Assert.AreEqual(65, assembler.Length);
            Assert.AreEqual(64, (int)assembler.Message[64]);
        }

        [TestMethod]
        public void Empty_writes_and_empty_messages_are_malformed()
        {
            FragmentAssembler assembler = new FragmentAssembler();

            Assert.AreEqual((int)AssemblyResult.Malformed, (int)assembler.Add(new byte[4], 0, 0));
            Assert.AreEqual((int)AssemblyResult.Malformed, (int)Add(assembler, "C0", 0));
        }

        private static AssemblyResult Add(FragmentAssembler assembler, string fragmentHex, long now)
        {
            byte[] fragment = Hex.Bytes(fragmentHex);
            return assembler.Add(fragment, fragment.Length, now);
        }
    }
}
