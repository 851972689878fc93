namespace LockSimulator.Virtual;

/// <summary>
/// A write whose commit landed: the file, where the bytes went, the file's new contents, and
/// the cut point right after the commit. A cut at that point or later finds the commit;
/// only a cut after it finds the write returned to its caller.
/// </summary>
public sealed record FileCommit(string Name, int Position, int Count, byte[] Contents, long LandedAt);
