using System.Numerics;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// A Merkle tree held in memory with every complete subtree hash (about two hashes per leaf), for
/// tests, tools and small trees such as a dataset fingerprint. Serves proofs for any earlier size
/// through <see cref="IHashSource"/>. Holds at most <see cref="int.MaxValue"/> leaves.
/// Not thread-safe.
/// </summary>
public sealed class InMemoryMerkleTree : IHashSource
{
    // _levels[l][i] is the hash of the complete node (l, i).
    private readonly List<List<Hash>> _levels = [];
    private readonly CompactRange _range = new();

    /// <summary>The number of leaves appended.</summary>
    public ulong Size => _range.Size;

    /// <summary>Appends a leaf hash (HashLeaf of the entry) and stores every node it completes.</summary>
    /// <param name="leafHash">The next leaf hash.</param>
    /// <exception cref="InvalidOperationException">The tree already holds <see cref="int.MaxValue"/> leaves.</exception>
    public void Append(Hash leafHash)
    {
        if (Size == int.MaxValue)
        {
            throw new InvalidOperationException($"An in-memory tree holds at most {int.MaxValue} leaves.");
        }

        _range.Append(leafHash, Store);
    }

    /// <summary>Hashes an entry (<see cref="Rfc9162.HashLeaf"/>) and appends it.</summary>
    /// <param name="entry">The entry's bytes.</param>
    /// <returns>The leaf hash appended.</returns>
    public Hash AppendEntry(ReadOnlySpan<byte> entry)
    {
        var leafHash = Rfc9162.HashLeaf(entry);
        Append(leafHash);
        return leafHash;
    }

    /// <summary>MTH of the whole tree so far.</summary>
    /// <returns>The current root hash.</returns>
    public Hash RootHash() => _range.RootHash();

    /// <summary>MTH(D[0:size]): the root the tree had when it held <paramref name="size"/> leaves,
    /// folded from the perfect subtrees that cover them.</summary>
    /// <param name="size">0..<see cref="Size"/>.</param>
    /// <returns>The root hash at that size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> exceeds <see cref="Size"/>.</exception>
    public Hash RootHash(ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        var subtrees = new Hash[BitOperations.PopCount(size)];
        ulong begin = 0;
        var next = 0;
        for (var level = 63; level >= 0; level--)
        {
            if (((size >> level) & 1) == 1)
            {
                subtrees[next++] = GetHash(new NodeId(level, begin >> level));
                begin += 1UL << level;
            }
        }

        return MerkleTree.Fold(subtrees);
    }

    /// <inheritdoc />
    public Hash GetHash(NodeId node)
    {
        if (node.Level >= _levels.Count || node.Index >= (ulong)_levels[node.Level].Count)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Node {node} is not complete in a tree of {Size} leaves.");
        }

        return _levels[node.Level][(int)node.Index];
    }

    private void Store(NodeId node, Hash hash)
    {
        if (node.Level == _levels.Count)
        {
            _levels.Add([]);
        }

        // Nodes of a level complete in index order, so the next one is always appended.
        _levels[node.Level].Add(hash);
    }
}
