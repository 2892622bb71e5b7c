using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Cli.Audit;

/// <summary>
/// Check 2 of the audit, the tree half: rebuilds the tree from the stored leaf hashes in one pass
/// (a <see cref="CompactRange"/>, as the sequencer does), notes the root at every checkpoint's
/// size, and compares every subtree hash the pass completes within the integrated size with the
/// stored <see cref="LogNode"/>. Each leaf hash is itself checked against its entry (check 1), so
/// entry → leaf → root is covered link by link. Not thread-safe: one audit at a time.
/// </summary>
/// <param name="integratedSize">The sequencer's integrated size: the nodes of [0, integratedSize) must be stored.</param>
/// <param name="checkpointSizes">The sizes whose roots to note.</param>
internal sealed class TreeAudit(long integratedSize, IReadOnlySet<long> checkpointSizes)
{
    private readonly CompactRange _range = new();
    private readonly Dictionary<long, Hash> _roots = checkpointSizes.Contains(0) ? new() { [0] = Rfc9162.EmptyRoot } : [];
    private readonly Dictionary<long, (NodeId Id, Hash Hash)> _pending = [];

    // Stored nodes the pass has met: any other stored node is one the tree does not have.
    private long _storedNodesMet;

    /// <summary>The leaves appended so far.</summary>
    public long Size => (long)_range.Size;

    /// <summary>The recomputed root at each checkpoint size reached so far.</summary>
    public IReadOnlyDictionary<long, Hash> Roots => _roots;

    /// <summary>Appends the next leaf; the subtrees it completes are compared at the next <see cref="CheckNodesAsync"/>.</summary>
    /// <param name="leafHash">The stored leaf hash (or, when it is not 32 bytes, the entry's own).</param>
    public void Append(Hash leafHash)
    {
        // The nodes completed by leaf i cover only leaves ≤ i: integrated when i is.
        var integrated = Size < integratedSize;
        _range.Append(leafHash, (node, hash) =>
        {
            if (integrated && node.Level > 0)
            {
                _pending[LogNodeKey.Of(node.Level, (long)node.Index)] = (node, hash);
            }
        });
        if (checkpointSizes.Contains(Size))
        {
            _roots[Size] = _range.RootHash();
        }
    }

    /// <summary>Compares the subtree hashes completed since the last call with the stored nodes.</summary>
    /// <param name="db">The database.</param>
    /// <param name="findings">Receives missing and different nodes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task CheckNodesAsync(RegistryDbContext db, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var keys = _pending.Keys.ToList();
        var stored = await db.LogNodes.AsNoTracking().Where(n => keys.Contains(n.Key))
            .ToDictionaryAsync(n => n.Key, n => n.Hash, cancellationToken).ConfigureAwait(false);
        foreach (var (key, (id, hash)) in _pending.OrderBy(p => p.Key))
        {
            var subject = $"node {id} (entries {id.Begin}–{id.End - 1})";
            if (!stored.TryGetValue(key, out var bytes))
            {
                findings.Add(new(FindingKind.Node, $"{subject}: not stored, although the integrated size {integratedSize} covers it"));
            }
            else if (!Hash.TryFromBytes(bytes, out var storedHash) || storedHash != hash)
            {
                findings.Add(new(FindingKind.Node, $"{subject}: the stored hash {Convert.ToHexStringLower(bytes)} is not the hash of its leaves ({hash})"));
            }
        }

        _storedNodesMet += stored.Count;
        _pending.Clear();
    }

    /// <summary>
    /// Reports stored nodes the tree of [0, min(integrated size, entries)) does not have: level-0
    /// rows, nodes beyond that size, keys that are no node at all. Runs the per-level queries only
    /// when more nodes are stored than the pass met.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="findings">Receives the extra nodes.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task CheckExtraNodesAsync(RegistryDbContext db, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        if (integratedSize > Size)
        {
            findings.Add(new(FindingKind.Node, $"log state: the integrated size is {integratedSize} but the log has only {Size} entries"));
        }

        if (await db.LogNodes.LongCountAsync(cancellationToken).ConfigureAwait(false) == _storedNodesMet)
        {
            return;
        }

        var covered = Math.Min(integratedSize, Size);
        var extra = new List<long>();
        extra.AddRange(await ExtraKeysAsync(db, long.MinValue, LogNodeKey.Of(1, 0), cancellationToken).ConfigureAwait(false));
        for (var level = 1; level < 63; level++)
        {
            var end = level == 62 ? long.MaxValue : LogNodeKey.Of(level + 1, 0);
            extra.AddRange(await ExtraKeysAsync(db, LogNodeKey.Of(level, covered >> level), end, cancellationToken).ConfigureAwait(false));
        }

        foreach (var key in extra)
        {
            var level = (int)(key >>> LogNodeKey.IndexBits);
            var index = key & ((1L << LogNodeKey.IndexBits) - 1);
            findings.Add(new(FindingKind.Node, $"node key {key} (level {level}, index {index}): stored, but the tree of the {covered} integrated entries has no such node"));
        }
    }

    private static Task<List<long>> ExtraKeysAsync(RegistryDbContext db, long from, long to, CancellationToken cancellationToken) =>
        db.LogNodes.AsNoTracking().Where(n => n.Key >= from && n.Key < to).OrderBy(n => n.Key).Select(n => n.Key).ToListAsync(cancellationToken);
}
