using System.Collections.ObjectModel;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// The stored hashes a proof is made of, and how to assemble them (transparency-dev/merkle's
/// proof.Nodes). A proof hash is either the hash of a complete subtree, read as is, or the hash of
/// an <em>ephemeral</em> node: a subtree cut off by the tree's right edge, which is never stored
/// and is recomputed from the complete subtrees that cover it. A proof has at most one ephemeral
/// node. Immutable.
/// </summary>
public sealed class ProofNodes
{
    private readonly int _ephemeralBegin;
    private readonly int _ephemeralEnd;

    internal ProofNodes(List<NodeId> ids, int ephemeralBegin, int ephemeralEnd)
    {
        Ids = ids.AsReadOnly();
        _ephemeralBegin = ephemeralBegin;
        _ephemeralEnd = ephemeralEnd;
        ProofLength = ephemeralEnd > ephemeralBegin ? ids.Count - (ephemeralEnd - ephemeralBegin) + 1 : ids.Count;
    }

    /// <summary>The complete subtrees to read, in proof order (bottom-up); the nodes that make up the
    /// ephemeral node, if any, are adjacent and largest first.</summary>
    public ReadOnlyCollection<NodeId> Ids { get; }

    /// <summary>The number of hashes in the assembled proof.</summary>
    public int ProofLength { get; }

    /// <summary>Assembles the proof from the hashes of <see cref="Ids"/>, folding the ephemeral
    /// node's parts into its hash (RFC 9162 §2.1.1: MTH of the leaves right of the split).</summary>
    /// <param name="hashes">The hash of each node of <see cref="Ids"/>, in the same order.</param>
    /// <returns>The proof hashes, <see cref="ProofLength"/> of them, bottom-up.</returns>
    /// <exception cref="ArgumentException">The number of hashes differs from the number of ids.</exception>
    public IReadOnlyList<Hash> Rehash(IReadOnlyList<Hash> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count != Ids.Count)
        {
            throw new ArgumentException($"Expected {Ids.Count} hashes, one per node id; got {hashes.Count}.", nameof(hashes));
        }

        var proof = new Hash[ProofLength];
        var next = 0;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (i == _ephemeralBegin && _ephemeralEnd > _ephemeralBegin)
            {
                var parts = new Hash[_ephemeralEnd - _ephemeralBegin];
                for (var j = 0; j < parts.Length; j++)
                {
                    parts[j] = hashes[_ephemeralBegin + j];
                }

                proof[next++] = MerkleTree.Fold(parts);
                i = _ephemeralEnd - 1;
            }
            else
            {
                proof[next++] = hashes[i];
            }
        }

        return proof;
    }
}
