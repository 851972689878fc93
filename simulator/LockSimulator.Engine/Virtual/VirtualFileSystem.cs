using System;
using System.Collections.Generic;
using LockFirmware.Ports;
using LockSimulator.Budget;

namespace LockSimulator.Virtual;

/// <summary>
/// nanoFramework's LittleFS volume (drive I: on the ESP32) as the lock's storage port sees it,
/// with LittleFS's power-loss semantics and a cost for every operation:
/// <list type="bullet">
/// <item>Data written but not yet committed is lost at a cut; closing a file commits it
/// atomically (littlefs README and DESIGN.md: copy-on-write, "if power is lost the filesystem
/// falls back to the last known good state"). Opening a file that does not exist creates its
/// entry at once (lfs_file_opencfg with LFS_O_CREAT commits it), so a cut before the first
/// close leaves it there, empty.</item>
/// <item>Delete and rename are single metadata commits, atomic. Rename refuses an existing
/// target, as nanoFramework's File.Move does.</item>
/// <item>A file up to the inline limit lives in its directory's metadata log: a commit appends
/// the whole file to that log, and when the 4 KiB log block is full LittleFS compacts it into
/// the other block of the pair (an erase, then the live entries, at most half a block before
/// it splits the pair: littlefs DESIGN.md, "metadata pairs"). A larger file lives in data
/// blocks (CTZ skip-list), and a commit rewrites every block from the one holding the write
/// position to the end of the file (lfs_file_flush copies the rest of the file).</item>
/// <item>A file system found damaged at mount is formatted: nanoFramework registers the
/// volume with format_if_mount_failed (nf-interpreter targetHAL_ConfigStorageLittlefs.c).</item>
/// </list>
/// Power can be cut at any numbered point: before every operation, after a created entry,
/// after the data went into the open file, and after the commit landed but before the call
/// returned; a cut throws <see cref="PowerCutException"/> and the volume stays unpowered until
/// <see cref="Mount"/>. Costs come from <see cref="BoardBudget"/>, at typical flash timing or the datasheets' maximum.
/// </summary>
public sealed class VirtualFileSystem : IFileSystem
{
    // Room for a unit's records and its first audit segments (a fleet lock's day ends at 7 files) without growing.
    private readonly Dictionary<string, StoredFile> _files = new(7, StringComparer.Ordinal);
    private static readonly int OperationKinds = Enum.GetValues<StorageOperation>().Length;
    /// <summary>The longest charge of each operation, indexed by it.</summary>
    private readonly long[] _worst = new long[OperationKinds];
    /// <summary>The files' metadata bytes and data blocks (what <see cref="Fits"/> weighs), kept as files change once known; see <see cref="Sized"/>.</summary>
    private long _metadataBytes;
    private long _dataBlocks;
    private bool _sized;
    private long _cutAt = -1;
    private bool _mounted = true;
    private bool _damaged;
    private int _logUsed;
    private long _compactions;
    private readonly int _eraseMicros;
    private readonly int _pageMicros;

    /// <param name="partitionBytes">Size of the volume; the budget's partition when null.</param>
    /// <param name="slowestFlash">Charge the datasheets' maximum erase and program times instead of the typical ones.</param>
    public VirtualFileSystem(BoardBudget? budget = null, int? partitionBytes = null, bool slowestFlash = false)
    {
        Budget = budget ?? BoardBudget.For(Chip.Esp32S3, ImageProfile.LowPower);
        PartitionBytes = partitionBytes ?? Budget.FileSystemPartitionBytes;
        SlowestFlash = slowestFlash;
        _eraseMicros = slowestFlash ? Budget.FlashSectorEraseMaxMicros : Budget.FlashSectorEraseMicros;
        _pageMicros = slowestFlash ? Budget.FlashPageProgramMaxMicros : Budget.FlashPageProgramMicros;
    }

    public BoardBudget Budget { get; }

    public int PartitionBytes { get; }

    public bool SlowestFlash { get; }

    /// <summary>Cut points passed so far: every place a power cut can strike.</summary>
    public long CutPoints { get; private set; }

    /// <summary>True when the last <see cref="Mount"/> found the volume damaged and formatted it.</summary>
    public bool FormattedAtMount { get; private set; }

