using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using LockFirmware.Events;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The lock's GATT service: a command characteristic (write) and a response/event
    /// characteristic (notify). nanoFramework's BLE stack waits while a write handler runs
    /// (and fails after 0.5–1 s), so the handler only copies the bytes into the input queue,
    /// wakes the dispatcher and answers at once.
    /// </summary>
    public sealed class GattLockService : IBleLink
    {
        // 128-bit UUIDs of the lock service (docs/PROTOCOL.md lists them).
        public static readonly Guid ServiceUuid = new Guid("b7e69052-cdb8-40a1-b69f-401152f0de0e");
        public static readonly Guid CommandUuid = new Guid("24262956-0152-479e-a94a-a65778ffdb0d");
        public static readonly Guid NoticeUuid = new Guid("0269fcc7-4071-4052-af95-d12d7318a193");

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private GattServiceProvider _provider;
        private GattLocalCharacteristic _notice;

        public GattLockService(InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
        }

        /// <summary>Creates the service and starts advertising; false when the BLE stack refused.</summary>
        public bool Start(string deviceName)
        {
            BluetoothLEServer server = BluetoothLEServer.Instance;
            server.DeviceName = deviceName;

            GattServiceProviderResult created = GattServiceProvider.Create(ServiceUuid);
            if (created.Error != BluetoothError.Success)
            {
                return false;
            }

            _provider = created.ServiceProvider;
            GattLocalService service = _provider.Service;

            GattLocalCharacteristicParameters commandParameters = new GattLocalCharacteristicParameters();
            commandParameters.CharacteristicProperties = GattCharacteristicProperties.Write;
            commandParameters.UserDescription = "Command";
            GattLocalCharacteristicResult command = service.CreateCharacteristic(CommandUuid, commandParameters);
            if (command.Error != BluetoothError.Success)
            {
                return false;
            }

            command.Characteristic.WriteRequested += OnCommandWritten;

            GattLocalCharacteristicParameters noticeParameters = new GattLocalCharacteristicParameters();
            noticeParameters.CharacteristicProperties = GattCharacteristicProperties.Notify | GattCharacteristicProperties.Read;
            noticeParameters.UserDescription = "Responses and events";
            GattLocalCharacteristicResult notice = service.CreateCharacteristic(NoticeUuid, noticeParameters);
            if (notice.Error != BluetoothError.Success)
            {
                return false;
            }

            _notice = notice.Characteristic;

            GattServiceProviderAdvertisingParameters advertising = new GattServiceProviderAdvertisingParameters();
            advertising.IsConnectable = true;
            advertising.IsDiscoverable = true;
            _provider.StartAdvertising(advertising);
            return true;
        }

        public void Notify(byte[] buffer, int offset, int count)
        {
            if (_notice == null)
            {
                return;
            }

            DataWriter writer = new DataWriter();
            byte[] copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            writer.WriteBytes(copy);
            _notice.NotifyValue(writer.DetachBuffer());
        }

        private void OnCommandWritten(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            Buffer value = request.Value;
            int length = (int)value.Length;
            if (length > InputQueue.MaxPayload)
            {
                // ATT "invalid attribute value length": nothing is queued.
                request.RespondWithProtocolError(0x0D);
                return;
            }

            byte[] bytes = new byte[length];
            DataReader.FromBuffer(value).ReadBytes(bytes);
            _inputs.Post(InputKind.BleWrite, bytes, 0, length);
            request.Respond();
            _dispatcher.Wake();
        }
    }
}
