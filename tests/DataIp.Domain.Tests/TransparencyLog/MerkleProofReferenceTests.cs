using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>The fast proofs against RFC 9162's recursive definitions, for every tree of up to 64
/// leaves and every (index, size) and (size1, size2) pair in it.</summary>
public sealed class MerkleProofReferenceTests
{
    private const int MaxLeaves = 64;
    private static readonly byte[][] Entries = TestTrees.RandomEntries(MaxLeaves, seed: 6962);
    private static readonly InMemoryMerkleTree Tree = TestTrees.Build(Entries);
    private static readonly Hash[] Leaves = TestTrees.LeafHashes(Entries);

    public static TheoryData<int> Sizes() => [.. Enumerable.Range(1, MaxLeaves)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inclusion_EveryIndex_EqualsReferencePathAndVerifies(int size)
    {
        var root = ReferenceMerkleTree.Mth(Entries, size);

        for (var index = 0; index < size; index++)
        {
            var expected = ReferenceMerkleTree.Path(index, Entries, size);

            var proof = MerkleProof.Inclusion((ulong)index, (ulong)size, Tree);

            Assert.True(expected.SequenceEqual(proof), $"PATH({index}, D[{size}])");
            Assert.Equal(proof.Count, MerkleProof.InclusionNodes((ulong)index, (ulong)size).ProofLength);
            var verification = MerkleProof.VerifyInclusion((ulong)index, (ulong)size, Leaves[index], proof, root);
            Assert.True(verification.IsValid, $"({index}, {size}): {verification}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Consistency_EveryEarlierSize_EqualsReferenceProofAndVerifies(int size2)
    {
        var root2 = ReferenceMerkleTree.Mth(Entries, size2);

        for (var size1 = 1; size1 <= size2; size1++)
        {
            var expected = ReferenceMerkleTree.Proof(size1, Entries, size2);

            var proof = MerkleProof.Consistency((ulong)size1, (ulong)size2, Tree);

            Assert.True(expected.SequenceEqual(proof), $"PROOF({size1}, D[{size2}])");
            var root1 = ReferenceMerkleTree.Mth(Entries, size1);
            var verification = MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, proof, root1, root2);
            Assert.True(verification.IsValid, $"({size1}, {size2}): {verification}");
        }
    }

    [Fact]
    public void InclusionNodes_LeafZeroOfSeven_RecomputesTheEphemeralRightSubtree()
    {
        // PATH(0, D[7]) = [d1, MTH(D[2:4]), MTH(D[4:7])]; D[4:7] is cut off by the right edge, so
        // it is rebuilt from the complete subtrees (1, 2) = D[4:6] and (0, 6) = D[6].
        var nodes = MerkleProof.InclusionNodes(0, 7);

        Assert.Equal([new NodeId(0, 1), new NodeId(1, 1), new NodeId(1, 2), new NodeId(0, 6)], nodes.Ids);
        Assert.Equal(3, nodes.ProofLength);
    }

    [Fact]
    public void ConsistencyNodes_SixToEight_StartsWithTheLastSubtreeOfSizeSix()
    {
        // The size-6 tree ends with the perfect subtree (1, 2) = D[4:6]; then its path in size 8.
        var nodes = MerkleProof.ConsistencyNodes(6, 8);

        Assert.Equal([new NodeId(1, 2), new NodeId(1, 3), new NodeId(2, 0)], nodes.Ids);
    }

    [Fact]
    public void ConsistencyNodes_PowerOfTwoSize1_LeavesOutRoot1()
    {
        var nodes = MerkleProof.ConsistencyNodes(4, 7);

        Assert.Equal([new NodeId(1, 2), new NodeId(0, 6)], nodes.Ids);
        Assert.Equal(1, nodes.ProofLength);
    }

    [Fact]
    public void ConsistencyNodes_EqualSizes_AreEmpty()
    {
        Assert.Empty(MerkleProof.ConsistencyNodes(5, 5).Ids);
        Assert.Empty(MerkleProof.Consistency(5, 5, Tree));
    }

    [Fact]
    public void ProofNodes_Rehash_WrongNumberOfHashes_Throws()
    {
        var nodes = MerkleProof.InclusionNodes(0, 7);

        Assert.Throws<ArgumentException>(() => nodes.Rehash(Leaves[..3]));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(5UL, 5UL)]
    [InlineData(6UL, 5UL)]
    [InlineData(0UL, MerkleTree.MaxSize + 1)]
    public void InclusionNodes_IndexNotInTree_Throws(ulong index, ulong size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProof.InclusionNodes(index, size));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, 5UL)]
    [InlineData(6UL, 5UL)]
    [InlineData(1UL, MerkleTree.MaxSize + 1)]
    public void ConsistencyNodes_SizesNotOrderedOrFromEmpty_Throws(ulong size1, ulong size2)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProof.ConsistencyNodes(size1, size2));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL << 62)]
    [InlineData(MerkleTree.MaxSize - 2)]
    [InlineData(MerkleTree.MaxSize - 1)]
    public void InclusionNodes_LargestTree_AreValidNodesWithoutOverflow(ulong index)
    {
        var nodes = MerkleProof.InclusionNodes(index, MerkleTree.MaxSize);

        Assert.All(nodes.Ids, node => Assert.True(node.End <= MerkleTree.MaxSize));
        Assert.InRange(nodes.ProofLength, 1, 63);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(1UL << 62)]
    [InlineData(MerkleTree.MaxSize - 1)]
    public void ConsistencyNodes_LargestTree_AreValidNodesWithoutOverflow(ulong size1)
    {
        var nodes = MerkleProof.ConsistencyNodes(size1, MerkleTree.MaxSize);

        Assert.All(nodes.Ids, node => Assert.True(node.End <= MerkleTree.MaxSize));
        Assert.InRange(nodes.ProofLength, 1, 64);
    }
}
