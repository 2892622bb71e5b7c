using System.Data;
using System.Data.Common;
using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Cli.Audit;

/// <summary>
/// Audits a register database against its own transparency log and the log's public keys, and
/// reports every finding (M2 item 6: "detects any edited, deleted or reordered past act"):
/// <list type="number">
/// <item>entries: indices 0, 1, 2, … up to the log's counter; leaf hash = HashLeaf(entry); canonical JSON whose index and
/// actId are the row's; one entry per act (<see cref="EntryChecks"/>);</item>
/// <item>tree: the root at every checkpoint's size, recomputed from the leaf hashes, is the
/// checkpoint's; the stored subtree hashes are the recomputed ones (<see cref="TreeAudit"/>); each
/// checkpoint's note verifies with both keys and says the row's origin, size and root
/// (<see cref="CheckpointChecks"/>);</item>
/// <item>acts: every entry has its act row and every act row its entry; the row agrees with the
/// entry field by field, private fields by their salted digests (<see cref="ActChecks"/>); and the
/// acts' order in the register is their order in the log.</item>
/// </list>
/// It only reads, inside one read-only transaction (a snapshot, so that a platform appending
/// meanwhile causes no false finding), in batches, so memory stays small whatever the log's size
/// (a set of act ids and the roots at checkpoint sizes aside).
/// </summary>
internal static class LogAuditor
{
    /// <summary>Entries (and acts) read per query.</summary>
    public const int BatchSize = 1000;

    /// <summary>Audits the log in <paramref name="db"/>.</summary>
    /// <param name="db">The register's database; used for reading only.</param>
    /// <param name="keys">The log's public keys, which checkpoints must verify with.</param>
    /// <param name="cancellationToken">Cancels the audit.</param>
    /// <returns>What was read and every finding.</returns>
    /// <exception cref="DbException">The database cannot be read (not this schema, unreachable).</exception>
    public static async Task<LogAuditReport> AuditAsync(RegistryDbContext db, LogPublicKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            var findings = new List<AuditFinding>();
            var integratedSize = await new LogStore(db).IntegratedSizeAsync(cancellationToken).ConfigureAwait(false);
            var checkpointSizes = await db.LogCheckpoints.AsNoTracking().Select(c => c.TreeSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            var tree = new TreeAudit(integratedSize, checkpointSizes.ToHashSet());

            await CheckEntriesAsync(db, tree, findings, cancellationToken).ConfigureAwait(false);
            await CheckCounterAsync(db, tree.Size, findings, cancellationToken).ConfigureAwait(false);
            await tree.CheckExtraNodesAsync(db, findings, cancellationToken).ConfigureAwait(false);
            var checkpoints = await CheckpointChecks.CheckAsync(db, keys, tree.Roots, findings, cancellationToken).ConfigureAwait(false);
            await CheckActsWithoutEntryAsync(db, findings, cancellationToken).ConfigureAwait(false);
            var acts = await CheckActOrderAsync(db, findings, cancellationToken).ConfigureAwait(false);
            return new LogAuditReport(tree.Size, acts, checkpoints, integratedSize, findings);
        }
    }

    // One pass over the entries in index order, with the acts and salts they record: checks 1, 2
    // (the tree) and 3 (acts against entries).
    private static async Task CheckEntriesAsync(RegistryDbContext db, TreeAudit tree, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        var seenActIds = new HashSet<Guid>();
        long expected = 0;
        var after = long.MinValue;
        while (true)
        {
            var from = after;
            var batch = await db.LogEntries.AsNoTracking().Where(e => e.Index > from).OrderBy(e => e.Index).Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }

            var actIds = batch.Select(e => e.ActId).ToList();
            var acts = await db.Acts.AsNoTracking().Where(a => actIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch)
            {
                if (entry.Index != expected)
                {
                    findings.Add(new(FindingKind.EntryIndex, $"entry {entry.Index}: the next index should be {expected}: entries are missing or misnumbered"));
                }

                expected = entry.Index + 1;
                var checkedEntry = EntryChecks.Check(entry, seenActIds, findings);
                tree.Append(Hash.TryFromBytes(entry.LeafHash, out var leafHash) ? leafHash : Rfc9162.HashLeaf(entry.Entry));
                ActChecks.Check(checkedEntry, acts.GetValueOrDefault(entry.ActId), findings);
            }

            await tree.CheckNodesAsync(db, findings, cancellationToken).ConfigureAwait(false);
            after = batch[^1].Index;
        }
    }

    // The serial "log" (LogAppender) hands out each index once and takes back those of rolled-back
    // transactions, so it counts the committed entries: fewer stored means the newest were
    // deleted, including those no checkpoint covers yet.
    private static async Task CheckCounterAsync(RegistryDbContext db, long entries, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        var handedOut = await db.SerialCounters.AsNoTracking().Where(c => c.Scope == "log").Select(c => (long?)c.Value)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;
        if (handedOut != entries)
        {
            findings.Add(new(FindingKind.EntryIndex, $"log counter: {handedOut} indices were handed out but {entries} entries are stored: entries were deleted or added"));
        }
    }

    private static async Task CheckActsWithoutEntryAsync(RegistryDbContext db, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        var orphans = await db.Acts.AsNoTracking().Where(a => !db.LogEntries.Any(e => e.ActId == a.Id)).OrderBy(a => a.Sequence)
            .Select(a => new { a.Sequence, a.LogIndex, a.Id, a.Type }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var act in orphans)
        {
            findings.Add(new(FindingKind.ActMissing,
                $"act {act.Id} ({act.Type}, sequence {act.Sequence}, log index {act.LogIndex}): no log entry records it: the act was added or its id changed"));
        }
    }

    // The register's order (sequence) must be the log's (index): each act takes its index in its
    // own transaction, before its row is inserted, and holds the log's counter until it commits.
    private static async Task<long> CheckActOrderAsync(RegistryDbContext db, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        long count = 0;
        (long Sequence, long LogIndex)? previous = null;
        var after = long.MinValue;
        while (true)
        {
            var from = after;
            var batch = await db.Acts.AsNoTracking().Where(a => a.Sequence > from).OrderBy(a => a.Sequence).Take(BatchSize)
                .Select(a => new { a.Sequence, a.LogIndex, a.Id, a.Type }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var act in batch)
            {
                if (previous is { } before && act.LogIndex <= before.LogIndex)
                {
                    findings.Add(new(FindingKind.ActOrder,
                        $"act {act.Id} ({act.Type}, sequence {act.Sequence}, log index {act.LogIndex}): comes after the act of sequence {before.Sequence} in the register but before its log index {before.LogIndex}: acts were reordered"));
                }

                previous = (act.Sequence, act.LogIndex);
            }

            count += batch.Count;
            after = batch[^1].Sequence;
        }
    }
}
