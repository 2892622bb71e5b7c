using DataIp.Domain.TransparencyLog;
using static System.FormattableString;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// RFC 9162 §2.1 Merkle trees over a <see cref="FingerprintHash"/>: roots, inclusion paths
/// (§2.1.3.1) and their verification (§2.1.3.2). The transparency log's <see cref="MerkleProof"/>
/// is the same algorithm fixed to SHA-256; this one takes the hash function as a parameter.
/// Thread-safe: all members are pure.
/// </summary>
public static class FingerprintTree
{
    /// <summary>MTH(D[n]) of the given leaf hashes (the empty root for none).</summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="leafHashes">The leaf hashes, in leaf order.</param>
    /// <returns>The root.</returns>
    public static Hash RootHash(FingerprintHash hash, ReadOnlySpan<Hash> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var range = new FingerprintCompactRange(hash);
        foreach (var leaf in leafHashes)
        {
            range.Append(leaf);
        }

        return range.RootHash();
    }

    /// <summary>PATH(m, D[n]) (RFC 9162 §2.1.3.1): the siblings from leaf <paramref name="index"/>
    /// up to the root, bottom-up.</summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="leafHashes">All leaf hashes of the tree.</param>
    /// <param name="index">The leaf, below the number of leaves.</param>
    /// <returns>The audit path.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a leaf.</exception>
    public static IReadOnlyList<Hash> InclusionPath(FingerprintHash hash, ReadOnlySpan<Hash> leafHashes, long index)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafHashes.Length);
        var path = new List<Hash>();
        var begin = 0;
        var end = leafHashes.Length;
        var m = (int)index;

        // Walk down from the root, remembering each sibling subtree; the path is them reversed.
        while (end - begin > 1)
        {
            var k = LargestPowerOfTwoBelow(end - begin);
            if (m - begin < k)
            {
                path.Add(RootHash(hash, leafHashes[(begin + k)..end]));
                end = begin + k;
            }
            else
            {
                path.Add(RootHash(hash, leafHashes[begin..(begin + k)]));
                begin += k;
            }
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Verifies that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of
    /// <paramref name="size"/> leaves with root <paramref name="root"/> (RFC 9162 §2.1.3.2).
    /// The index is checked against the size first, then the path's length, then the root.
    /// </summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="index">The leaf index.</param>
    /// <param name="size">The number of leaves.</param>
    /// <param name="leafHash">H(0x00 || leaf data).</param>
    /// <param name="path">The audit path, bottom-up.</param>
    /// <param name="root">The expected root.</param>
    /// <returns>Valid, or why not (<see cref="ProofFailure.IndexOutOfRange"/>,
    /// <see cref="ProofFailure.WrongProofLength"/>, <see cref="ProofFailure.RootMismatch"/>).</returns>
    public static ProofVerification VerifyInclusion(FingerprintHash hash, ulong index, ulong size, Hash leafHash, IReadOnlyList<Hash> path, Hash root)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(path);
        if (size > MerkleTree.MaxSize || index >= size)
        {
            return ProofVerification.Fail(ProofFailure.IndexOutOfRange, Invariant($"Leaf index {index} is not in a tree of {size} leaves."));
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return WrongLength(path.Count, "the path runs past the root");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = hash.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = hash.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return WrongLength(path.Count, "the path stops below the root");
        }

        return r == root
            ? ProofVerification.Valid
            : ProofVerification.Fail(ProofFailure.RootMismatch, Invariant($"The path from leaf {index} of {size} leads to {r}, not to {root}."));
    }

    private static int LargestPowerOfTwoBelow(int n) => 1 << (MerkleTree.BitLength((ulong)(n - 1)) - 1);

    private static ProofVerification WrongLength(int count, string why) =>
        ProofVerification.Fail(ProofFailure.WrongProofLength, Invariant($"The audit path has {count} hashes: {why}."));
}
