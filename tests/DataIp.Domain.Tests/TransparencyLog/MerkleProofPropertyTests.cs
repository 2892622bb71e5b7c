using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>
/// Seeded random proofs over a 700-leaf tree: every proof verifies, and any single-bit change to
/// the proof, the roots or the leaf, or a different index, makes it fail. A different size fails
/// exactly when it changes how the proof hashes combine (<see cref="ReferenceMerkleTree.PathSides"/>):
/// an RFC 9162 root does not commit to the size, a signed checkpoint does.
/// </summary>
public sealed class MerkleProofPropertyTests
{
    private const int TreeSize = 700;
    private static readonly byte[][] Entries = TestTrees.RandomEntries(TreeSize, seed: 8785);
    private static readonly InMemoryMerkleTree Tree = TestTrees.Build(Entries);
    private static readonly Hash[] Leaves = TestTrees.LeafHashes(Entries);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Inclusion_RandomLeaf_VerifiesAndEveryBitFlipFails(int seed)
    {
        var (index, size) = RandomInclusion(seed);
        var proof = MerkleProof.Inclusion(index, size, Tree);
        var root = Tree.RootHash(size);
        var leaf = Leaves[index];

        Assert.True(MerkleProof.VerifyInclusion(index, size, leaf, proof, root).IsValid);
        for (var bit = 0; bit < 256; bit++)
        {
            AssertFails(MerkleProof.VerifyInclusion(index, size, TestTrees.FlipBit(leaf, bit), proof, root), $"leaf bit {bit}");
            AssertFails(MerkleProof.VerifyInclusion(index, size, leaf, proof, TestTrees.FlipBit(root, bit)), $"root bit {bit}");
            for (var i = 0; i < proof.Count; i++)
            {
                AssertFails(MerkleProof.VerifyInclusion(index, size, leaf, WithFlippedBit(proof, i, bit), root), $"proof[{i}] bit {bit}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Inclusion_RandomLeaf_AnyOtherIndexFails(int seed)
    {
        var (index, size) = RandomInclusion(seed);
        var proof = MerkleProof.Inclusion(index, size, Tree);
        var root = Tree.RootHash(size);

        for (var other = 0UL; other <= size; other++)
        {
            if (other != index)
            {
                AssertFails(MerkleProof.VerifyInclusion(other, size, Leaves[index], proof, root), $"index {other}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Inclusion_RandomLeaf_AnotherSizeFailsUnlessTheProofCombinesTheSameWay(int seed)
    {
        var (index, size) = RandomInclusion(seed);
        var proof = MerkleProof.Inclusion(index, size, Tree);
        var root = Tree.RootHash(size);
        var sides = ReferenceMerkleTree.PathSides((int)index, (int)size);

        for (var other = index + 1; other <= 2 * TreeSize; other++)
        {
            var sameShape = ReferenceMerkleTree.PathSides((int)index, (int)other).SequenceEqual(sides);

            var result = MerkleProof.VerifyInclusion(index, other, Leaves[index], proof, root);

            Assert.True(result.IsValid == sameShape, $"size {other} instead of {size}: {result}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Consistency_RandomSizes_VerifiesAndEveryBitFlipFails(int seed)
    {
        var (size1, size2) = RandomConsistency(seed);
        var proof = MerkleProof.Consistency(size1, size2, Tree);
        var root1 = Tree.RootHash(size1);
        var root2 = Tree.RootHash(size2);

        Assert.True(MerkleProof.VerifyConsistency(size1, size2, proof, root1, root2).IsValid);
        for (var bit = 0; bit < 256; bit++)
        {
            AssertFails(MerkleProof.VerifyConsistency(size1, size2, proof, TestTrees.FlipBit(root1, bit), root2), $"root1 bit {bit}");
            AssertFails(MerkleProof.VerifyConsistency(size1, size2, proof, root1, TestTrees.FlipBit(root2, bit)), $"root2 bit {bit}");
            for (var i = 0; i < proof.Count; i++)
            {
                AssertFails(MerkleProof.VerifyConsistency(size1, size2, WithFlippedBit(proof, i, bit), root1, root2), $"proof[{i}] bit {bit}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Consistency_RandomSizes_OtherSizesFailUnlessTheProofCombinesTheSameWay(int seed)
    {
        var (size1, size2) = RandomConsistency(seed);
        var proof = MerkleProof.Consistency(size1, size2, Tree);
        var root1 = Tree.RootHash(size1);
        var root2 = Tree.RootHash(size2);
        var shape = ReferenceMerkleTree.ProofShape((int)size1, (int)size2, true);

        for (var other = 1UL; other <= 2 * TreeSize; other++)
        {
            if (other != size2 && other >= size1)
            {
                var sameShape = ReferenceMerkleTree.ProofShape((int)size1, (int)other, true) == shape;
                var result = MerkleProof.VerifyConsistency(size1, other, proof, root1, root2);
                Assert.True(result.IsValid == sameShape, $"size2 {other} instead of {size2}: {result}");
            }

            if (other != size1 && other <= size2)
            {
                var sameShape = ReferenceMerkleTree.ProofShape((int)other, (int)size2, true) == shape;
                var result = MerkleProof.VerifyConsistency(other, size2, proof, root1, root2);
                Assert.True(result.IsValid == sameShape, $"size1 {other} instead of {size1}: {result}");
            }
        }
    }

    [Fact]
    public void Consistency_RandomSizes_SwappedRootsFail()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var (size1, size2) = RandomConsistency(seed);
            var proof = MerkleProof.Consistency(size1, size2, Tree);

            AssertFails(MerkleProof.VerifyConsistency(size1, size2, proof, Tree.RootHash(size2), Tree.RootHash(size1)), $"seed {seed}");
        }
    }

    private static (ulong Index, ulong Size) RandomInclusion(int seed)
    {
        var random = new Random(seed);
        var size = random.Next(1, TreeSize + 1);
        return ((ulong)random.Next(size), (ulong)size);
    }

    private static (ulong Size1, ulong Size2) RandomConsistency(int seed)
    {
        var random = new Random(seed);
        var size2 = random.Next(2, TreeSize + 1);
        return ((ulong)random.Next(1, size2), (ulong)size2);
    }

    private static Hash[] WithFlippedBit(IReadOnlyList<Hash> proof, int element, int bit)
    {
        var copy = proof.ToArray();
        copy[element] = TestTrees.FlipBit(copy[element], bit);
        return copy;
    }

    private static void AssertFails(ProofVerification result, string change) =>
        Assert.False(result.IsValid, $"still valid after changing {change}");
}
