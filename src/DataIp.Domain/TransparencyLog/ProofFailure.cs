namespace DataIp.Domain.TransparencyLog;

/// <summary>Why a proof did not verify; <see cref="None"/> when it did.</summary>
public enum ProofFailure
{
    /// <summary>The proof verified.</summary>
    None = 0,

    /// <summary>A tree size exceeds <see cref="MerkleTree.MaxSize"/>.</summary>
    SizeTooLarge,

    /// <summary>An inclusion proof's leaf index is not below the tree size.</summary>
    IndexOutOfRange,

    /// <summary>A consistency proof's first size is larger than its second: a log never shrinks.</summary>
    SizesOutOfOrder,

    /// <summary>A consistency proof from size 0, which this log does not accept (see
    /// <see cref="MerkleProof.VerifyConsistency(ulong, ulong, IReadOnlyList{Hash}, Hash, Hash)"/>).</summary>
    ConsistencyFromEmptyTree,

    /// <summary>A hash (leaf, root or proof element) is not exactly <see cref="Hash.Size"/> bytes.</summary>
    BadHashLength,

    /// <summary>The proof does not have the number of hashes the index and sizes call for.</summary>
    WrongProofLength,

    /// <summary>The proof is well-formed but the root it leads to is not the one given.</summary>
    RootMismatch,
}
