namespace LockSimulator.Virtual;

/// <summary>The file operations the lock's storage port offers, for cost accounting.</summary>
public enum StorageOperation
{
    /// <summary>Exists or Length: a directory lookup.</summary>
    Lookup,
    Read,

    /// <summary>Open (creating when absent), write, close: the commit.</summary>
    Write,
    Delete,
    Rename,
}
