using System.Collections.Generic;
using LockSimulator.Budget;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>The virtual file system keeps LittleFS's promises and no more, and charges the device's costs.</summary>
public class VirtualFileSystemTests
{
    private static readonly byte[] Old = [1, 2, 3, 4];
    private static readonly byte[] New = [9, 9, 9, 9];

    /// <summary>Writes Old, then cuts power at the given point of the next write of New.</summary>
    private static VirtualFileSystem CutDuringSecondWrite(int pointOfWrite)
    {
        var files = new VirtualFileSystem();
        Assert.True(files.Write("f", 0, Old, 0, Old.Length));
        files.CutPowerAt(files.CutPoints + pointOfWrite);
        Assert.Throws<PowerCutException>(() => files.Write("f", 0, New, 0, New.Length));
        files.Disarm();
        files.Mount();
        return files;
    }

    [Fact]
    public void Data_written_but_not_committed_is_lost_at_a_cut()
    {
        // Points of a write to an existing file: before the open, after the data went into the open file, after the commit.
        Assert.Equal(Old, CutDuringSecondWrite(0).Contents("f"));
        Assert.Equal(Old, CutDuringSecondWrite(1).Contents("f"));
        Assert.Equal(New, CutDuringSecondWrite(2).Contents("f"));
    }

    [Fact]
    public void A_new_file_exists_empty_when_the_cut_comes_before_its_first_commit()
    {
        var files = new VirtualFileSystem();
        files.CutPowerAt(2);
        Assert.Throws<PowerCutException>(() => files.Write("new", 0, New, 0, New.Length));
        files.Mount();
        Assert.Equal(0, files.Length("new"));
    }

    [Fact]
    public void After_a_cut_nothing_runs_until_the_volume_is_mounted_again()
    {
        VirtualFileSystem files = CutDuringSecondWrite(0);
        files.CutPowerAt(files.CutPoints);
        Assert.Throws<PowerCutException>(() => files.Exists("f"));
        Assert.Throws<System.InvalidOperationException>(() => files.Exists("f"));
    }

    [Fact]
    public void Rename_is_atomic_and_refuses_an_existing_target_as_File_Move_does()
    {
        var files = new VirtualFileSystem();
        files.Write("a", 0, Old, 0, Old.Length);
        files.Write("b", 0, New, 0, New.Length);
        Assert.False(files.Rename("a", "b"));
        Assert.Equal(New, files.Contents("b"));
        Assert.True(files.Delete("b"));
        files.CutPowerAt(files.CutPoints + 1);
        Assert.Throws<PowerCutException>(() => files.Rename("a", "b"));
        files.Mount();
        Assert.Null(files.Contents("a"));
        Assert.Equal(Old, files.Contents("b"));
    }

    [Fact]
    public void A_damaged_volume_is_formatted_at_mount()
    {
        var files = new VirtualFileSystem();
        files.Write("f", 0, Old, 0, Old.Length);
        files.DamageBeforeNextMount();
        files.Mount();
        Assert.True(files.FormattedAtMount);
        Assert.Empty(files.Names);
    }

    [Fact]
    public void A_small_write_into_a_large_file_rewrites_the_rest_of_it()
    {
        // The old design: 32 bytes into the middle of a 64 KiB file.
        var files = new VirtualFileSystem();
        byte[] region = new byte[64 * 1024];
        files.Write("lock.flash", 0, region, 0, region.Length);
        long erasesBefore = files.Erases;
        long before = files.SpentMicros;
        files.Write("lock.flash", 32 * 1024, new byte[32], 0, 32);
        long micros = files.SpentMicros - before;

        BoardBudget budget = files.Budget;
        Assert.True(files.Erases - erasesBefore >= 8, $"{files.Erases - erasesBefore} erases");
        Assert.True(micros >= 8 * budget.FlashSectorEraseMicros, $"{micros} µs");
    }

    [Fact]
    public void An_inline_append_is_one_metadata_commit()
    {
        var files = new VirtualFileSystem();
        long before = files.SpentMicros;
        files.Write("seg", 0, new byte[32], 0, 32);
        Assert.True(files.SpentMicros - before < 5_000, $"{files.SpentMicros - before} µs");
        Assert.Equal(0, files.Erases);
    }

    [Fact]
    public void A_full_volume_refuses_the_write_and_keeps_the_old_contents()
    {
        var files = new VirtualFileSystem(partitionBytes: 6 * 4096);
        files.Write("f", 0, Old, 0, Old.Length);
        Assert.False(files.Write("big", 0, new byte[16 * 1024], 0, 16 * 1024));
        Assert.False(files.Write("f", 0, new byte[16 * 1024], 0, 16 * 1024));
        Assert.Equal(Old, files.Contents("f"));
    }

    [Fact]
    public void The_room_left_follows_growth_deletes_renames_and_a_format()
    {
        // Six 4 KiB blocks: the metadata pair and one spare leave three data blocks.
        var files = new VirtualFileSystem(partitionBytes: 6 * 4096);
        Assert.True(files.Write("a", 0, new byte[8 * 1024], 0, 8 * 1024));
        Assert.False(files.Write("b", 0, new byte[8 * 1024], 0, 8 * 1024));
        Assert.True(files.Delete("a"));
        Assert.True(files.Write("b", 0, new byte[8 * 1024], 0, 8 * 1024));
        Assert.True(files.Rename("b", "c"));
        Assert.True(files.Write("c", 8 * 1024, new byte[4 * 1024], 0, 4 * 1024));
        Assert.False(files.Write("d", 0, new byte[4 * 1024 + 1], 0, 4 * 1024 + 1));
        Assert.False(files.Write("c", 12 * 1024, new byte[1], 0, 1));

        files.DamageBeforeNextMount();
        files.Mount();
        Assert.True(files.Write("d", 0, new byte[12 * 1024], 0, 12 * 1024));
        Assert.Null(files.Contents("c"));
    }

    [Fact]
    public void Appends_keep_every_committed_record_and_a_cut_append_adds_nothing()
    {
        // Appends grow the file's buffer in place (an audit segment's pattern): the committed length and bytes must stay exact.
        var files = new VirtualFileSystem();
        var expected = new List<byte>();
        for (byte r = 1; r <= 5; r++)
        {
            byte[] record = [r, r, r];
            Assert.True(files.Write("seg", expected.Count, record, 0, record.Length));
            expected.AddRange(record);
            Assert.Equal(expected.ToArray(), files.Contents("seg"));
            Assert.Equal(expected.Count, files.Length("seg"));
        }

        files.CutPowerAt(files.CutPoints + 1);
        Assert.Throws<PowerCutException>(() => files.Write("seg", expected.Count, New, 0, New.Length));
        files.Disarm();
        files.Mount();
        Assert.Equal(expected.ToArray(), files.Contents("seg"));

        // A write past the end leaves zeros in the gap.
        Assert.True(files.Write("seg", expected.Count + 2, Old, 0, Old.Length));
        Assert.Equal([.. expected, 0, 0, .. Old], files.Contents("seg"));
        Assert.Equal([.. expected, 0, 0, .. Old], files.Snapshot().Contents("seg"));
    }
}
