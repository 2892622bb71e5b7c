using System.Globalization;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// Reads the stored log (entries, subtree hashes, checkpoints) and integrates committed entries
/// into the tree. One instance per database context.
/// </summary>
public sealed class LogStore(RegistryDbContext db)
{
    /// <summary>How many entries are committed (they always form a prefix of the log).</summary>
    public async Task<long> CommittedSizeAsync(CancellationToken cancellationToken) =>
        await db.LogEntries.MaxAsync(e => (long?)e.Index, cancellationToken).ConfigureAwait(false) + 1 ?? 0;

    /// <summary>The latest signed checkpoint, or null before the first.</summary>
    public Task<LogCheckpoint?> LatestCheckpointAsync(CancellationToken cancellationToken) =>
        db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Replaces the signed note of the checkpoint of <paramref name="treeSize"/> if it is still
    /// <paramref name="expected"/> (a check-and-set: cosignatures are added to the note, never
    /// anything else changed). Returns false when the note changed meanwhile.
    /// </summary>
    public async Task<bool> ReplaceNoteAsync(long treeSize, string expected, string replacement, CancellationToken cancellationToken) =>
        await db.LogCheckpoints.Where(c => c.TreeSize == treeSize && c.Note == expected)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Note, replacement), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>How many entries have their subtree hashes stored.</summary>
    public async Task<long> IntegratedSizeAsync(CancellationToken cancellationToken) =>
        (await db.LogStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false))?.IntegratedSize ?? 0;

    /// <summary>
    /// Integrates up to <paramref name="maxEntries"/> committed entries: stores the hash of every
    /// subtree they complete and advances the integrated size, in one transaction. Returns the new
    /// integrated size and its root.
    /// </summary>
    /// <remarks>
    /// Crash safety: nodes and the integrated size commit together, so after a crash the next call
    /// starts from the last committed size; nodes are a pure function of the entries, so work
    /// redone writes the same hashes.
    /// </remarks>
    public async Task<(long Size, Hash Root)> IntegrateAsync(int maxEntries, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var state = await db.LogStates.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            state = new LogState();
            db.LogStates.Add(state);
        }

        var range = await CompactRangeAsync(state.IntegratedSize, cancellationToken).ConfigureAwait(false);
        var leaves = await db.LogEntries.AsNoTracking().Where(e => e.Index >= state.IntegratedSize)
            .OrderBy(e => e.Index).Take(maxEntries).Select(e => new { e.Index, e.LeafHash })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var nodes = new List<LogNode>(leaves.Count + 64);
        foreach (var leaf in leaves)
        {
            if (leaf.Index != (long)range.Size)
            {
                throw new InvalidOperationException($"Couldn't integrate the log: entry {range.Size} is missing but {leaf.Index} exists.");
            }

            range.Append(Hash.FromBytes(leaf.LeafHash), (node, hash) =>
            {
                if (node.Level > 0)
                {
                    nodes.Add(new LogNode { Key = LogNodeKey.Of(node.Level, (long)node.Index), Hash = hash.ToArray() });
                }
            });
        }

        // The nodes without the change tracker (about one per entry); the state through EF.
        await new LogRowWriter(db).InsertNodesAsync(nodes, async: true, cancellationToken).ConfigureAwait(false);
        state.IntegratedSize = (long)range.Size;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return ((long)range.Size, range.RootHash());
    }

    /// <summary>The hashes of the given complete subtrees, in order (leaves from entries, higher levels from nodes).</summary>
    /// <remarks>
    /// One query (UNION ALL of both tables), so a proof costs one round trip, not two. Leaves and
    /// nodes share one key space: a leaf's key is its index, <see cref="LogNodeKey.Of"/> of level 0,
    /// and a node's key carries its level (≥ 1) in the top bits, so the two never collide. The query
    /// is a plain command, not LINQ: EF's query pipeline (parameter extraction, the query cache)
    /// took more time than the database on every proof (docs/performance.md).
    /// </remarks>
    /// <exception cref="InvalidOperationException">A node is not stored (not yet integrated, or deleted).</exception>
    public async Task<IReadOnlyList<Hash>> GetHashesAsync(IReadOnlyList<NodeId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var leafIndices = ids.Where(i => i.Level == 0).Select(i => (long)i.Index).ToArray();
        var nodeKeys = ids.Where(i => i.Level > 0).Select(i => LogNodeKey.Of(i.Level, (long)i.Index)).ToArray();
        var found = await ReadHashesAsync(leafIndices, nodeKeys, cancellationToken).ConfigureAwait(false);
        return [.. ids.Select(id => found.GetValueOrDefault(LogNodeKey.Of(id.Level, (long)id.Index)) is { } hash
            ? Hash.FromBytes(hash)
            : throw new InvalidOperationException($"Couldn't read log node {id}: it is not stored."))];
    }

    /// <summary>
    /// The hashes of tree level <paramref name="treeLevel"/>, nodes [start, start + count),
    /// concatenated (a tlog-tiles hash tile when the level is a multiple of 8). Level 0 is the
    /// entries' leaf hashes, there as soon as the entries are committed; higher levels are stored
    /// nodes, there once integrated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not 0..62, start is negative or count is not positive (a caller bug).</exception>
    /// <exception cref="InvalidOperationException">A node of the range is not stored.</exception>
    public async Task<byte[]> ReadLevelAsync(int treeLevel, long start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeLevel, 62);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var hashes = treeLevel == 0
            ? await db.LogEntries.AsNoTracking().Where(e => e.Index >= start && e.Index < start + count).OrderBy(e => e.Index)
                .Select(e => e.LeafHash).ToListAsync(cancellationToken).ConfigureAwait(false)
            : await db.LogNodes.AsNoTracking()
                .Where(n => n.Key >= LogNodeKey.Of(treeLevel, start) && n.Key < LogNodeKey.Of(treeLevel, start) + count)
                .OrderBy(n => n.Key).Select(n => n.Hash).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (hashes.Count != count)
        {
            throw new InvalidOperationException($"Couldn't read level {treeLevel} nodes {start}–{start + count - 1}: {hashes.Count} of {count} are stored.");
        }

        return [.. hashes.SelectMany(h => h)];
    }

    /// <summary>Entries [start, start + count) in order (a tlog-tiles entry bundle's entries).</summary>
    /// <exception cref="ArgumentOutOfRangeException">start is negative or count is not positive (a caller bug).</exception>
    /// <exception cref="InvalidOperationException">An entry of the range is not stored: never a short bundle.</exception>
    public async Task<List<byte[]>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var entries = await db.LogEntries.AsNoTracking().Where(e => e.Index >= start && e.Index < start + count).OrderBy(e => e.Index)
            .Select(e => e.Entry).ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.Count == count
            ? entries
            : throw new InvalidOperationException($"Couldn't read entries {start}–{start + count - 1}: {entries.Count} of {count} are stored.");
    }

    /// <summary>One entry, or null.</summary>
    public Task<LogEntry?> ReadEntryAsync(long index, CancellationToken cancellationToken) =>
        db.LogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Index == index, cancellationToken);

    /// <summary>
    /// The root of the tree of the first <paramref name="size"/> entries, from the stored hashes of
    /// its complete subtrees (one per set bit of the size). Every size up to the integrated size has
    /// them; beyond it a root is computed only when the hashes it needs happen to be stored, which is
    /// still the tree's root, and otherwise the read fails: never a wrong root.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative (a caller bug).</exception>
    /// <exception cref="InvalidOperationException">A hash it needs is not stored.</exception>
    public async Task<Hash> RootAtAsync(long size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return (await CompactRangeAsync(size, cancellationToken).ConfigureAwait(false)).RootHash();
    }

    /// <summary>The compact range of [0, size) from stored hashes: one complete subtree per set bit of size.</summary>
    private async Task<CompactRange> CompactRangeAsync(long size, CancellationToken cancellationToken)
    {
        var ids = new List<NodeId>();
        ulong begin = 0;
        for (var level = 62; level >= 0; level--)
        {
            if (((ulong)size & (1UL << level)) != 0)
            {
                ids.Add(new NodeId(level, begin >> level));
                begin += 1UL << level;
            }
        }

        return CompactRange.FromHashes((ulong)size, await GetHashesAsync(ids, cancellationToken).ConfigureAwait(false));
    }

    // Only the leaf hash: the entry itself (up to 64 KB) is not needed for a proof. SQLite takes
    // each key list as JSON text (json_each), PostgreSQL as a bigint[].
    private const string SqliteHashesSql =
        """
        SELECT "Index", "LeafHash" FROM "LogEntries" WHERE "Index" IN (SELECT value FROM json_each(@leaves))
        UNION ALL
        SELECT "Key", "Hash" FROM "LogNodes" WHERE "Key" IN (SELECT value FROM json_each(@nodes))
        """;

    private const string PostgresHashesSql =
        """
        SELECT "Index", "LeafHash" FROM "LogEntries" WHERE "Index" = ANY($1)
        UNION ALL
        SELECT "Key", "Hash" FROM "LogNodes" WHERE "Key" = ANY($2)
        """;

    private async Task<Dictionary<long, byte[]>> ReadHashesAsync(long[] leafIndices, long[] nodeKeys, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sqlite = db.Provider == DatabaseProvider.Sqlite;
            command.CommandText = sqlite ? SqliteHashesSql : PostgresHashesSql;
            foreach (var (name, keys) in new[] { ("@leaves", leafIndices), ("@nodes", nodeKeys) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = sqlite ? name : ""; // PostgreSQL: positional $1, $2
                parameter.Value = sqlite ? "[" + string.Join(',', keys.Select(k => k.ToString(CultureInfo.InvariantCulture))) + "]" : keys;
                command.Parameters.Add(parameter);
            }

            var found = new Dictionary<long, byte[]>(leafIndices.Length + nodeKeys.Length);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
            }

            return found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
