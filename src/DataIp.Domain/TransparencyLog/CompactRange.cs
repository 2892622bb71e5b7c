using System.Collections.ObjectModel;
using System.Numerics;
using System.Runtime.InteropServices;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// The right edge of a growing Merkle tree: the roots of the perfect subtrees that together cover
/// the leaves [0, <see cref="Size"/>), one per set bit of the size, largest first (the compact
/// range [0, size) of transparency-dev/merkle). That is all a log sequencer must keep to append
/// entries and compute the current root: O(log n) memory, O(1) amortised hashing per append and
/// O(log n) per root.
/// Not thread-safe: one writer at a time (the single sequencer).
/// </summary>
public sealed class CompactRange
{
    private readonly List<Hash> _hashes = [];

    /// <summary>Creates the range of the empty tree.</summary>
    public CompactRange()
    {
        Hashes = _hashes.AsReadOnly();
    }

    /// <summary>The number of leaves appended so far, at most <see cref="MerkleTree.MaxSize"/>.</summary>
    public ulong Size { get; private set; }

    /// <summary>The roots of the perfect subtrees covering [0, Size), largest (leftmost) first;
    /// as many as there are set bits in <see cref="Size"/>. Persist these with the size to resume
    /// with <see cref="FromHashes"/>.</summary>
    public ReadOnlyCollection<Hash> Hashes { get; }

    /// <summary>Resumes a range from a saved size and its <see cref="Hashes"/>.</summary>
    /// <param name="size">The tree size, at most <see cref="MerkleTree.MaxSize"/>.</param>
    /// <param name="hashes">The perfect subtree roots, largest first: exactly one per set bit of
    /// <paramref name="size"/>.</param>
    /// <returns>The range, ready to append leaf <paramref name="size"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is too large.</exception>
    /// <exception cref="ArgumentException">The number of hashes does not match the size.</exception>
    public static CompactRange FromHashes(ulong size, IEnumerable<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MerkleTree.MaxSize);
        var range = new CompactRange { Size = size };
        range._hashes.AddRange(hashes);
        var expected = BitOperations.PopCount(size);
        if (range._hashes.Count != expected)
        {
            throw new ArgumentException($"A range of size {size} has {expected} hashes (one per set bit); got {range._hashes.Count}.", nameof(hashes));
        }

        return range;
    }

    /// <summary>
    /// Appends the next leaf, merging the perfect subtrees it completes. Each node whose hash
    /// becomes final is reported to <paramref name="visitor"/>, the leaf first and then its new
    /// ancestors bottom-up, so a store can persist exactly the nodes an <see cref="IHashSource"/>
    /// serves.
    /// </summary>
    /// <param name="leafHash">The leaf hash of entry number <see cref="Size"/> (HashLeaf of the entry).</param>
    /// <param name="visitor">Called with each newly completed node and its hash; may be null.</param>
    /// <exception cref="InvalidOperationException">The tree already holds
    /// <see cref="MerkleTree.MaxSize"/> leaves.</exception>
    public void Append(Hash leafHash, Action<NodeId, Hash>? visitor = null)
    {
        if (Size == MerkleTree.MaxSize)
        {
            throw new InvalidOperationException($"The tree is full at {MerkleTree.MaxSize} leaves.");
        }

        var hash = leafHash;
        var level = 0;
        var index = Size;
        visitor?.Invoke(new NodeId(level, index), hash);

        // Each trailing 1-bit of the leaf index is a left sibling of equal size waiting to merge.
        while ((index & 1) == 1)
        {
            hash = Rfc9162.HashChildren(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
            level++;
            index >>= 1;
            visitor?.Invoke(new NodeId(level, index), hash);
        }

        _hashes.Add(hash);
        Size++;
    }

    /// <summary>MTH(D[Size]): the root of the tree so far; the empty root when nothing was appended.</summary>
    /// <returns>The root hash.</returns>
    public Hash RootHash() => MerkleTree.Fold(CollectionsMarshal.AsSpan(_hashes));
}
