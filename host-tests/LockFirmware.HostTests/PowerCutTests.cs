using System.Linq;
using LockSimulator.PowerCut;
using LockSimulator.Virtual;
using Xunit.Abstractions;

namespace LockFirmware.HostTests;

/// <summary>
/// The storage proof over the LittleFS model (simulator/LockSimulator.Engine/PowerCut): a
/// scripted workload of pairing, unlocks, locks, a jam, refusals, a revocation, a battery
/// change, audit reads and acknowledgements, a reboot, unpairing and a new owner, cut at every
/// cut point; random lives cut at random points. After each cut: the states read as the last
/// copy committed, every stored audit record is there (or counted as dropped by the ring),
/// nothing torn or invented is read, the boot count moves on, and the lock opens again.
/// </summary>
public class PowerCutTests
{
    private readonly ITestOutputHelper _output;

    public PowerCutTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_cut_point_of_the_workload_keeps_the_guarantees()
    {
        PowerCutReport report = PowerCutProof.EveryCutPoint();

        Assert.Null(report.FirstLoss);
        Assert.True(report.CutPoints >= 2000, $"only {report.CutPoints} cut points");
        Assert.Equal(report.CutPoints, report.Unlocks);
        _output.WriteLine($"{report.CutPoints} cut points, {report.RecordsChecked} records and {report.StatesChecked} states checked");
    }

    [Fact]
    public void A_snapshot_at_a_cut_point_is_what_a_real_cut_there_leaves()
    {
        var reference = new VirtualFileSystem();
        var snapshots = new System.Collections.Generic.Dictionary<long, VirtualFileSystem>();
        reference.Reaching += point =>
        {
            if (point % 97 == 5)
            {
                snapshots[point] = reference.Snapshot();
            }
        };
        PowerCutWorkload.Scripted(reference);

        Assert.True(snapshots.Count > 15);
        foreach (var (point, snapshot) in snapshots)
        {
            VirtualFileSystem cut = PowerCutProof.Replay(point);
            Assert.Equal(snapshot.Names.OrderBy(n => n), cut.Names.OrderBy(n => n));
            Assert.All(cut.Names, name => Assert.Equal(snapshot.Contents(name), cut.Contents(name)));
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_lives_with_random_cuts_keep_the_guarantees(int seed)
    {
        PowerCutReport report = PowerCutProof.RandomLives(seed, 60);

        Assert.Null(report.FirstLoss);
        Assert.True(report.CutPoints >= 30, $"only {report.CutPoints} cuts struck");
        Assert.Equal(report.CutPoints, report.Unlocks);
    }

    [Fact]
    public void A_volume_damaged_at_mount_leaves_a_lock_that_is_unpaired_says_so_and_stays_shut()
    {
        Assert.Null(PowerCutWorkload.DamagedAtMount());
    }

    [Fact]
    public void The_checks_find_a_lost_state_and_a_damaged_record()
    {
        // The checker itself must be able to fail.
        var files = new VirtualFileSystem();
        var witness = new StorageWitness(files, PowerCutWorkload.AuditSegments);
        PowerCutWorkload.Scripted(files);
        Assert.Null(witness.Check(files, files.CutPoints, witness.Count, out _, out _, out _));

        string segment = files.Names.First(n => n.StartsWith("audit", System.StringComparison.Ordinal) && files.Contents(n)!.Length > 64);
        byte[] flipped = files.Contents(segment)!;
        flipped[40] ^= 0x01;
        files.Write(segment, 0, flipped, 0, flipped.Length);
        Assert.Contains("is lost", witness.Check(files, files.CutPoints, witness.Count, out _, out _, out _));

        files.Delete("safety.a");
        files.Delete("safety.b");
        Assert.Contains("Damaged", witness.Check(files, files.CutPoints, witness.Count, out _, out _, out _));
    }
}
