namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// Where proof generation reads stored hashes: the hash of any complete subtree of the log
/// (level 0 being the leaf hashes). The seam for an in-memory tree
/// (<see cref="InMemoryMerkleTree"/>), a database table of nodes, or C2SP tlog-tiles.
/// </summary>
/// <remarks>
/// A store that reads asynchronously or in batches need not implement this: it can take the node
/// list from <see cref="MerkleProof.InclusionNodes"/> or <see cref="MerkleProof.ConsistencyNodes"/>,
/// fetch those hashes however it likes and hand them to <see cref="ProofNodes.Rehash"/>.
/// </remarks>
public interface IHashSource
{
    /// <summary>The hash of a complete subtree: the leaf hash for level 0, otherwise
    /// HashChildren of its two children. Such hashes never change once the subtree is complete.</summary>
    /// <param name="node">A subtree that is complete in the tree the source holds.</param>
    /// <returns>The stored hash.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The node is not complete in the stored tree (a
    /// caller bug). Storage failures surface as the store's own exceptions.</exception>
    Hash GetHash(NodeId node);
}
