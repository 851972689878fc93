using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The hot path as the device runs it: a BLE write posted to the InputQueue (as the BLE
    /// adapter's callback does), LockCore.Process on the dispatcher, the protocol, and the motor
    /// bridge switched to Unlock in that same round; then the bolt at its end stop, the bridge
    /// off, the state and its event.
    /// </summary>
    [TestClass]
    public class UnlockPathTests
    {
        [TestMethod]
        public void The_unlock_write_starts_the_motor_in_the_round_that_takes_it()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Send(ProtocolVectors.Hello);
            unit.RunFor(40);
            byte[] write = Hex.Bytes("C0" + ProtocolVectors.CommandUnlock1);
            long writtenAt = unit.Now;

            Assert.IsTrue(unit.Inputs.Post(InputKind.BleWrite, write, 0, write.Length));
            Assert.AreEqual(0, unit.Bridge.Starts);
            unit.Core.Process();

            Assert.AreEqual(writtenAt, unit.Bridge.FirstStartAt);
            Assert.AreEqual((int)MotorDrive.Unlock, (int)unit.Bridge.FirstStart);
            Assert.AreEqual(LockState.Unlocking, unit.Core.State);
            // The round ends at the motor start; the audit record and the answer are due at once.
            Assert.AreEqual(writtenAt, unit.Core.NextDueAt);
            unit.Core.Process();
            Assert.AreEqual(ProtocolVectors.ResponseUnlock1Ok, unit.Phone.Last);
        }

        [TestMethod]
        public void The_bolt_reaches_the_unlocked_end_and_the_state_comes_once_the_motor_is_off()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Send(ProtocolVectors.Hello);
            unit.Send(ProtocolVectors.CommandUnlock1);
            int messages = unit.Phone.Count;

            unit.RunFor(EndStopDriveTrain.TravelMs / 2);
            Assert.AreEqual(LockState.Unlocking, unit.Core.State);
            Assert.AreEqual(messages, unit.Phone.Count);

            unit.RunFor(3000);
            Assert.AreEqual(LockState.Unlocked, unit.Core.State);
            Assert.AreEqual((int)MotorDrive.Coast, (int)unit.Bridge.Last);
            Assert.IsTrue(unit.Train.Position > EndStopDriveTrain.TravelMs * 9 / 10, "bolt at " + unit.Train.Position);
            Assert.AreEqual(messages + 1, unit.Phone.Count);
            Assert.AreEqual(ProtocolVectors.EventUnlocked1, unit.Phone.Last);
            Assert.AreEqual(1, unit.Core.CompletedUnlocks);
        }

        [TestMethod]
        public void A_command_in_fragments_moves_nothing_until_its_last_fragment()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Send(ProtocolVectors.Hello);
            byte[] command = Hex.Bytes(ProtocolVectors.CommandUnlock1);
            byte[] first = new byte[7];
            byte[] last = new byte[7];
            first[0] = Fragment.First;
            last[0] = Fragment.Last | 1;
            for (int i = 0; i < 6; i++)
            {
                first[1 + i] = command[i];
                last[1 + i] = command[6 + i];
            }

            unit.Write(first, first.Length);
            Assert.AreEqual(0, unit.Bridge.Starts);
            unit.RunFor(100);
            unit.Write(last, last.Length);

            Assert.AreEqual((int)MotorDrive.Unlock, (int)unit.Bridge.FirstStart);
            Assert.AreEqual(ProtocolVectors.ResponseUnlock1Ok, unit.Phone.Last);
        }

        [TestMethod]
        public void A_write_the_queue_cannot_take_is_refused_and_counted_and_moves_nothing()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Send(ProtocolVectors.Hello);
            byte[] write = Hex.Bytes("C0" + ProtocolVectors.CommandUnlock1);
            byte[] filler = Hex.Bytes("C001");

            while (unit.Inputs.Post(InputKind.BleWrite, filler, 0, filler.Length))
            {
            }

            Assert.IsFalse(unit.Inputs.Post(InputKind.BleWrite, write, 0, write.Length));
            unit.Core.Process();
            Assert.AreEqual(0, unit.Bridge.Starts);
            Assert.IsTrue(unit.Inputs.Dropped >= 2);
        }
    }
}
