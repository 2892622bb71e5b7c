using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

public sealed class ProofVerificationTests
{
    private static readonly InMemoryMerkleTree Classic = TestTrees.Build(TestTrees.ClassicEntries);
    private static readonly Hash[] ClassicLeaves = TestTrees.LeafHashes(TestTrees.ClassicEntries);

    /// <summary>Inclusion proofs in the classic tree: transparency-dev/merkle proof/verify_test.go
    /// ("inclusionProofs"; its leaf numbers are 1-based, these indices 0-based).</summary>
    public static readonly TheoryData<ulong, ulong, string[]> ClassicInclusionProofs = new()
    {
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    /// <summary>Consistency proofs in the classic tree: transparency-dev/merkle
    /// proof/verify_test.go ("consistencyProofs").</summary>
    public static readonly TheoryData<ulong, ulong, string[]> ClassicConsistencyProofs = new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    [Theory]
    [MemberData(nameof(ClassicInclusionProofs))]
    public void Inclusion_ClassicTree_MatchesPublishedProofAndVerifies(ulong index, ulong size, string[] expected)
    {
        var proof = MerkleProof.Inclusion(index, size, Classic);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleProof.VerifyInclusion(index, size, ClassicLeaves[index], proof, Classic.RootHash(size)).IsValid);
    }