    /// <summary>Flash blocks erased (metadata compactions and data blocks).</summary>
    public long Erases { get; private set; }

    /// <summary>Bytes programmed into flash, all overhead included.</summary>
    public long ProgrammedBytes { get; private set; }

    /// <summary>Bytes the callers asked to write.</summary>
    public long PayloadBytes { get; private set; }

    /// <summary>Virtual device time spent in storage operations, µs.</summary>
    public long SpentMicros { get; private set; }

    /// <summary>Raised after each operation with its virtual cost in µs (a device-timing profile can advance the clock by it).</summary>
    public event Action<StorageOperation, long>? Spent;

    /// <summary>Raised when a write's commit lands (see <see cref="FileCommit"/>).</summary>
    public event Action<FileCommit>? Committed;

    /// <summary>Raised at every cut point as it is reached, before a cut there would strike, with its number.</summary>
    public event Action<long>? Reaching;

    /// <summary>The slowest operation of each kind so far, µs.</summary>
    public long WorstMicros(StorageOperation operation) => _worst[(int)operation];

    public IReadOnlyCollection<string> Names => _files.Keys;

    /// <summary>A copy of a file's committed contents, or null.</summary>
    public byte[]? Contents(string name) => _files.TryGetValue(name, out StoredFile? file) ? file.Committed.ToArray() : null;

    /// <summary>
    /// The volume as a cut right now would leave it: the committed files and the flash's
    /// bookkeeping, unpowered until <see cref="Mount"/>, without this one's subscribers.
    /// </summary>
    public VirtualFileSystem Snapshot()
    {
        var copy = new VirtualFileSystem(Budget, PartitionBytes, SlowestFlash)
        {
            CutPoints = CutPoints,
            Erases = Erases,
            ProgrammedBytes = ProgrammedBytes,
            PayloadBytes = PayloadBytes,
            _logUsed = _logUsed,
            _compactions = _compactions,
            _mounted = false,
        };
        foreach (var (name, file) in _files)
        {
            copy._files[name] = new StoredFile(file.Committed.ToArray());
        }

        return copy;
    }

    /// <summary>Arms a power cut at cut point <paramref name="point"/> (see <see cref="CutPoints"/>).</summary>
    public void CutPowerAt(long point) => _cutAt = point;

    public void Disarm() => _cutAt = -1;

    /// <summary>The next mount will find the volume corrupt (a failing chip, a bad image).</summary>
    public void DamageBeforeNextMount() => _damaged = true;

    /// <summary>Power-up: nanoFramework mounts the volume before managed code runs, formatting it when damaged.</summary>
    public void Mount()
    {
        _mounted = true;
        FormattedAtMount = _damaged;
        if (_damaged)
        {
            _files.Clear();
            _sized = false;
            _logUsed = 0;
            _damaged = false;
            Erases += 2;
        }
    }

    public bool Exists(string name)
    {
        Point();
        Spend(StorageOperation.Lookup, Budget.FileOpenMicros);
        return _files.ContainsKey(name);
    }

    public int Length(string name)
    {
        Point();
        Spend(StorageOperation.Lookup, Budget.FileOpenMicros);
        return _files.TryGetValue(name, out StoredFile? file) ? file.Length : -1;
    }

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        Point();
        int read = 0;
        if (_files.TryGetValue(name, out StoredFile? file) && position < file.Length)
        {
            read = Math.Min(count, file.Length - position);
            Array.Copy(file.Bytes, position, buffer, offset, read);
        }

