using System.Numerics;
using static System.FormattableString;

namespace DataIp.Domain.TransparencyLog;

public static partial class MerkleProof
{
    /// <summary>
    /// Verifies that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of
    /// <paramref name="size"/> leaves whose root is <paramref name="root"/> (RFC 9162 §2.1.3.2).
    /// </summary>
    /// <remarks>
    /// Checked first, in this order: size ≤ <see cref="MerkleTree.MaxSize"/>
    /// (<see cref="ProofFailure.SizeTooLarge"/>), index &lt; size
    /// (<see cref="ProofFailure.IndexOutOfRange"/>), and the proof has exactly the number of hashes
    /// the index and size call for (<see cref="ProofFailure.WrongProofLength"/>). Then the RFC's
    /// algorithm runs as written, and a different root is <see cref="ProofFailure.RootMismatch"/>.
    /// The root binds the leaf and its position, not the size: a tree of another size with the
    /// same proof shape can accept the same proof and root, so trust a (size, root) pair only from
    /// a signed checkpoint.
    /// </remarks>
    /// <param name="index">The leaf index.</param>
    /// <param name="size">The tree size.</param>
    /// <param name="leafHash">The leaf hash (HashLeaf of the entry), not the entry.</param>
    /// <param name="proof">The inclusion path, bottom-up.</param>
    /// <param name="root">The root of the tree of <paramref name="size"/> leaves.</param>
    /// <returns>Valid, or why not.</returns>
    public static ProofVerification VerifyInclusion(ulong index, ulong size, Hash leafHash, IReadOnlyList<Hash> proof, Hash root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (CheckInclusionSizes(index, size) is { } refused)
        {
            return refused;
        }

        var expected = InclusionLength(index, size);
        if (proof.Count != expected)
        {
            return WrongLength(proof.Count, expected, Invariant($"leaf {index} of a tree of size {size}"));
        }

        return RunInclusion(index, size, leafHash, proof, root);
    }

    /// <summary>
    /// <see cref="VerifyInclusion(ulong, ulong, Hash, IReadOnlyList{Hash}, Hash)"/> for hashes as
    /// received (decoded base64 from an API): after the size and index checks, every hash must be
    /// exactly <see cref="Hash.Size"/> bytes, or the result is <see cref="ProofFailure.BadHashLength"/>.
    /// </summary>
    /// <param name="index">The leaf index.</param>
    /// <param name="size">The tree size.</param>
    /// <param name="leafHash">The leaf hash bytes.</param>
    /// <param name="proof">The inclusion path bytes, bottom-up; a null element is a bad hash.</param>
    /// <param name="root">The root bytes.</param>
    /// <returns>Valid, or why not.</returns>
    public static ProofVerification VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (CheckInclusionSizes(index, size) is { } refused)
        {
            return refused;
        }

        if (ReadHash(leafHash, "leaf hash", out var leaf) is { } badLeaf)
        {
            return badLeaf;
        }

        if (ReadHash(root, "root", out var rootHash) is { } badRoot)
        {
            return badRoot;
        }

