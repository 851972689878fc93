using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockSimulator;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>The legacy advertisement and scan response the firmware puts on air, byte for byte.</summary>
public class AdvertisementTests
{
    private static readonly byte[] Serial = "SIM00001"u8.ToArray();

    [Fact]
    public void The_lock_advertises_flags_uuid_and_status_in_27_bytes_and_its_name_in_a_15_byte_scan_response()
    {
        var packets = new LegacyAdvertisement();
        Assert.True(LockAdvertisement.Build(packets, 0x52, ProtocolInfo.ProtocolVersion, Serial, new byte[16]));

        byte[] advertisement = packets.Advertisement.AsSpan(0, packets.AdvertisementLength).ToArray();
        byte[] scanResponse = packets.ScanResponse.AsSpan(0, packets.ScanResponseLength).ToArray();
        Assert.Equal(
            "020106" + "11070EDEF05211409FB6A140B8CD5290E6B7" + $"05FFFFFF{ProtocolInfo.ProtocolVersion:X2}52",
            Convert.ToHexString(advertisement));
        Assert.Equal("0E09" + Convert.ToHexString("Lock SIM00001"u8.ToArray()), Convert.ToHexString(scanResponse));
        Assert.Equal(27, advertisement.Length);
        Assert.Equal(15, scanResponse.Length);
        Assert.True(packets.PacksAsBuilt());
    }

    [Fact]
    public void A_booted_lock_puts_exactly_those_packets_on_air_with_its_status()
    {
        var sim = new SimulatedLock(new LockSetup());
        byte[] advertisement = sim.Radio.Advertisement;
        Assert.InRange(advertisement.Length, 1, LegacyAdvertisement.MaxPacket);
        Assert.InRange(sim.Radio.ScanResponse.Length, 1, LegacyAdvertisement.MaxPacket);
        Assert.Equal(sim.Core.StatusFlags, ManufacturerStatus(advertisement));
        Assert.Equal("Lock SIM00001", System.Text.Encoding.ASCII.GetString(sim.Radio.ScanResponse, 2, sim.Radio.ScanResponse.Length - 2));
    }

    [Fact]
    public void A_section_that_would_pass_31_bytes_is_refused_and_changes_nothing()
    {
        var packets = new LegacyAdvertisement();
        Assert.True(packets.AddToAdvertisement(LegacyAdvertisement.TypeFlags, [0x06], 0, 1));
        Assert.True(packets.AddToAdvertisement(LegacyAdvertisement.TypeServiceUuids128, LockAdvertisement.ServiceUuid, 0, 16));

        // The layout the library made before: name (15) after flags and UUID does not fit, nor does
        // 128-bit service data with the status (19).
        byte[] name = "Lock 00000000"u8.ToArray();
        Assert.False(packets.AddToAdvertisement(LegacyAdvertisement.TypeCompleteName, name, 0, name.Length));
        Assert.False(packets.AddToAdvertisement(0x21, new byte[17], 0, 17));
        Assert.Equal(21, packets.AdvertisementLength);
        Assert.False(packets.AddToScanResponse(LegacyAdvertisement.TypeCompleteName, new byte[30], 0, 30));
        Assert.Equal(0, packets.ScanResponseLength);
    }

    [Fact]
    public void A_layout_the_library_would_repack_is_detected()
    {
        // Flags alone in the advertisement and the name in the scan response: nanoFramework's greedy
        // packing would move the name into the advertisement.
        var packets = new LegacyAdvertisement();
        packets.AddToAdvertisement(LegacyAdvertisement.TypeFlags, [0x06], 0, 1);
        packets.AddToScanResponse(LegacyAdvertisement.TypeCompleteName, "Lock 1"u8.ToArray(), 0, 6);
        Assert.False(packets.PacksAsBuilt());
    }

    [Fact]
    public void The_advertised_uuid_is_the_gatt_service_the_esp32_application_creates()
    {
        string source = File.ReadAllText(RepositoryFiles.Path("firmware/LockFirmware/Esp32/GattLockService.cs"));
        Match match = Regex.Match(source, "ServiceUuid = new Guid\\(\"([0-9a-f-]{36})\"\\)");
        Assert.True(match.Success);
        byte[] onAir = Convert.FromHexString(match.Groups[1].Value.Replace("-", "")).Reverse().ToArray();
        Assert.Equal(onAir, LockAdvertisement.ServiceUuid);
    }

    /// <summary>The status byte at the end of the manufacturer data AD structure.</summary>
    internal static byte ManufacturerStatus(byte[] advertisement)
    {
        for (int at = 0; at < advertisement.Length; at += advertisement[at] + 1)
        {
            if (advertisement[at + 1] == LegacyAdvertisement.TypeManufacturerData)
            {
                return advertisement[at + advertisement[at]];
            }
        }

        throw new InvalidOperationException("no manufacturer data in the advertisement");
    }
}