        Spend(StorageOperation.Read, Budget.FileOpenMicros + (long)Budget.FlashReadMicrosPerKiB * Math.Max(read, 1) / 1024);
        return read;
    }

    public bool Write(string name, int position, byte[] buffer, int offset, int count)
    {
        if (position < 0 || count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "negative position or count");
        }

        Point();
        long cost = Budget.FileOpenMicros;
        if (!_files.TryGetValue(name, out StoredFile? file))
        {
            if (!Fits(null, 0))
            {
                Spend(StorageOperation.Write, cost);
                return false;
            }

            cost += MetadataCommit(0);
            file = new StoredFile([]);
            _files[name] = file;
            Resized(-1, 0);
            Point();
        }

        int length = Math.Max(file.Length, position + count);
        PayloadBytes += count;
        // In the open file only: a cut here loses it. The committed bytes are not touched
        // until the commit below has landed, so nothing needs copying before it.
        Point();
        if (!Fits(file, length))
        {
            Spend(StorageOperation.Write, cost);
            return false;
        }

        cost += Commit(file.Length, length, position);
        Resized(file.Length, length);
        file.Apply(position, buffer.AsSpan(offset, count), Budget.FileSystemInlineMaxBytes);
        Committed?.Invoke(new FileCommit(name, position, count, file.Committed.ToArray(), CutPoints));
        Point();
        Spend(StorageOperation.Write, cost);
        return true;
    }

    public bool Delete(string name)
    {
        Point();
        long cost = Budget.FileOpenMicros;
        if (_files.TryGetValue(name, out StoredFile? file))
        {
            cost += MetadataCommit(0);
            _files.Remove(name);
            Resized(file.Length, -1);
            Point();
        }

        Spend(StorageOperation.Delete, cost);
        return true;
    }

    public bool Rename(string from, string to)
    {
        Point();
        long cost = Budget.FileOpenMicros;
        if (!_files.TryGetValue(from, out StoredFile? file) || _files.ContainsKey(to))
        {
            Spend(StorageOperation.Rename, cost);
            return false;
        }

        cost += MetadataCommit(0);
        _files.Remove(from);
        _files[to] = file;
        Point();
        Spend(StorageOperation.Rename, cost);
        return true;
    }

    private void Point()
    {
        if (!_mounted)
        {
            throw new InvalidOperationException("the file system has no power: mount it first");
        }

        Reaching?.Invoke(CutPoints);
        if (CutPoints == _cutAt)
        {
            CutPoints++;
            _mounted = false;
            throw new PowerCutException();
        }

        CutPoints++;
    }

    /// <summary>Device time of closing a file whose length goes from <paramref name="oldLength"/> to <paramref name="newLength"/>.</summary>
    private long Commit(int oldLength, int newLength, int position)
    {
        if (newLength <= Budget.FileSystemInlineMaxBytes)
        {
            // Inline: the whole file goes into the metadata log again.
            return MetadataCommit(newLength);
        }

        int block = Budget.FileSystemBlockBytes;
        // Coming out of inline, or copy-on-write from the block holding the write position on.
        int first = oldLength <= Budget.FileSystemInlineMaxBytes ? 0 : position / block;
        int last = (newLength - 1) / block;
        long cost = 0;
        for (int b = first; b <= last; b++)
        {
            int bytes = Math.Min(block, newLength - b * block);
            cost += _eraseMicros + Program(bytes);
            Erases++;
        }

        return cost + MetadataCommit(8);
    }

    /// <summary>One commit of <paramref name="bytes"/> of file data to the metadata log, compacting first when the log block is full.</summary>
    private long MetadataCommit(int bytes)
    {
        int unit = Budget.FileSystemProgramBytes;
        int size = (bytes + Budget.FileSystemCommitOverheadBytes + unit - 1) / unit * unit;
        long cost = 0;
        if (_logUsed + size > Budget.FileSystemBlockBytes)
        {
            int live = Math.Min(LiveMetadataBytes(), Budget.FileSystemBlockBytes / 2);
            cost += _eraseMicros + Program(live);
            Erases++;
            _logUsed = live;
            _compactions++;
            if (_compactions % Budget.FileSystemBlockCycles == 0)
            {
                // The pair moves to fresh blocks: its parent learns the new address in one more commit.
                cost += Program(unit);
            }
        }

        _logUsed += size;
        return cost + Program(size);
    }

    private long Program(int bytes)
    {
        ProgrammedBytes += bytes;
        int pages = (bytes + Budget.FlashPageBytes - 1) / Budget.FlashPageBytes;
        return (long)pages * _pageMicros;
    }

    /// <summary>What the files' entries take in a metadata pair now: the total kept in step with every change (<see cref="Resized"/>), not a scan of the files.</summary>
    private int LiveMetadataBytes()
    {
        Sized();
        return (int)_metadataBytes;
    }

    /// <summary>
    /// Whether the volume has blocks for the files with <paramref name="file"/> at
    /// <paramref name="length"/> bytes (null: a new file of that length beside them).
    /// </summary>
    private bool Fits(StoredFile? file, int length)
    {
        Sized();
        int block = Budget.FileSystemBlockBytes;
        long inline = _metadataBytes;
        long dataBlocks = _dataBlocks;
        if (file != null)
        {
            inline += MetadataBytesOf(length) - MetadataBytesOf(file.Length);
            dataBlocks += DataBlocksOf(length) - DataBlocksOf(file.Length);
        }
        else
        {
            inline += Budget.FileSystemCommitOverheadBytes + length;
        }

        long pairs = Math.Max(1, (inline + block / 2 - 1) / (block / 2));
        // Every metadata pair takes two blocks; one more block stays free for copy-on-write.
        return 2 * pairs + dataBlocks + 1 <= PartitionBytes / block;
    }

    /// <summary>A file's entry in its metadata pair: the commit overhead and its bytes inline, or the 8 bytes of its skip-list's head.</summary>
    private int MetadataBytesOf(int length) =>
        Budget.FileSystemCommitOverheadBytes + (length <= Budget.FileSystemInlineMaxBytes ? length : 8);

    /// <summary>A file's data blocks: none while it is inline.</summary>
    private int DataBlocksOf(int length) =>
        length <= Budget.FileSystemInlineMaxBytes ? 0 : (length + Budget.FileSystemBlockBytes - 1) / Budget.FileSystemBlockBytes;

    /// <summary>Works the files' totals out once (a new, formatted or copied volume), rather than at every write.</summary>
    private void Sized()
    {
        if (_sized)
        {
            return;
        }

        _metadataBytes = 0;
        _dataBlocks = 0;
        foreach (StoredFile file in _files.Values)
        {
            Resized(-1, file.Length);
        }

        _sized = true;
    }

    /// <summary>A file's length goes from <paramref name="from"/> to <paramref name="to"/> (-1: no such file) in the totals.</summary>
    private void Resized(int from, int to)
    {
        if (from >= 0)
        {
            _metadataBytes -= MetadataBytesOf(from);
            _dataBlocks -= DataBlocksOf(from);
        }

        if (to >= 0)
        {
            _metadataBytes += MetadataBytesOf(to);
            _dataBlocks += DataBlocksOf(to);
        }
    }

    private void Spend(StorageOperation operation, long micros)
    {
        SpentMicros += micros;
        if (micros > _worst[(int)operation])
        {
            _worst[(int)operation] = micros;
        }

        Spent?.Invoke(operation, micros);
    }

    /// <summary>
    /// A file's committed bytes in a buffer that may be longer, written in place: an audit
    /// append (32 bytes after the last record) copies nothing. A file's first write gets a buffer
    /// of its size (the records are rewritten at one size); a file that grows past it is a log
    /// being appended to, and gets room up to the inline limit at once (an audit segment's 512
    /// bytes: one growth instead of four), then doubles. Only the host's buffer: lengths, and so
    /// every charge, are the same. The buffer is this volume's alone (Snapshot and Contents copy it).
    /// </summary>
    private sealed class StoredFile(byte[] bytes)
    {
        public byte[] Bytes { get; private set; } = bytes;

        public int Length { get; private set; } = bytes.Length;

        public ReadOnlySpan<byte> Committed => Bytes.AsSpan(0, Length);

        /// <param name="room">What a growing file gets at once (the inline limit).</param>
        public void Apply(int position, ReadOnlySpan<byte> data, int room)
        {
            int length = Math.Max(Length, position + data.Length);
            if (length > Bytes.Length)
            {
                int grown = Bytes.Length == 0 ? length : Math.Max(length, Math.Max(room, 2 * Bytes.Length));
                byte[] larger = new byte[grown];
                Bytes.AsSpan(0, Length).CopyTo(larger);
                Bytes = larger;
            }

            // A write past the end with a gap leaves zeros, as the copy into a fresh array did.
            data.CopyTo(Bytes.AsSpan(position));
            Length = length;
        }
    }
}
