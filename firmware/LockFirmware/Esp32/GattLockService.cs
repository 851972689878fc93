using System;
using System.Threading;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.Advertisement;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The lock's GATT service (docs/PROTOCOL.md, "GATT service"): command (write), response/
    /// event (notify), status (read + notify) and info (read), over nanoFramework.Device.Bluetooth
    /// 1.1.123 on ESP32 NimBLE. What that library and nf-interpreter's natives
    /// (targets/ESP32/_nanoCLR/nanoFramework.Device.Bluetooth) do, and what follows here:
    /// - The BLE stack waits while a write handler runs (PostAndWaitManagedGapEvent, 2 s), so the
    ///   handler only copies the fragment into the input queue and answers; a fragment the queue
    ///   cannot take is refused with an ATT error, not acknowledged.
    /// - NimBLE stops advertising when a phone connects; Esp32GapEvent restarts it with the same
    ///   packets on BLE_GAP_EVENT_DISCONNECT. There is no call to change the packets in place:
    ///   GattServiceProvider.StopAdvertising frees the GATT configuration and stops NimBLE
    ///   (NativeStopAdvertising → FreeContext; status Stopped → RunMode NotRunning →
    ///   StopBleStack), and StartAdvertising starts the stack again (WaitForBleStackStart, up
    ///   to 10 s; CLR_E_INVALID_OPERATION on failure). So a new advertisement and dropping a
    ///   phone are both a stack restart, done on this class's own thread so the lock logic never
    ///   waits for it; the core asks for either only while no phone is connected or to drop one.
    /// - The server side has no call to end a connection (ble_gap_terminate is reached only
    ///   through BluetoothLEDevice, the client role), hence the restart for Disconnect.
    /// - The packets are the core's (<see cref="LegacyAdvertisement"/>), handed to the library
    ///   as custom sections: it packs them greedily in order with manufacturer data last
    ///   (BluetoothLEAdvertisement.CreateLegacyAdvertisements), which LegacyAdvertisement.PacksAsBuilt
    ///   checks lands each where it was built.
    /// - GattSession.MaxMtuSize is the ATT MTU NimBLE reports in BLE_GAP_EVENT_MTU; ESP-IDF's
    ///   preferred MTU is 256, so writes of up to 253 bytes arrive.
    /// </summary>
    public sealed class GattLockService : IBleLink
    {
        public static readonly Guid ServiceUuid = new Guid("b7e69052-cdb8-40a1-b69f-401152f0de0e");
        public static readonly Guid CommandUuid = new Guid("24262956-0152-479e-a94a-a65778ffdb0d");
        public static readonly Guid NoticeUuid = new Guid("0269fcc7-4071-4052-af95-d12d7318a193");
        public static readonly Guid StatusUuid = new Guid("5a4b5538-e8ee-46af-9b9c-d600808685bb");
        public static readonly Guid InfoUuid = new Guid("52ee20c8-ba61-4afe-9084-d700cba07ca7");

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly byte[] _mtu = new byte[2];
        private readonly object _gate = new object();
        private readonly AutoResetEvent _restart = new AutoResetEvent(false);
        private readonly byte[] _advertisement = new byte[LegacyAdvertisement.MaxPacket];
        private readonly byte[] _scanResponse = new byte[LegacyAdvertisement.MaxPacket];
        private int _advertisementLength;
        private int _scanResponseLength;
        private bool _dropRequested;

        /// <summary>A phone is connected: only then do notifications go out (never into a stack being restarted).</summary>
        private bool _connected;
        private GattServiceProvider _provider;
        private GattLocalCharacteristic _notice;
        private GattLocalCharacteristic _status;
        private byte _statusFlags;

        public GattLockService(InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
        }

        /// <summary>What the last start of advertising reported (Started unless something was refused).</summary>
        public GattServiceProviderAdvertisementStatus AdvertisingStatus { get; private set; }

        /// <summary>
        /// Creates the service and starts advertising the packets the core gave
        /// (<see cref="Advertise"/>, called from LockCore.Start); false when the BLE stack refused
        /// or did not put every section on air.
        /// </summary>
        public bool Start(string deviceName, byte[] info, byte statusFlags)
        {
            BluetoothLEServer server = BluetoothLEServer.Instance;
            server.DeviceName = deviceName;
            _statusFlags = statusFlags;

            GattServiceProviderResult created = GattServiceProvider.Create(ServiceUuid);
            if (created.Error != BluetoothError.Success)
            {
                return false;
            }

            _provider = created.ServiceProvider;
            GattLocalService service = _provider.Service;

            GattLocalCharacteristic command = Create(service, CommandUuid, GattCharacteristicProperties.Write, "Command", null);
            _notice = Create(service, NoticeUuid, GattCharacteristicProperties.Notify, "Responses and events", null);
            _status = Create(service, StatusUuid, GattCharacteristicProperties.Read | GattCharacteristicProperties.Notify, "Status flags", null);
            GattLocalCharacteristic infoCharacteristic = Create(service, InfoUuid, GattCharacteristicProperties.Read, "Info", new Buffer(info));
            if (command == null || _notice == null || _status == null || infoCharacteristic == null)
            {
                return false;
            }

            command.WriteRequested += OnCommandWritten;
            _status.ReadRequested += OnStatusRead;
            server.Session.SessionStatusChanged += OnSessionStatusChanged;
            server.Session.MaxPduSizeChanged += OnMtuChanged;
            bool started = StartAdvertising();
            new Thread(RestartLoop).Start();
            return started;
        }

        public void Notify(byte[] buffer, int offset, int count)
        {
            if (_notice == null || !_connected)
            {
                return;
            }

            byte[] copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            _notice.NotifyValue(new Buffer(copy));
        }

        /// <summary>
        /// Called by the dispatcher after each round of lock logic: when the status changes, a
        /// connected phone that subscribed is told. Advertising is the core's to renew
        /// (<see cref="Advertise"/>), never while a phone is connected.
        /// </summary>
        public void UpdateStatus(byte flags)
        {
            if (flags == _statusFlags || _status == null)
            {
                return;
            }

            _statusFlags = flags;
            if (_connected)
            {
                _status.NotifyValue(new Buffer(new byte[] { flags }));
            }
        }

        public void Advertise(LegacyAdvertisement packets)
        {
            lock (_gate)
            {
                Array.Copy(packets.Advertisement, _advertisement, packets.AdvertisementLength);
                Array.Copy(packets.ScanResponse, _scanResponse, packets.ScanResponseLength);
                _advertisementLength = packets.AdvertisementLength;
                _scanResponseLength = packets.ScanResponseLength;
            }

            if (_provider != null)
            {
                _restart.Set();
            }
        }

        public void Disconnect()
        {
            lock (_gate)
            {
                _dropRequested = true;
            }

            _connected = false;
            _restart.Set();
        }

        /// <summary>Stack restarts (new packets, or a phone to drop) off the lock logic's thread.</summary>
        private void RestartLoop()
        {
            while (true)
            {
                _restart.WaitOne();
                bool drop;
                lock (_gate)
                {
                    drop = _dropRequested;
                    _dropRequested = false;
                }

                _provider.StopAdvertising();
                if (!StartAdvertising())
                {
                    Console.WriteLine("lock: advertising did not restart (" + AdvertisingStatus.ToString() + ")");
                }

                if (drop)
                {
                    // Stopping NimBLE ended the connection whether or not its event reaches us.
                    _inputs.Post(InputKind.BleDisconnected);
                    _dispatcher.Wake();
                }
            }
        }

        private bool StartAdvertising()
        {
            GattServiceProviderAdvertisingParameters parameters = new GattServiceProviderAdvertisingParameters();
            parameters.IsConnectable = true;
            // Our own sections only: the library's defaults (flags, name, 128-bit UUID, service data) would not fit.
            parameters.CustomAdvertisement = true;
            lock (_gate)
            {
                AddSections(parameters.Advertisement, _advertisement, _advertisementLength);
                AddSections(parameters.Advertisement, _scanResponse, _scanResponseLength);
            }

            try
            {
                _provider.StartAdvertising(parameters);
            }
            catch (InvalidOperationException)
            {
                // The stack did not start within its 10 s (StartBleStack).
                AdvertisingStatus = GattServiceProviderAdvertisementStatus.Aborted;
                return false;
            }

            // Set synchronously by the publisher's Started/Aborted status change.
            AdvertisingStatus = _provider.AdvertisementStatus;
            return AdvertisingStatus == GattServiceProviderAdvertisementStatus.Started;
        }

        /// <summary>Hands each AD structure of a packet to the library, manufacturer data through its own list.</summary>
        private static void AddSections(BluetoothLEAdvertisement advertisement, byte[] packet, int length)
        {
            for (int at = 0; at < length; at += packet[at] + 1)
            {
                int dataLength = packet[at] - 1;
                byte type = packet[at + 1];
                if (type == LegacyAdvertisement.TypeManufacturerData)
                {
                    byte[] data = new byte[dataLength - 2];
                    Array.Copy(packet, at + 4, data, 0, data.Length);
                    ushort company = (ushort)(packet[at + 2] | (packet[at + 3] << 8));
                    advertisement.ManufacturerData.Add(new BluetoothLEManufacturerData(company, new Buffer(data)));
                }
                else
                {
                    byte[] data = new byte[dataLength];
                    Array.Copy(packet, at + 2, data, 0, dataLength);
                    advertisement.DataSections.Add(new BluetoothLEAdvertisementDataSection(type, new Buffer(data)));
                }
            }
        }

        private static GattLocalCharacteristic Create(GattLocalService service, Guid uuid, GattCharacteristicProperties properties, string description, Buffer staticValue)
        {
            GattLocalCharacteristicParameters parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.UserDescription = description;
            if (staticValue != null)
            {
                parameters.StaticValue = staticValue;
            }

            GattLocalCharacteristicResult result = service.CreateCharacteristic(uuid, parameters);
            return result.Error == BluetoothError.Success ? result.Characteristic : null;
        }

        private void OnCommandWritten(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            Buffer value = request.Value;
            int length = (int)value.Length;
            if (length > InputQueue.MaxPayload)
            {
                request.RespondWithProtocolError(GattProtocolError.InvalidAttributeValueLength);
                return;
            }

            byte[] bytes = new byte[length];
            DataReader.FromBuffer(value).ReadBytes(bytes);
            if (!_inputs.Post(InputKind.BleWrite, bytes, 0, length))
            {
                // The lock logic is behind: the phone learns its write was not taken and may send again.
                request.RespondWithProtocolError(GattProtocolError.InsufficientResources);
                _dispatcher.Wake();
                return;
            }

            request.Respond();
            _dispatcher.Wake();
        }

        private void OnStatusRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            args.GetRequest().RespondWithValue(new Buffer(new byte[] { _statusFlags }));
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            _connected = args.Status == GattSessionStatus.Active;
            _inputs.Post(_connected ? InputKind.BleConnected : InputKind.BleDisconnected);
            _dispatcher.Wake();
        }

        private void OnMtuChanged(object sender, EventArgs args)
        {
            // The ATT payload is the MTU less the 3-byte ATT header.
            int payload = BluetoothLEServer.Instance.Session.MaxMtuSize - 3;
            _mtu[0] = (byte)payload;
            _mtu[1] = (byte)(payload >> 8);
            _inputs.Post(InputKind.BleMtu, _mtu, 0, 2);
            _dispatcher.Wake();
        }
    }
}
