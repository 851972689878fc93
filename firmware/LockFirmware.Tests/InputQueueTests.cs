using LockFirmware.Events;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The queue between the button and BLE threads and the lock's one thread.</summary>
    [TestClass]
    public class InputQueueTests
    {
        [TestMethod]
        public void Inputs_come_out_in_the_order_they_were_posted_across_the_ring_end()
        {
            InputQueue queue = new InputQueue(2);
            byte[] payload = new byte[InputQueue.MaxPayload];
            int count;

            Assert.IsTrue(queue.Post(InputKind.ButtonDown));
            Assert.IsTrue(queue.Post(InputKind.BleWrite, new byte[] { 7 }, 0, 1));
            Assert.AreEqual(InputKind.ButtonDown, queue.Take(payload, out count));
            Assert.IsTrue(queue.Post(InputKind.ButtonUp));

            Assert.AreEqual(InputKind.BleWrite, queue.Take(payload, out count));
            Assert.AreEqual(1, count);
            Assert.AreEqual(InputKind.ButtonUp, queue.Take(payload, out count));
            Assert.AreEqual(0, count);
            Assert.AreEqual(InputKind.None, queue.Take(payload, out count));
        }

        [TestMethod]
        public void Payload_is_copied_when_posted()
        {
            InputQueue queue = new InputQueue(4);
            byte[] written = { 9, 1, 2, 3, 9 };

            Assert.IsTrue(queue.Post(InputKind.BleWrite, written, 1, 3));
            // The BLE stack reuses its buffer as soon as the post returns.
            written[1] = 0;
            written[2] = 0;
            written[3] = 0;

            byte[] taken = new byte[InputQueue.MaxPayload];
            int count;
            Assert.AreEqual(InputKind.BleWrite, queue.Take(taken, out count));
            Assert.AreEqual(3, count);
            Assert.AreEqual(1, (int)taken[0]);
            Assert.AreEqual(2, (int)taken[1]);
            Assert.AreEqual(3, (int)taken[2]);
        }

        [TestMethod]
        public void A_full_queue_refuses_and_counts_the_input()
        {
            InputQueue queue = new InputQueue(2);
            byte[] payload = new byte[InputQueue.MaxPayload];
            int count;

            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, 1));
            Assert.IsTrue(queue.Post(InputKind.BleConnected));
            Assert.IsFalse(queue.Post(InputKind.BleWrite, payload, 0, 1));
            Assert.AreEqual(1, queue.Dropped);

            queue.Take(payload, out count);
            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, 1));
            Assert.AreEqual(1, queue.Dropped);
        }

        [TestMethod]
        public void A_full_queue_still_takes_every_level_change_and_hands_over_each_inputs_final_level()
        {
            InputQueue queue = new InputQueue(2);
            byte[] payload = new byte[InputQueue.MaxPayload];
            int count;
            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, 1));
            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, 1));

            // A flash write holds the dispatcher: the supply flickers, the door opens, the button is pressed and let go.
            Assert.IsTrue(queue.Post(InputKind.MainsLost));
            Assert.IsTrue(queue.Post(InputKind.MainsPresent));
            Assert.IsTrue(queue.Post(InputKind.MainsLost));
            Assert.IsTrue(queue.Post(InputKind.DoorOpened));
            Assert.IsTrue(queue.Post(InputKind.ButtonDown));
            Assert.IsTrue(queue.Post(InputKind.ButtonUp));
            Assert.AreEqual(0, queue.Dropped);

            Assert.AreEqual(InputKind.BleWrite, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.BleWrite, queue.Take(payload, out count));
            // In the order each input first changed, each at its last level.
            Assert.AreEqual(InputKind.MainsLost, queue.Take(payload, out count));
            Assert.AreEqual(0, count);
            Assert.AreEqual(InputKind.DoorOpened, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.ButtonUp, queue.Take(payload, out count));
            Assert.IsFalse(queue.HasInput);
            Assert.AreEqual(InputKind.None, queue.Take(payload, out count));
        }

        [TestMethod]
        public void A_level_change_kept_beside_a_full_ring_comes_after_what_was_queued_before_it_and_before_what_came_after()
        {
            InputQueue queue = new InputQueue(2);
            byte[] payload = new byte[InputQueue.MaxPayload];
            int count;
            Assert.IsTrue(queue.Post(InputKind.BleConnected));
            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, 1));
            Assert.IsTrue(queue.Post(InputKind.DoorClosed));

            Assert.AreEqual(InputKind.BleConnected, queue.Take(payload, out count));
            Assert.IsTrue(queue.Post(InputKind.BleDisconnected));
            Assert.AreEqual(InputKind.BleWrite, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.DoorClosed, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.BleDisconnected, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.None, queue.Take(payload, out count));

            // With room again, edges go through the ring one by one, each of them seen.
            Assert.IsTrue(queue.Post(InputKind.DoorOpened));
            Assert.IsTrue(queue.Post(InputKind.DoorClosed));
            Assert.AreEqual(InputKind.DoorOpened, queue.Take(payload, out count));
            Assert.AreEqual(InputKind.DoorClosed, queue.Take(payload, out count));
        }

        [TestMethod]
        public void An_oversize_payload_is_refused_and_counted()
        {
            InputQueue queue = new InputQueue(2);
            byte[] payload = new byte[InputQueue.MaxPayload + 1];
            int count;

            Assert.IsFalse(queue.Post(InputKind.BleWrite, payload, 0, InputQueue.MaxPayload + 1));
            Assert.AreEqual(1, queue.Dropped);
            Assert.AreEqual(InputKind.None, queue.Take(payload, out count));

            Assert.IsTrue(queue.Post(InputKind.BleWrite, payload, 0, InputQueue.MaxPayload));
            Assert.AreEqual(InputKind.BleWrite, queue.Take(payload, out count));
            Assert.AreEqual(InputQueue.MaxPayload, count);
        }
    }
}
