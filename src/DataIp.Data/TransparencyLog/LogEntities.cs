namespace DataIp.Data.TransparencyLog;

/// <summary>
/// One entry of the public log: the RFC 8785 canonical JSON of an act, at the index the act's
/// transaction took. Entries are appended in index order and never change.
/// </summary>
public sealed class LogEntry
{
    /// <summary>Position in the log, from 0, gap-free.</summary>
    public long Index { get; set; }

    /// <summary>The act the entry records.</summary>
    public Guid ActId { get; set; }

    /// <summary>RFC 9162 leaf hash of <see cref="Entry"/> (32 bytes).</summary>
    public byte[] LeafHash { get; set; } = [];

    /// <summary>The canonical entry bytes (at most 65,535, the tlog-tiles limit).</summary>
    public byte[] Entry { get; set; } = [];
}

/// <summary>
/// The hash of a complete subtree above the leaves (level ≥ 1), written when the sequencer
/// integrates the entries it covers. Keyed by <see cref="LogNodeKey"/>.
/// </summary>
public sealed class LogNode
{
    /// <summary><see cref="LogNodeKey.Of"/> of the node's level and index.</summary>
    public long Key { get; set; }

    /// <summary>The subtree hash (32 bytes).</summary>
    public byte[] Hash { get; set; } = [];
}

/// <summary>A checkpoint the log signed and published, with its signed note.</summary>
public sealed class LogCheckpoint
{
    /// <summary>The tree size; the key (the log signs at most one checkpoint per size).</summary>
    public long TreeSize { get; set; }

    /// <summary>The root hash at that size (32 bytes).</summary>
    public byte[] RootHash { get; set; } = [];

    /// <summary>The signed note: checkpoint text and signature lines.</summary>
    public string Note { get; set; } = "";

    /// <summary>When it was signed.</summary>
    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>The sequencer's progress: how many entries are integrated into stored nodes.</summary>
public sealed class LogState
{
    /// <summary>Always 1: one row.</summary>
    public int Id { get; set; } = 1;

    /// <summary>Entries [0, IntegratedSize) have all their complete subtrees stored.</summary>
    public long IntegratedSize { get; set; }
}

/// <summary>Packs a node's (level, index) into one orderable key: level in the top 7 bits.</summary>
public static class LogNodeKey
{
    /// <summary>Indices must stay below 2^56 (72 quadrillion leaves at level 0).</summary>
    public const int IndexBits = 56;

    /// <summary>The key of node (level, index).</summary>
    public static long Of(int level, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 63);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 1L << IndexBits);
        return ((long)level << IndexBits) | index;
    }
}
