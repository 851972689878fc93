using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Virtual;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>provision</c>: the production line's step against a simulated unit, over its BLE link as
/// the line's tool does it: PROVISION (serial, factory key, ADC calibration), then INFO to check
/// what the unit reports. <c>--unit DIR</c> keeps the unit's files (drive I:) in a folder between
/// runs, so a second run on the same unit shows the refusal.
/// </summary>
public static class ProvisionCommand
{
    public const string Summary = "write serial, factory key and ADC calibration into a (simulated) unit, once";

    private const string Usage = "provision --serial SERIAL --factory-key HEX64 [--adc-calibration PARTS_PER_10000] [--unit FOLDER]";

    private static readonly string[] Known = ["--serial", "--factory-key", "--adc-calibration", "--unit"];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            Dictionary<string, string> options = Parse(args);
            string serial = options.GetValueOrDefault("--serial") ?? throw new UsageException("--serial is required");
            string keyHex = options.GetValueOrDefault("--factory-key") ?? throw new UsageException("--factory-key is required");
            byte[] key = keyHex.Length == 64 ? Convert.FromHexString(keyHex) : throw new UsageException("--factory-key is 64 hex digits (32 bytes)");
            int calibration = int.Parse(options.GetValueOrDefault("--adc-calibration") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
            byte[] message = Provisioning.Message(serial, key, calibration);
            string? unitFile = options.GetValueOrDefault("--unit");

            VirtualFileSystem files = unitFile != null && Directory.Exists(unitFile) ? Load(unitFile) : new VirtualFileSystem();
            var sim = new SimulatedLock(new LockSetup { Files = files, Provisioned = false, Paired = false });
            var answers = new List<byte[]>();
            var reader = new NotificationReader();
            sim.Radio.Notified += n =>
            {
                if (reader.Add(n, sim.Now) is byte[] whole)
                {
                    answers.Add(whole);
                }
            };

            Exchange(sim, message);
            var result = (ResultCode)answers[^1][1];
            Exchange(sim, UnitInfo.Request());
            UnitInfo info = UnitInfo.Parse(answers[^1]);
            if (unitFile != null)
            {
                Save(files, unitFile);
            }

            output.WriteLine($"PROVISION {serial} → {result}");
            output.WriteLine($"INFO: serial {info.Serial}, {(info.Provisioned ? "provisioned" : "NOT provisioned")}, {(info.Paired ? "paired" : "not paired")}, protocol {info.ProtocolVersion}, firmware {info.FirmwareMajor}.{info.FirmwareMinor}");
            if (result == ResultCode.Ok)
            {
                output.WriteLine($"ADC calibration {sim.Core.Protocol.Identity.AdcCalibration} parts per 10 000; file the factory key under serial {serial} in the back office.");
            }

            return result == ResultCode.Ok && info.Provisioned && info.Serial == serial ? 0 : 1;
        }
        catch (Exception e) when (e is UsageException or ArgumentException or FormatException or OverflowException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"provision: {e.Message}");
            error.WriteLine("usage: " + Usage);
            return 2;
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (Array.IndexOf(Known, args[i]) < 0)
            {
                throw new UsageException($"unknown option '{args[i]}'");
            }

            if (i + 1 >= args.Length || args[i + 1].Length == 0)
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw new UsageException($"{args[i]} given twice");
            }
        }

        return values;
    }

    private static void Exchange(SimulatedLock sim, byte[] message)
    {
        foreach (byte[] fragment in Fragments.Split(message))
        {
            sim.Write(sim.Now, fragment);
        }

        sim.RunFor(50);
    }

    /// <summary>A unit's files as a folder holds them, written onto a fresh volume as a reflash would.</summary>
    private static VirtualFileSystem Load(string folder)
    {
        var files = new VirtualFileSystem();
        files.Mount();
        foreach (string path in Directory.GetFiles(folder))
        {
            byte[] data = File.ReadAllBytes(path);
            if (!files.Write(Path.GetFileName(path), 0, data, 0, data.Length))
            {
                throw new UsageException($"{folder} does not fit the unit's file system");
            }
        }

        return files;
    }

    private static void Save(VirtualFileSystem files, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string name in files.Names)
        {
            File.WriteAllBytes(Path.Combine(folder, name), files.Contents(name)!);
        }
    }
}
