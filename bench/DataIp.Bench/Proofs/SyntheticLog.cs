using System.Globalization;
using System.Text;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Bench.Proofs;

/// <summary>
/// A log of synthetic entries for the proof benchmark, generated again on demand instead of kept
/// in memory: entry <c>i</c> is the canonical JSON
/// <c>{"act":"benchmark","at":"…","index":i,"logVersion":1,"note":"……"}</c> (members already in
/// RFC 8785 order), the note padding it to about <see cref="EntryBytes"/>, so that rows are as
/// large as real ones (a submission's entry is about 900 bytes, a plain state change's about 300).
/// Its leaf hash can be recomputed to check a proof.
/// </summary>
internal static class SyntheticLog
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static string _note = "";

    /// <summary>About how many bytes an entry has (at least about 100, without a note).</summary>
    public static int EntryBytes
    {
        get => 100 + _note.Length;
        set => _note = new string('x', Math.Max(0, value - 100));
    }

    public static byte[] Entry(long index) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{{\"act\":\"benchmark\",\"at\":\"{Epoch.AddSeconds(index).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}\",\"index\":{index},\"logVersion\":1,\"note\":\"{_note}\"}}"));

    public static Hash LeafHash(long index) => Rfc9162.HashLeaf(Entry(index));

    /// <summary>The act id of entry <paramref name="index"/>: a version 7 GUID whose time is the
    /// index in milliseconds, so ids are unique and increasing (appending to the ActId index).</summary>
    public static Guid ActId(long index) => Guid.CreateVersion7(Epoch.AddMilliseconds(index));

    /// <summary>Entries [0, size) with their leaf hashes, in index order.</summary>
    public static IEnumerable<(long Index, Guid ActId, byte[] Entry, byte[] LeafHash)> Entries(long size)
    {
        for (long index = 0; index < size; index++)
        {
            var entry = Entry(index);
            yield return (index, ActId(index), entry, Rfc9162.HashLeaf(entry).ToArray());
        }
    }

    /// <summary>
    /// The nodes above the leaves of the tree of <paramref name="size"/> entries, as
    /// <see cref="LogStore.IntegrateAsync"/> stores them (every complete subtree of level ≥ 1,
    /// keyed by <see cref="LogNodeKey.Of"/>), computed with the same <see cref="CompactRange"/>.
    /// <paramref name="range"/> ends holding the whole tree, for its root.
    /// </summary>
    public static IEnumerable<(long Key, byte[] Hash)> Nodes(long size, CompactRange range)
    {
        var completed = new List<(long, byte[])>(64);
        for (long index = 0; index < size; index++)
        {
            completed.Clear();
            range.Append(LeafHash(index), (node, hash) =>
            {
                if (node.Level > 0)
                {
                    completed.Add((LogNodeKey.Of(node.Level, (long)node.Index), hash.ToArray()));
                }
            });
            foreach (var node in completed)
            {
                yield return node;
            }
        }
    }
}
