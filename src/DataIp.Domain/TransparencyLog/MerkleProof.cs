using System.Numerics;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// Inclusion and consistency proofs of an RFC 9162 Merkle tree: which stored hashes make them up,
/// building them from an <see cref="IHashSource"/>, and verifying them (RFC 9162 §2.1.3–§2.1.4).
/// Generation is done by the log, whose arguments are its own, so a bad argument is a caller bug and
/// throws; verification handles what a client was sent, so a bad proof is a
/// <see cref="ProofVerification"/> result, never an exception. Thread-safe: all members are pure.
/// </summary>
public static partial class MerkleProof
{
    /// <summary>
    /// The nodes of PATH(index, D[size]) (RFC 9162 §2.1.3.1): the siblings on the way from the leaf
    /// to the root, bottom-up. Below the point where the leaf's path meets the right edge of the
    /// tree each level contributes its sibling (the last of them possibly ephemeral); above it only
    /// left siblings exist.
    /// </summary>
    /// <param name="index">The leaf index, less than <paramref name="size"/>.</param>
    /// <param name="size">The tree size, at most <see cref="MerkleTree.MaxSize"/>.</param>
    /// <returns>The nodes to read and assemble.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is too large or
    /// <paramref name="index"/> is not below it.</exception>
    public static ProofNodes InclusionNodes(ulong index, ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MerkleTree.MaxSize);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Leaf {index} is not in a tree of size {size}.");
        }

        var ids = new List<NodeId>();
        AddPath(ids, 0, index, size, out var ephemeralBegin, out var ephemeralEnd);
        return new ProofNodes(ids, ephemeralBegin, ephemeralEnd);
    }

    /// <summary>
    /// The nodes of PROOF(size1, D[size2]) (RFC 9162 §2.1.4.1). The last perfect subtree of the
    /// size1 tree, (level, index) with level = the trailing zero bits of size1, is the node where
    /// the two trees part; the proof is that node's hash (left out when size1 is a power of two,
    /// because it is then root1, which the verifier has) followed by the path from it to the root
    /// of the size2 tree. Equal sizes give an empty proof.
    /// </summary>
    /// <param name="size1">The earlier size: 0 &lt; size1 ≤ size2. A proof from the empty tree is
    /// refused, as in <see cref="VerifyConsistency(ulong, ulong, IReadOnlyList{Hash}, Hash, Hash)"/>.</param>
    /// <param name="size2">The later size, at most <see cref="MerkleTree.MaxSize"/>.</param>
    /// <returns>The nodes to read and assemble.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sizes break 0 &lt; size1 ≤ size2 ≤ MaxSize.</exception>
    public static ProofNodes ConsistencyNodes(ulong size1, ulong size2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size2, MerkleTree.MaxSize);
        ArgumentOutOfRangeException.ThrowIfZero(size1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        var ids = new List<NodeId>();
        if (size1 == size2)
        {
            return new ProofNodes(ids, 0, 0);
        }

        var level = BitOperations.TrailingZeroCount(size1);
        var index = (size1 - 1) >> level;
        if (index != 0)
        {
            ids.Add(new NodeId(level, index));
        }

        AddPath(ids, level, index, size2, out var ephemeralBegin, out var ephemeralEnd);
        return new ProofNodes(ids, ephemeralBegin, ephemeralEnd);
    }

    /// <summary>Builds PATH(index, D[size]) from stored hashes (RFC 9162 §2.1.3.1).</summary>
    /// <param name="index">The leaf index, less than <paramref name="size"/>.</param>
    /// <param name="size">The tree size, at most what <paramref name="source"/> holds.</param>
    /// <param name="source">The stored hashes.</param>
    /// <returns>The inclusion proof, bottom-up.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="InclusionNodes"/>.</exception>
    public static IReadOnlyList<Hash> Inclusion(ulong index, ulong size, IHashSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Build(InclusionNodes(index, size), source);
    }

    /// <summary>Builds PROOF(size1, D[size2]) from stored hashes (RFC 9162 §2.1.4.1).</summary>
    /// <param name="size1">The earlier size: 0 &lt; size1 ≤ size2.</param>
    /// <param name="size2">The later size, at most what <paramref name="source"/> holds.</param>
    /// <param name="source">The stored hashes.</param>
    /// <returns>The consistency proof.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="ConsistencyNodes"/>.</exception>
    public static IReadOnlyList<Hash> Consistency(ulong size1, ulong size2, IHashSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Build(ConsistencyNodes(size1, size2), source);
    }

    private static IReadOnlyList<Hash> Build(ProofNodes nodes, IHashSource source)
    {
        var hashes = new Hash[nodes.Ids.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = source.GetHash(nodes.Ids[i]);
        }

        return nodes.Rehash(hashes);
    }

    /// <summary>Adds the path from the complete node (level, index) to the root of a tree of
    /// <paramref name="size"/> leaves, bottom-up, marking the ephemeral node's parts if there are any.</summary>
    private static void AddPath(List<NodeId> ids, int level, ulong index, ulong size, out int ephemeralBegin, out int ephemeralEnd)
    {
        ephemeralBegin = ephemeralEnd = 0;

        // The node of this level that holds the last leaf; the paths of the two meet (the fork)
        // 'inner' levels up. Below the fork every sibling is complete except perhaps the one just
        // under it, which lies right of the path and holds the last leaf.
        var last = (size - 1) >> level;
        var inner = MerkleTree.BitLength(index ^ last);
        for (var j = 0; j < inner; j++)
        {
            var siblingLevel = level + j;
            var sibling = (index >> j) ^ 1;
            var siblingBegin = sibling << siblingLevel;
            if (j == inner - 1 && siblingBegin + (1UL << siblingLevel) > size)
            {
                ephemeralBegin = ids.Count;
                AddCover(ids, siblingBegin, size);
                ephemeralEnd = ids.Count;
            }
            else
            {
                ids.Add(new NodeId(siblingLevel, sibling));
            }
        }

        // Above the fork the path runs along the right edge, where only left siblings exist.
        for (var j = inner; (index >> j) != 0; j++)
        {
            if (((index >> j) & 1) == 1)
            {
                ids.Add(new NodeId(level + j, (index >> j) - 1));
            }
        }
    }

    /// <summary>Adds the perfect subtrees covering [begin, end), largest first; begin is aligned to
    /// a power of two larger than end − begin, so the cover follows the bits of end − begin.</summary>
    private static void AddCover(List<NodeId> ids, ulong begin, ulong end)
    {
        var remaining = end - begin;
        for (var level = MerkleTree.BitLength(remaining) - 1; level >= 0; level--)
        {
            if (((remaining >> level) & 1) == 1)
            {
                ids.Add(new NodeId(level, begin >> level));
                begin += 1UL << level;
            }
        }
    }
}