        return ReadProof(proof, out var hashes) ?? VerifyInclusion(index, size, leaf, hashes, rootHash);
    }

    /// <summary>
    /// Verifies that the tree of <paramref name="size2"/> leaves with root <paramref name="root2"/>
    /// extends the tree of <paramref name="size1"/> leaves with root <paramref name="root1"/>
    /// (RFC 9162 §2.1.4.2).
    /// </summary>
    /// <remarks>
    /// <para>Checked first, in this order: both sizes ≤ <see cref="MerkleTree.MaxSize"/>
    /// (<see cref="ProofFailure.SizeTooLarge"/>), size1 ≤ size2
    /// (<see cref="ProofFailure.SizesOutOfOrder"/>), size1 &gt; 0
    /// (<see cref="ProofFailure.ConsistencyFromEmptyTree"/>), and the number of proof hashes.
    /// Equal sizes need an empty proof and equal roots. Otherwise the RFC's algorithm runs as
    /// written: the proof must lead to both roots (<see cref="ProofFailure.RootMismatch"/>).</para>
    /// <para>Size 0 is refused, even towards size 0. Every tree extends the empty tree, so there is
    /// nothing a proof could show, and RFC 9162 defines the verification only for 0 &lt; size1 &lt;
    /// size2. A client asking for one has no trusted earlier checkpoint: it must verify the new
    /// checkpoint's signature instead, and refusing the request loudly keeps that mistake from
    /// passing as a check. This is the policy of transparency-dev/merkle
    /// ("consistency proof from empty tree is meaningless") and of the test vectors this log is
    /// tested against.</para>
    /// </remarks>
    /// <param name="size1">The earlier tree size.</param>
    /// <param name="size2">The later tree size.</param>
    /// <param name="proof">The consistency proof.</param>
    /// <param name="root1">The root of the tree of <paramref name="size1"/> leaves.</param>
    /// <param name="root2">The root of the tree of <paramref name="size2"/> leaves.</param>
    /// <returns>Valid, or why not.</returns>
    public static ProofVerification VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<Hash> proof, Hash root1, Hash root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (CheckConsistencySizes(size1, size2) is { } refused)
        {
            return refused;
        }

        if (size1 == size2)
        {
            return proof.Count != 0
                ? WrongLength(proof.Count, 0, Invariant($"equal sizes {size1}"))
                : root1 == root2
                    ? ProofVerification.Valid
                    : ProofVerification.Fail(ProofFailure.RootMismatch, Invariant($"Two trees of size {size1} have different roots {root1} and {root2}."));
        }

        var expected = ConsistencyLength(size1, size2);
        if (proof.Count != expected)
        {
            return WrongLength(proof.Count, expected, Invariant($"sizes {size1} and {size2}"));
        }

        return RunConsistency(size1, size2, proof, root1, root2);
    }

    /// <summary>
    /// <see cref="VerifyConsistency(ulong, ulong, IReadOnlyList{Hash}, Hash, Hash)"/> for hashes as
    /// received: after the size checks, every hash must be exactly <see cref="Hash.Size"/> bytes,
    /// or the result is <see cref="ProofFailure.BadHashLength"/>.
    /// </summary>
    /// <param name="size1">The earlier tree size.</param>
    /// <param name="size2">The later tree size.</param>
    /// <param name="proof">The consistency proof bytes; a null element is a bad hash.</param>
    /// <param name="root1">The earlier root bytes.</param>
    /// <param name="root2">The later root bytes.</param>
    /// <returns>Valid, or why not.</returns>
    public static ProofVerification VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (CheckConsistencySizes(size1, size2) is { } refused)
        {
            return refused;
        }

        if (ReadHash(root1, "root1", out var first) is { } badFirst)
        {
            return badFirst;
        }

        if (ReadHash(root2, "root2", out var second) is { } badSecond)
        {
            return badSecond;
        }

        return ReadProof(proof, out var hashes) ?? VerifyConsistency(size1, size2, hashes, first, second);
    }

    /// <summary>RFC 9162 §2.1.3.2 steps 2–5 for index &lt; size.</summary>
    private static ProofVerification RunInclusion(ulong index, ulong size, Hash leafHash, IReadOnlyList<Hash> proof, Hash root)
    {
        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return WrongLength(proof.Count, InclusionLength(index, size), "the path ran past the root");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Rfc9162.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Rfc9162.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return WrongLength(proof.Count, InclusionLength(index, size), "the path stopped below the root");
        }

        return r == root
            ? ProofVerification.Valid
            : ProofVerification.Fail(ProofFailure.RootMismatch, Invariant($"The inclusion proof for leaf {index} leads to root {r}, not to the given root {root} of the tree of size {size}."));
    }

    /// <summary>RFC 9162 §2.1.4.2 steps 1–7 for 0 &lt; size1 &lt; size2.</summary>
    private static ProofVerification RunConsistency(ulong size1, ulong size2, IReadOnlyList<Hash> proof, Hash root1, Hash root2)
    {
        // Step 1 (unreachable after the length check, kept as the RFC states it).
        if (proof.Count == 0)
        {
            return WrongLength(0, ConsistencyLength(size1, size2), "an empty proof");
        }

        // Step 2: when size1 is a power of two, the path starts with root1 itself.
        var prependRoot1 = BitOperations.IsPow2(size1);
        IReadOnlyList<Hash> path = prependRoot1 ? [root1, .. proof] : proof;

        // Steps 3–4.
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // Steps 5–6.
        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return WrongLength(proof.Count, ConsistencyLength(size1, size2), "the path ran past the root");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Rfc9162.HashChildren(c, fr);
                sr = Rfc9162.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = Rfc9162.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // Step 7.
        if (sn != 0)
        {
            return WrongLength(proof.Count, ConsistencyLength(size1, size2), "the path stopped below the root");
        }

        if (fr != root1)
        {
            return ProofVerification.Fail(ProofFailure.RootMismatch, Invariant($"The consistency proof leads to root {fr} for size {size1}, not to the given root1 {root1}."));
        }

        return sr == root2
            ? ProofVerification.Valid
            : ProofVerification.Fail(ProofFailure.RootMismatch, Invariant($"The consistency proof leads to root {sr} for size {size2}, not to the given root2 {root2}."));
    }

    private static ProofVerification? CheckInclusionSizes(ulong index, ulong size)
    {
        if (size > MerkleTree.MaxSize)
        {
            return TooLarge(size);
        }

        return index >= size
            ? ProofVerification.Fail(ProofFailure.IndexOutOfRange, Invariant($"Leaf index {index} is not in a tree of size {size}."))
            : null;
    }

    private static ProofVerification? CheckConsistencySizes(ulong size1, ulong size2)
    {
        if (size1 > MerkleTree.MaxSize || size2 > MerkleTree.MaxSize)
        {
            return TooLarge(Math.Max(size1, size2));
        }

        if (size1 > size2)
        {
            return ProofVerification.Fail(ProofFailure.SizesOutOfOrder, Invariant($"Size1 {size1} is larger than size2 {size2}: a log never shrinks."));
        }

        return size1 == 0
            ? ProofVerification.Fail(ProofFailure.ConsistencyFromEmptyTree, Invariant($"A consistency proof from size 0 (to size {size2}) is refused: the empty tree has nothing to prove consistent."))
            : null;
    }

    /// <summary>The length of PATH(index, D[size]): the levels below the fork of the leaf's path and
    /// the last leaf's path, plus one left sibling per set bit of the index above it.</summary>
    private static int InclusionLength(ulong index, ulong size)
    {
        var inner = MerkleTree.BitLength(index ^ (size - 1));
        return inner + BitOperations.PopCount(index >> inner);
    }

    /// <summary>The length of PROOF(size1, D[size2]) for 0 &lt; size1 &lt; size2: the path of the last
    /// perfect subtree of the size1 tree, plus that subtree's hash unless size1 is a power of two.</summary>
    private static int ConsistencyLength(ulong size1, ulong size2)
    {
        var level = BitOperations.TrailingZeroCount(size1);
        var index = (size1 - 1) >> level;
        var inner = MerkleTree.BitLength(index ^ ((size2 - 1) >> level));
        return (index == 0 ? 0 : 1) + inner + BitOperations.PopCount(index >> inner);
    }

    private static ProofVerification TooLarge(ulong size) =>
        ProofVerification.Fail(ProofFailure.SizeTooLarge, Invariant($"Tree size {size} exceeds the largest size {MerkleTree.MaxSize}."));

    private static ProofVerification WrongLength(int actual, int expected, string context) =>
        ProofVerification.Fail(ProofFailure.WrongProofLength, Invariant($"The proof has {actual} hashes; {context} calls for {expected}."));

    private static ProofVerification? ReadHash(ReadOnlySpan<byte> bytes, string what, out Hash hash) =>
        Hash.TryFromBytes(bytes, out hash)
            ? null
            : ProofVerification.Fail(ProofFailure.BadHashLength, Invariant($"The {what} is {bytes.Length} bytes; a hash is {Hash.Size}."));

    private static ProofVerification? ReadProof(IReadOnlyList<byte[]> proof, out Hash[] hashes)
    {
        hashes = new Hash[proof.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            if (ReadHash(proof[i], Invariant($"proof hash {i}"), out hashes[i]) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }
}