    [Theory]
    [MemberData(nameof(ClassicConsistencyProofs))]
    public void Consistency_ClassicTree_MatchesPublishedProofAndVerifies(ulong size1, ulong size2, string[] expected)
    {
        var proof = MerkleProof.Consistency(size1, size2, Classic);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleProof.VerifyConsistency(size1, size2, proof, Classic.RootHash(size1), Classic.RootHash(size2)).IsValid);
    }

    [Theory]
    [InlineData(0UL, 0UL, ProofFailure.IndexOutOfRange)]
    [InlineData(8UL, 8UL, ProofFailure.IndexOutOfRange)]
    [InlineData(9UL, 8UL, ProofFailure.IndexOutOfRange)]
    [InlineData(0UL, MerkleTree.MaxSize + 1, ProofFailure.SizeTooLarge)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, ProofFailure.SizeTooLarge)]
    [InlineData(0UL, 9UL, ProofFailure.WrongProofLength)]
    [InlineData(7UL, 8UL, ProofFailure.RootMismatch)]
    public void VerifyInclusion_BrokenPrecondition_SaysWhich(ulong index, ulong size, ProofFailure expected)
    {
        var proof = MerkleProof.Inclusion(0, 8, Classic);

        var result = MerkleProof.VerifyInclusion(index, size, ClassicLeaves[0], proof, Classic.RootHash());

        Assert.Equal(expected, result.Failure);
        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Message);
    }

    [Theory]
    [InlineData(5UL, 4UL, ProofFailure.SizesOutOfOrder)]
    [InlineData(1UL, 0UL, ProofFailure.SizesOutOfOrder)]
    [InlineData(0UL, 8UL, ProofFailure.ConsistencyFromEmptyTree)]
    [InlineData(0UL, 0UL, ProofFailure.ConsistencyFromEmptyTree)]
    [InlineData(1UL, MerkleTree.MaxSize + 1, ProofFailure.SizeTooLarge)]
    [InlineData(6UL, 6UL, ProofFailure.WrongProofLength)]
    [InlineData(5UL, 8UL, ProofFailure.WrongProofLength)]
    [InlineData(7UL, 8UL, ProofFailure.WrongProofLength)]
    public void VerifyConsistency_BrokenPrecondition_SaysWhich(ulong size1, ulong size2, ProofFailure expected)
    {
        var proof = MerkleProof.Consistency(6, 8, Classic);

        var result = MerkleProof.VerifyConsistency(size1, size2, proof, Classic.RootHash(6), Classic.RootHash());

        Assert.Equal(expected, result.Failure);
        Assert.NotEmpty(result.Message);
    }

    [Fact]
    public void VerifyConsistency_FromEmptyTreeWithCorrectRoots_IsStillRefused()
    {
        // The empty tree is a prefix of every tree, but this log refuses to "prove" it (the policy
        // of transparency-dev/merkle and of its test vectors): see VerifyConsistency's remarks.
        var result = MerkleProof.VerifyConsistency(0, 8, [], Rfc9162.EmptyRoot, Classic.RootHash());

        Assert.Equal(ProofFailure.ConsistencyFromEmptyTree, result.Failure);
        Assert.Contains("size 0", result.Message);
    }

    [Fact]
    public void VerifyConsistency_EqualSizesDifferentRoots_IsRootMismatch()
    {
        var result = MerkleProof.VerifyConsistency(3, 3, [], Classic.RootHash(3), Classic.RootHash(4));

        Assert.Equal(ProofFailure.RootMismatch, result.Failure);
    }

    [Fact]
    public void VerifyConsistency_WrongRoot1_SaysWhichRoot()
    {
        var proof = MerkleProof.Consistency(6, 8, Classic);

        var result = MerkleProof.VerifyConsistency(6, 8, proof, Classic.RootHash(5), Classic.RootHash());

        Assert.Equal(ProofFailure.RootMismatch, result.Failure);
        Assert.Contains("root1", result.Message);
    }

    [Fact]
    public void VerifyInclusion_RawHashOfWrongLength_IsBadHashLength()
    {
        var proof = MerkleProof.Inclusion(0, 8, Classic).Select(h => h.ToArray()).ToList();
        var leaf = ClassicLeaves[0].ToArray();
        var root = Classic.RootHash().ToArray();

        Assert.True(MerkleProof.VerifyInclusion(0, 8, leaf, proof, root).IsValid);
        Assert.Equal(ProofFailure.BadHashLength, MerkleProof.VerifyInclusion(0, 8, leaf.AsSpan(0, 31), proof, root).Failure);
        Assert.Equal(ProofFailure.BadHashLength, MerkleProof.VerifyInclusion(0, 8, leaf, proof, [.. root, 0]).Failure);
        var shortElement = MerkleProof.VerifyInclusion(0, 8, leaf, [proof[0], proof[1][..16], proof[2]], root);
        Assert.Equal(ProofFailure.BadHashLength, shortElement.Failure);
        Assert.Contains("proof hash 1", shortElement.Message);
    }

    [Fact]
    public void VerifyInclusion_RawSizePreconditions_AreCheckedBeforeHashLengths()
    {
        var result = MerkleProof.VerifyInclusion(8, 8, [], [], []);

        Assert.Equal(ProofFailure.IndexOutOfRange, result.Failure);
    }

    [Fact]
    public void VerifyConsistency_RawHashOfWrongLength_IsBadHashLength()
    {
        var proof = MerkleProof.Consistency(6, 8, Classic).Select(h => h.ToArray()).ToList();
        var root1 = Classic.RootHash(6).ToArray();
        var root2 = Classic.RootHash().ToArray();

        Assert.True(MerkleProof.VerifyConsistency(6, 8, proof, root1, root2).IsValid);
        Assert.Equal(ProofFailure.BadHashLength, MerkleProof.VerifyConsistency(6, 8, proof, root1.AsSpan(0, 12), root2).Failure);
        Assert.Equal(ProofFailure.BadHashLength, MerkleProof.VerifyConsistency(6, 8, proof, root1, []).Failure);
        Assert.Equal(ProofFailure.BadHashLength, MerkleProof.VerifyConsistency(6, 8, [.. proof, []], root1, root2).Failure);
        Assert.Equal(ProofFailure.ConsistencyFromEmptyTree, MerkleProof.VerifyConsistency(0, 8, proof, [], []).Failure);
    }

    [Fact]
    public void VerifyInclusion_LargestTree_FailsWithoutOverflow()
    {
        var length = MerkleProof.InclusionNodes(MerkleTree.MaxSize - 1, MerkleTree.MaxSize).ProofLength;
        var proof = Enumerable.Repeat(ClassicLeaves[1], length).ToArray();

        var result = MerkleProof.VerifyInclusion(MerkleTree.MaxSize - 1, MerkleTree.MaxSize, ClassicLeaves[0], proof, Classic.RootHash());

        Assert.Equal(ProofFailure.RootMismatch, result.Failure);
    }

    [Fact]
    public void VerifyInclusion_SameProofShapeAtAnotherSize_IsAcceptedBecauseTheRootDoesNotCommitToTheSize()
    {
        // PATH(0, D[4]) = [d1, MTH(D[2:4])] has the same shape as PATH(0, D[3]) = [d1, d2], so the
        // RFC 9162 verifier accepts it for size 3 against the size-4 root. A root is trusted only
        // together with its size in a signed checkpoint, which is where the size is bound.
        var proof = MerkleProof.Inclusion(0, 4, Classic);

        var result = MerkleProof.VerifyInclusion(0, 3, ClassicLeaves[0], proof, Classic.RootHash(4));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Valid_IsTheOnlyPassingOutcome()
    {
        Assert.True(ProofVerification.Valid.IsValid);
        Assert.Equal(ProofFailure.None, ProofVerification.Valid.Failure);
        Assert.Equal(ProofVerification.Valid.Message, ProofVerification.Valid.ToString());
    }
}
