namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// A complete (perfect) subtree of a Merkle tree: the <see cref="Index"/>-th node of
/// <see cref="Level"/>, covering the leaves [<see cref="Begin"/>, <see cref="End"/>). Level 0 holds
/// the leaf hashes; the node (l, i) is HashChildren((l−1, 2i), (l−1, 2i+1)). Such a node's hash
/// never changes once its last leaf is appended, which is why stores keep exactly these (the
/// layout of transparency-dev/merkle's compact.NodeID and of C2SP tlog-tiles). Immutable.
/// </summary>
public readonly record struct NodeId
{
    /// <summary>Creates the id of a complete subtree that can exist in a tree of at most
    /// <see cref="MerkleTree.MaxSize"/> leaves.</summary>
    /// <param name="level">0 for leaves; the subtree holds 2^level leaves. 0..62.</param>
    /// <param name="index">The position among the nodes of that level, from 0, such that the
    /// subtree ends within <see cref="MerkleTree.MaxSize"/> leaves.</param>
    /// <exception cref="ArgumentOutOfRangeException">The node cannot be complete in any allowed tree
    /// (a caller bug).</exception>
    public NodeId(int level, ulong index)
    {
        // Check the level first: C# masks a ulong shift count to 6 bits, so 2^64 would wrap to 1.
        if (level is < 0 or >= 63)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A node level is 0..62.");
        }

        if (index >= MerkleTree.MaxSize >> level)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Node {index} of level {level} ends beyond the largest tree size {MerkleTree.MaxSize}.");
        }

        Level = level;
        Index = index;
    }

    /// <summary>The height above the leaves: 0 for a leaf, and the subtree holds 2^Level leaves.</summary>
    public int Level { get; }

    /// <summary>The position of this node among the nodes of its level, from 0.</summary>
    public ulong Index { get; }

    /// <summary>The first leaf the subtree covers: Index × 2^Level.</summary>
    public ulong Begin => Index << Level;

    /// <summary>One past the last leaf the subtree covers: (Index + 1) × 2^Level; at most
    /// <see cref="MerkleTree.MaxSize"/>.</summary>
    public ulong End => (Index + 1) << Level;

    /// <summary>"(level, index)", e.g. "(3, 1)" for the subtree over leaves 8..15.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant($"({Level}, {Index})");
}
