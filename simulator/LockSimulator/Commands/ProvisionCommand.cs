using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.CommandLine;
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
    /// <summary>The <c>provision</c> command's definition.</summary>
    public static Command Build()
    {
        Option<string> serial = OptionKinds.Text("--serial", "SERIAL", "the serial the unit will advertise");
        serial.Required = true;
        var factoryKey = new Option<byte[]>("--factory-key")
        {
            Description = "the unit's factory key, 64 hex digits (32 bytes), to be filed in the back office",
            HelpName = "HEX64",
            Required = true,
            CustomParser = FactoryKey,
        };
        Option<int> calibration = OptionKinds.WholeNumber("--adc-calibration", "the ADC's gain correction in parts per 10 000, measured on the line", 10_000, int.MinValue);
        Option<string> unit = OptionKinds.Text("--unit", "FOLDER", "keep the unit's files (drive I:) in this folder between runs, so a second run shows the refusal");
        var command = new NotedCommand(
            "provision",
            "write serial, factory key and ADC calibration into a (simulated) unit, once",
            """
            Exit codes:
              0  provisioned: the unit reports the serial it was given
              1  refused (e.g. AlreadyProvisioned): the unit keeps what it had
              2  bad arguments, or a unit folder that cannot be read or written

            """)
        {
            serial, factoryKey, calibration, unit,
        };
        command.SetAction(result =>
        {
            try
            {
                return Provision(result.GetRequiredValue(serial), result.GetRequiredValue(factoryKey), result.GetValue(calibration), result.GetValue(unit), result.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                return SimulatorCommandLine.Refuse(result, e);
            }
        });
        return command;
    }

    /// <summary>Runs <c>provision</c> with <paramref name="args"/> (the words after <c>provision</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static byte[] FactoryKey(ArgumentResult result)
    {
        string hex = result.Tokens[0].Value;
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(hex);
        }

        result.AddError("--factory-key takes 64 hex digits (32 bytes)");
        return [];
    }

    private static int Provision(string serial, byte[] key, int calibration, string? unitFile, TextWriter output)
    {
        byte[] message = Provisioning.Message(serial, key, calibration);
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
                throw new IOException($"{folder} does not fit the unit's file system");
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
