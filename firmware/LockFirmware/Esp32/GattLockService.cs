using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using LockFirmware.Events;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The lock's GATT service (docs/PROTOCOL.md, "GATT service"): command (write), response/
    /// event (notify), status (read + notify) and info (read). nanoFramework's BLE stack waits
    /// while a write handler runs (and fails after 0.5–1 s), so the handler only copies the
    /// fragment into the input queue, wakes the dispatcher and answers at once; the lock logic
    /// reassembles and judges it on its own thread.
    /// </summary>
    public sealed class GattLockService : IBleLink
    {
        public static readonly Guid ServiceUuid = new Guid("b7e69052-cdb8-40a1-b69f-401152f0de0e");
        public static readonly Guid CommandUuid = new Guid("24262956-0152-479e-a94a-a65778ffdb0d");
        public static readonly Guid NoticeUuid = new Guid("0269fcc7-4071-4052-af95-d12d7318a193");
        public static readonly Guid StatusUuid = new Guid("5a4b5538-e8ee-46af-9b9c-d600808685bb");
        public static readonly Guid InfoUuid = new Guid("52ee20c8-ba61-4afe-9084-d700cba07ca7");

        /// <summary>ATT "invalid attribute value length".</summary>
        private const byte InvalidLength = 0x0D;

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly byte[] _mtu = new byte[2];
        private GattServiceProvider _provider;
        private GattLocalCharacteristic _notice;
        private GattLocalCharacteristic _status;
        private byte _statusFlags;

        public GattLockService(InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
        }

        /// <summary>Creates the service and starts advertising; false when the BLE stack refused.</summary>
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
            Advertise();
            return true;
        }

        public void Notify(byte[] buffer, int offset, int count)
        {
            if (_notice == null)
            {
                return;
            }

            byte[] copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            _notice.NotifyValue(new Buffer(copy));
        }

        /// <summary>
        /// Called by the dispatcher after each round of lock logic: when the warnings change,
        /// subscribers are told and the advertising (which phones see before connecting) is renewed.
        /// </summary>
        public void UpdateStatus(byte flags)
        {
            if (flags == _statusFlags || _provider == null)
            {
                return;
            }

            _statusFlags = flags;
            _status.NotifyValue(new Buffer(new byte[] { flags }));
            _provider.StopAdvertising();
            Advertise();
        }

        private void Advertise()
        {
            GattServiceProviderAdvertisingParameters advertising = new GattServiceProviderAdvertisingParameters();
            advertising.IsConnectable = true;
            advertising.IsDiscoverable = true;
            advertising.ServiceData = new Buffer(new byte[] { _statusFlags });
            _provider.StartAdvertising(advertising);
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
                request.RespondWithProtocolError(InvalidLength);
                return;
            }

            byte[] bytes = new byte[length];
            DataReader.FromBuffer(value).ReadBytes(bytes);
            _inputs.Post(InputKind.BleWrite, bytes, 0, length);
            request.Respond();
            _dispatcher.Wake();
        }

        private void OnStatusRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            args.GetRequest().RespondWithValue(new Buffer(new byte[] { _statusFlags }));
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            if (args.Status == GattSessionStatus.Closed)
            {
                _inputs.Post(InputKind.BleDisconnected);
                _dispatcher.Wake();
            }
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
