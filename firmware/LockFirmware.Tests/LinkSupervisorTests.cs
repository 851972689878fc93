using LockFirmware.Ble;
using LockFirmware.Tests.Fakes;
using LockFirmware.Time;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The lock's one BLE connection and its advertising, as the core decides them.</summary>
    [TestClass]
    public class LinkSupervisorTests
    {
        private RecordingBleLink _link;
        private Timers _timers;
        private NoticeSender _sender;
        private LinkSupervisor _supervisor;

        /// <summary>Each test starts afresh ([Setup] runs once per class on the device).</summary>
        private void NewSupervisor()
        {
            _link = new RecordingBleLink();
            _timers = new Timers();
            _sender = new NoticeSender(_link);
            _supervisor = new LinkSupervisor(_link, _timers, _sender, new byte[] { 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31 });
        }

        [TestMethod]
        public void A_status_change_waits_for_the_phone_to_leave_and_for_the_interval()
        {
            NewSupervisor();
            _supervisor.Refresh(0x40, 0);
            Assert.AreEqual(1, _link.Advertisements);
            Assert.AreEqual(27, _link.LastAdvertisementLength);

            _supervisor.OnConnected(1000);
            _supervisor.Refresh(0x41, 2000);
            Assert.AreEqual(1, _link.Advertisements);

            _supervisor.OnDisconnected(3000);
            _supervisor.Refresh(0x41, 3000);
            Assert.AreEqual(1, _link.Advertisements);
            Assert.AreEqual((long)LinkSupervisor.AdvertiseIntervalMs, _timers.NextDue);

            _supervisor.Refresh(0x41, LinkSupervisor.AdvertiseIntervalMs);
            Assert.AreEqual(2, _link.Advertisements);
            Assert.AreEqual(0x41, _supervisor.AdvertisedStatus);
        }

        [TestMethod]
        public void A_connection_without_a_session_goes_after_the_bound_but_not_during_a_move()
        {
            NewSupervisor();
            _supervisor.OnConnected(0);
            Assert.IsFalse(_supervisor.ShouldDrop(LinkSupervisor.SessionOpenBoundMs - 1, false, false));
            Assert.IsFalse(_supervisor.ShouldDrop(LinkSupervisor.SessionOpenBoundMs, false, true));
            Assert.IsTrue(_supervisor.ShouldDrop(LinkSupervisor.SessionOpenBoundMs + 1000, false, false));

            _supervisor.Drop(LinkSupervisor.SessionOpenBoundMs + 1000);
            Assert.AreEqual(1, _link.Disconnects);
            Assert.IsFalse(_supervisor.IsConnected);
        }

        [TestMethod]
        public void A_session_keeps_the_connection_until_it_is_idle_past_the_timeout()
        {
            NewSupervisor();
            _supervisor.OnConnected(0);
            _supervisor.OnWrite(5000, true);
            Assert.IsFalse(_supervisor.ShouldDrop(5000 + LinkSupervisor.IdleBoundMs - 1, true, false));
            Assert.IsTrue(_supervisor.ShouldDrop(5000 + LinkSupervisor.IdleBoundMs, true, false));
        }

        [TestMethod]
        public void Every_connect_and_disconnect_resets_the_payload_to_20_bytes()
        {
            NewSupervisor();
            _supervisor.OnMtu(200);
            Assert.AreEqual(Fragment.DefaultPayload, _sender.PayloadSize); // no connection: ignored

            _supervisor.OnConnected(0);
            _supervisor.OnMtu(200);
            Assert.AreEqual(200, _sender.PayloadSize);
            _supervisor.OnDisconnected(10);
            Assert.AreEqual(Fragment.DefaultPayload, _sender.PayloadSize);

            _supervisor.OnConnected(20);
            _supervisor.OnMtu(Fragment.MaxPayload);
            _supervisor.OnConnected(30); // a new phone after a lost disconnection report
            Assert.AreEqual(Fragment.DefaultPayload, _sender.PayloadSize);
        }
    }
}
