using System;
using System.IO;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Cli.Commands;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// The unit identity written at production (PROVISION, once) and the pairing it protects: the
/// secret sealed with the unit's factory key, bound to one pairing window.
/// </summary>
public class ProvisioningTests
{
    private static readonly byte[] FactoryKey = Enumerable.Range(0x70, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_new_unit_set_up_by_the_simulator_has_the_files_the_two_provisioning_steps_leave() =>
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "LK000042", LockId = 4242, FactoryKey = FactoryKey });

    [Fact]
    public void Units_set_up_one_after_another_each_have_the_files_of_their_own_provisioning()
    {
        // The simulator writes new units' records with what it keeps per thread: nothing of one unit may reach the next.
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "LK000042", LockId = 4242, FactoryKey = FactoryKey });
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "B7", LockId = 77, Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), AdcCalibration = 9_800 });
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "LK000043", LockId = 4243, Paired = false });
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "LK000044", LockId = 4244, FactoryKey = Enumerable.Range(0x10, 32).Select(i => (byte)i).ToArray() });
        // A shorter key after a full one: the rest of the identity's key is zeros, not the unit before's.
        HasTheFilesOfItsProvisioning(new LockSetup { Serial = "LK000045", LockId = 4245, FactoryKey = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray() });
    }

    private static void HasTheFilesOfItsProvisioning(LockSetup setup)
    {
        byte[] factoryKey = setup.UnitFactoryKey;
        var byHand = new LockSimulator.Virtual.VirtualFileSystem(LockSimulator.Budget.BoardBudget.For(LockSimulator.Budget.Chip.Esp32S3, LockSimulator.Budget.ImageProfile.Stock));
        SimulatedLock.ProvisionIdentity(byHand, setup.Serial, factoryKey, setup.AdcCalibration);
        if (setup.Paired)
        {
            SimulatedLock.Provision(byHand, setup.LockId, setup.Secret, setup.Epoch, factoryKey);
        }

        byHand.Mount();

        var made = new SimulatedLock(setup);
        var booted = new SimulatedLock(setup with { Files = byHand });

        Assert.Equal(booted.Files.Names.Order(), made.Files.Names.Order());
        foreach (string name in made.Files.Names)
        {
            Assert.Equal(booted.Files.Contents(name), made.Files.Contents(name));
        }

        // The same writes wear the flash alike; the simulator's own set-up skips the lookups a
        // LockMemory's mount makes (the audit ring, the revocations), so cut points are not compared.
        Assert.Equal(booted.Files.ProgrammedBytes, made.Files.ProgrammedBytes);
        Assert.Equal(booted.Files.Erases, made.Files.Erases);
        Assert.Equal(setup.Paired, made.Core.Protocol.IsPaired);
    }

    [Fact]
    public void A_blank_unit_is_provisioned_once_and_keeps_its_identity()
    {
        var sim = new SimulatedLock(new LockSetup { Provisioned = false, Paired = false });
        var link = new RawLink(sim);
        UnitInfo blank = link.Info();
        Assert.False(blank.Provisioned);
        link.LongPress();
        Assert.False(link.Info().PairingOpen);              // no factory key, no pairing
        byte[] pair = new byte[PairingSeal.MessageLength];
        pair[0] = MessageType.Pair;
        link.Send(pair);
        Assert.Equal(ResultCode.NotProvisioned, link.LastResult);

        byte[] outOfRange = Provisioning.Message("LK000007", FactoryKey, 10_000);
        outOfRange[^2] = 0x20; // 20 000 parts per 10 000: refused by the unit, not only by the library
        outOfRange[^1] = 0x4E;
        link.Send(outOfRange);
        Assert.Equal(ResultCode.BadFrame, link.LastResult);
        Assert.False(link.Info().Provisioned);

        link.Send(Provisioning.Message("LK000007", FactoryKey, 9_870));
        Assert.Equal(ResultCode.Ok, link.LastResult);
        Assert.Equal(("LK000007", true), (link.Info().Serial, link.Info().Provisioned));
        Assert.Equal(9_870, sim.Core.Protocol.Identity.AdcCalibration);

        link.Send(Provisioning.Message("LK000008", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), 10_000));
        Assert.Equal(ResultCode.AlreadyProvisioned, link.LastResult);
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 10);
        sim.RunFor(100);
        Assert.Equal("LK000007", link.Info().Serial);
        Assert.Equal(FactoryKey, sim.Core.Protocol.Identity.FactoryKey);
        Assert.Equal(9_870, sim.Core.Protocol.Identity.AdcCalibration);
    }

    [Fact]
    public void Pair_made_with_another_units_factory_key_or_for_an_earlier_window_is_refused_and_the_secret_never_crosses_in_clear()
    {
        var sim = new SimulatedLock(new LockSetup { Paired = false, FactoryKey = FactoryKey });
        var link = new RawLink(sim);
        byte[] secret = LockBackend.NewSecret();
        var backend = new LockBackend(4004, secret);

        link.LongPress();
        UnitInfo first = link.Info();
        link.Send(backend.PairMessage(1, first, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), sim.WallTime));
        Assert.Equal(ResultCode.BadMac, link.LastResult);
        byte[] recorded = backend.PairMessage(1, first, FactoryKey, sim.WallTime);

        sim.RunFor(61_000);
        link.LongPress();                                    // a later window has another nonce
        Assert.NotEqual(first.PairingNonce, link.Info().PairingNonce);
        link.Send(recorded);
        Assert.Equal(ResultCode.BadMac, link.LastResult);
        Assert.False(sim.Core.Protocol.IsPaired);

        sim.RunFor(1_000);
        Assert.Equal(ResultCode.Ok, link.Pair(backend, sim.WallTime));
        Assert.True(sim.Core.Protocol.IsPaired);
        string secretHex = Convert.ToHexString(secret);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.BleIn), e => e.Value.Contains(secretHex[..16]) || e.Value.Contains(secretHex[16..32]));
        SimulatedPhone staff = new(sim, backend.Issue(new CredentialFields
        {
            LockId = 4004, KeyId = 2, UserId = 2, ValidFrom = sim.WallTime.AddHours(-1), ValidUntil = sim.WallTime.AddHours(1),
        }), backend);
        staff.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(5_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void The_provision_command_writes_a_unit_once_over_its_link()
    {
        string unit = Path.Combine(Path.GetTempPath(), $"unit-{Guid.NewGuid():N}");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            string key = Convert.ToHexString(FactoryKey);
            Assert.Equal(0, ProvisionCommand.Run(["--serial", "LK000042", "--factory-key", key, "--adc-calibration", "10150", "--unit", unit], output, error));
            Assert.Contains("PROVISION LK000042 → Ok", output.ToString());
            Assert.Contains("serial LK000042, provisioned", output.ToString());

            output = new StringWriter();
            Assert.Equal(1, ProvisionCommand.Run(["--serial", "LK000043", "--factory-key", key, "--unit", unit], output, error));
            Assert.Contains("AlreadyProvisioned", output.ToString());
            Assert.Contains("serial LK000042", output.ToString());

            Assert.Equal(2, ProvisionCommand.Run(["--serial", "LK000043", "--factory-key", key, "--adc-calibration", "40000"], output, error));
            Assert.Equal(2, ProvisionCommand.Run(["--serial", "TOO-LONG-SERIAL", "--factory-key", key], output, error));
            Assert.Contains("provision: ", error.ToString());
            Assert.Contains("(see: LockSimulator provision --help)", error.ToString());
        }
        finally
        {
            if (Directory.Exists(unit))
            {
                Directory.Delete(unit, recursive: true);
            }
        }
    }
}
