using System.Collections.Concurrent;
using DataIp.Data.Acts;
using DataIp.Data.Numbering;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.TransparencyLog;

/// <summary>
/// The acts a context has appended to the log since it last saved. Saving the context writes them
/// first (<see cref="Write"/>, <see cref="WriteAsync"/>), inside the context's transaction:
/// <list type="number">
/// <item>one statement takes their indices, a block of the <c>log</c> serial, in the order the acts
/// were appended; the counter row stays locked until the transaction ends, so the next block goes
/// to the next transaction to commit, and a rollback gives the block back (no gap);</item>
/// <item>each entry is completed with its index (RFC 8785 canonical bytes, leaf hash) and the index
/// is set on its act;</item>
/// <item>the acts (with their salts) and entries are inserted without the change tracker
/// (<see cref="LogRowWriter"/>); the acts are never tracked;</item>
/// <item>then EF saves everything else, in the same transaction.</item>
/// </list>
/// If saving fails, the transaction must be rolled back, as after any failed <c>SaveChanges</c>.
/// Not thread-safe, like the context that owns it.
/// </summary>
internal sealed class PendingLogEntries
{
    /// <summary>The serial that numbers log entries (index = serial − 1).</summary>
    public const string Scope = "log";

    private readonly List<PendingLogEntry> _entries = [];

    /// <summary>Whether nothing waits to be written.</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds an act's prepared entry; it is written at the next save, after those added before.</summary>
    public void Add(PendingLogEntry entry) => _entries.Add(entry);

    /// <summary>Takes the indices and writes the acts, entries and salts (for <c>SaveChangesAsync</c>).</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or an entry is too large.</exception>
    public Task WriteAsync(RegistryDbContext db, CancellationToken cancellationToken) => WriteCoreAsync(db, async: true, cancellationToken);

    /// <summary>Takes the indices and writes the acts, entries and salts (for <c>SaveChanges</c>).</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or an entry is too large.</exception>
    public void Write(RegistryDbContext db)
    {
        var writing = WriteCoreAsync(db, async: false, CancellationToken.None);
        // With async false every step ran synchronously, so the task is complete.
        writing.GetAwaiter().GetResult();
    }

    private async Task WriteCoreAsync(RegistryDbContext db, bool async, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return;
        }

        // 1. The block of indices, in one statement; the counter row stays locked until the transaction ends.
        var writer = new LogRowWriter(db);
        writer.Faults.Before(LogWriteStep.ReserveIndices);
        var first = (async
            ? await SerialNumbers.ReserveAsync(db, Scope, _entries.Count, cancellationToken).ConfigureAwait(false)
            : SerialNumbers.Reserve(db, Scope, _entries.Count)) - 1;

        // 2. Each entry gets its index, in append order.
        for (var i = 0; i < _entries.Count; i++)
        {
            _entries[i].Complete(checked(first + i));
        }

        // 3. The rows, without the change tracker; each act gets its sequence. The acts are not
        // tracked: EF never writes them, and no code path changes an act once recorded (acts read
        // back by a query are tracked, and RegistryDbContext refuses changes to those).
        await writer.InsertActsAsync([.. _entries.Select(e => e.Act)], async, cancellationToken).ConfigureAwait(false);
        await writer.InsertEntriesAsync([.. _entries.Select(e => e.LogEntry)], async, cancellationToken).ConfigureAwait(false);
        _entries.Clear();
    }
}

/// <summary>An act's entry, prepared by <see cref="LogAppender"/> but for its index.</summary>
internal sealed class PendingLogEntry(Act act, LogEntry logEntry)
{
    // Canonical forms of member names: a few dozen names written in code, shared by all entries.
    private static readonly ConcurrentDictionary<string, byte[]> CanonicalNames = new(StringComparer.Ordinal);

    // Top-level members: name → (canonical name, canonical value); a null value is the index, still to come.
    private readonly Dictionary<string, (byte[] Name, byte[]? Value)> _members = new(StringComparer.Ordinal);

    public Act Act { get; } = act;

    /// <summary>The entry as it will be stored; completed by <see cref="Complete"/>.</summary>
    public LogEntry LogEntry { get; } = logEntry;

    /// <summary>Sets a top-level member to a canonical value, replacing one of the same name;
    /// <c>null</c> stands for the entry's index.</summary>
    public void Set(string name, byte[]? canonicalValue) =>
        _members[name] = (CanonicalNames.GetOrAdd(name, static n => JsonCanonicalizer.CanonicalizeString(n)), canonicalValue);

    /// <summary>The entry's length in bytes if its index is <paramref name="index"/>.</summary>
    public int EntryLengthWith(long index)
    {
        var indexLength = LogAppender.Number(index).Length;
        // '{' and '}', and per member its name, ':' and value, and a ',' between members.
        return 1 + _members.Values.Sum(m => m.Name.Length + 1 + (m.Value?.Length ?? indexLength)) + _members.Count;
    }

    /// <summary>Gives the entry its index: the canonical bytes, the leaf hash, the act's log index.</summary>
    /// <exception cref="InvalidOperationException">The entry is too large.</exception>
    public void Complete(long index)
    {
        var entry = Canonical(index);
        if (entry.Length > LogAppender.MaxEntryBytes)
        {
            throw LogAppender.TooLarge(Act, entry.Length);
        }

        Act.LogIndex = index;
        LogEntry.Index = index;
        LogEntry.Entry = entry;
        LogEntry.LeafHash = Rfc9162.HashLeaf(entry).ToArray();
    }

    // RFC 8785 §3.2.3: the members sorted by the UTF-16 code units of their names (an ordinal
    // comparison of .NET strings), no whitespace; each value is canonical already.
    private byte[] Canonical(long index)
    {
        var indexValue = LogAppender.Number(index);
        var output = new byte[EntryLengthWith(index)];
        var at = 0;
        output[at++] = (byte)'{';
        foreach (var name in _members.Keys.Order(StringComparer.Ordinal))
        {
            if (at > 1)
            {
                output[at++] = (byte)',';
            }

            var (canonicalName, value) = _members[name];
            canonicalName.CopyTo(output, at);
            at += canonicalName.Length;
            output[at++] = (byte)':';
            (value ?? indexValue).CopyTo(output, at);
            at += (value ?? indexValue).Length;
        }

        output[at++] = (byte)'}';
        return at == output.Length ? output : throw new InvalidOperationException($"Entry length miscounted: {at} bytes written, {output.Length} expected.");
    }
}
