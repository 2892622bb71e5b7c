using System.Numerics;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// Tree-wide facts and the batch root computation of an RFC 9162 Merkle tree (RFC 9162 §2.1.1).
/// Thread-safe: all members are pure functions.
/// </summary>
/// <remarks>
/// Sizes and indices are <see cref="ulong"/>, as in RFC 9162 (uint64 tree_size, leaf_index) and
/// transparency-dev/merkle, so the proof algorithms' bit operations work on unsigned values. They
/// are capped at <see cref="MaxSize"/> = 2^63 − 1 so that every size and index also fits a signed
/// 64-bit column (PostgreSQL bigint, SQLite INTEGER) and a .NET <see cref="long"/>, and so that no
/// intermediate value (an end of a subtree, a size plus one) can reach 2^64. The domain is compiled
/// with overflow checking, so an arithmetic slip throws instead of wrapping.
/// </remarks>
public static class MerkleTree
{
    /// <summary>The largest tree size (and one more than the largest leaf index): 2^63 − 1.</summary>
    public const ulong MaxSize = long.MaxValue;

    /// <summary>
    /// MTH(D[n]) (RFC 9162 §2.1.1) of the given leaf hashes: the empty root for no leaves, the leaf
    /// hash itself for one, otherwise HashChildren(MTH(D[0:k]), MTH(D[k:n])) where k is the largest
    /// power of two smaller than n. Computed iteratively in one pass with O(log n) extra memory
    /// (the same fold as <see cref="CompactRange"/>), not by recursion.
    /// </summary>
    /// <param name="leafHashes">The leaf hashes in log order (each HashLeaf of an entry).</param>
    /// <returns>The root hash.</returns>
    public static Hash RootHash(ReadOnlySpan<Hash> leafHashes)
    {
        if (leafHashes.IsEmpty)
        {
            return Rfc9162.EmptyRoot;
        }

        // One pending perfect subtree per set bit of the number of leaves seen so far.
        Span<Hash> pending = stackalloc Hash[64];
        var count = 0;
        for (var i = 0; i < leafHashes.Length; i++)
        {
            count = Push(pending, count, (ulong)i, leafHashes[i]);
        }

        return Fold(pending[..count]);
    }

    /// <summary>Appends the leaf at <paramref name="leafIndex"/> to the pending perfect subtrees,
    /// merging equal-sized neighbours (one merge per trailing 1-bit of the index).</summary>
    internal static int Push(Span<Hash> pending, int count, ulong leafIndex, Hash leafHash)
    {
        var hash = leafHash;
        for (var index = leafIndex; (index & 1) == 1; index >>= 1)
        {
            count--;
            hash = Rfc9162.HashChildren(pending[count], hash);
        }

        pending[count] = hash;
        return count + 1;
    }

    /// <summary>Hashes perfect subtrees, largest (leftmost) first, into the root over all of them:
    /// right to left, as RFC 9162's split puts the largest power of two on the left.</summary>
    internal static Hash Fold(ReadOnlySpan<Hash> subtrees)
    {
        if (subtrees.IsEmpty)
        {
            return Rfc9162.EmptyRoot;
        }

        var hash = subtrees[^1];
        for (var i = subtrees.Length - 2; i >= 0; i--)
        {
            hash = Rfc9162.HashChildren(subtrees[i], hash);
        }

        return hash;
    }

    /// <summary>The number of bits needed to write <paramref name="value"/>: 0 for 0, 64 for 2^63.</summary>
    internal static int BitLength(ulong value) => 64 - BitOperations.LeadingZeroCount(value);
}
