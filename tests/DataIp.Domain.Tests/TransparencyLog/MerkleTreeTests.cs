using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

public sealed class MerkleTreeTests
{
    private static readonly byte[][] Entries = TestTrees.RandomEntries(1000, seed: 9162);
    private static readonly Hash[] Leaves = TestTrees.LeafHashes(Entries);

    [Fact]
    public void RootHash_EverySizeUpTo64_EqualsReferenceMth()
    {
        for (var n = 0; n <= 64; n++)
        {
            Assert.True(ReferenceMerkleTree.Mth(Entries, n) == MerkleTree.RootHash(Leaves.AsSpan(0, n)), $"size {n}");
        }
    }

    [Fact]
    public void CompactRange_EverySizeUpTo1000_EqualsBatchRoot()
    {
        var range = new CompactRange();
        Assert.Equal(Rfc9162.EmptyRoot, range.RootHash());

        for (var n = 1; n <= Leaves.Length; n++)
        {
            range.Append(Leaves[n - 1]);

            Assert.Equal((ulong)n, range.Size);
            Assert.Equal(System.Numerics.BitOperations.PopCount((uint)n), range.Hashes.Count);
            Assert.True(MerkleTree.RootHash(Leaves.AsSpan(0, n)) == range.RootHash(), $"size {n}");
        }
    }

    [Fact]
    public void CompactRange_Visitor_ReportsEachCompleteNodeOnceWithItsMth()
    {
        var range = new CompactRange();
        var visited = new List<(NodeId Node, Hash Hash)>();

        for (var i = 0; i < 100; i++)
        {
            range.Append(Leaves[i], (node, hash) => visited.Add((node, hash)));
        }

        // 100 leaves complete 100 + 50 + 25 + 12 + 6 + 3 + 1 nodes.
        Assert.Equal(197, visited.Count);
        Assert.Equal(visited.Count, visited.Select(v => v.Node).Distinct().Count());
        foreach (var (node, hash) in visited)
        {
            Assert.True(node.End <= 100, $"{node} is not complete");
            Assert.Equal(ReferenceMerkleTree.Mth(Entries, (int)node.Begin, 1 << node.Level), hash);
        }
    }

    [Fact]
    public void CompactRange_FromHashes_ResumesWhereTheSavedOneStopped()
    {
        var original = new CompactRange();
        for (var i = 0; i < 613; i++)
        {
            original.Append(Leaves[i]);
        }

        var resumed = CompactRange.FromHashes(original.Size, original.Hashes);
        for (var i = 613; i < 700; i++)
        {
            resumed.Append(Leaves[i]);
        }

        Assert.Equal(MerkleTree.RootHash(Leaves.AsSpan(0, 700)), resumed.RootHash());
    }

    [Theory]
    [InlineData(0UL, 1)]
    [InlineData(5UL, 1)]
    [InlineData(5UL, 3)]
    [InlineData(8UL, 0)]
    public void CompactRange_FromHashesWithWrongCount_Throws(ulong size, int count)
    {
        var error = Assert.Throws<ArgumentException>(() => CompactRange.FromHashes(size, Leaves.Take(count)));

        Assert.Contains("one per set bit", error.Message);
    }

    [Fact]
    public void CompactRange_AtMaxSize_RefusesToAppend()
    {
        var hashes = Enumerable.Repeat(Leaves[0], 63);
        var full = CompactRange.FromHashes(MerkleTree.MaxSize, hashes);

        Assert.Throws<InvalidOperationException>(() => full.Append(Leaves[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CompactRange.FromHashes(MerkleTree.MaxSize + 1, hashes));
    }

    [Fact]
    public void InMemoryMerkleTree_RootAtEveryEarlierSize_EqualsBatchRoot()
    {
        var tree = TestTrees.Build(Entries[..300]);

        for (var n = 0; n <= 300; n++)
        {
            Assert.True(MerkleTree.RootHash(Leaves.AsSpan(0, n)) == tree.RootHash((ulong)n), $"size {n}");
        }

        Assert.Equal(tree.RootHash(300), tree.RootHash());
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(301));
    }

    [Theory]
    [InlineData(0, 10UL)]
    [InlineData(1, 5UL)]
    [InlineData(3, 1UL)]
    [InlineData(4, 0UL)]
    public void InMemoryMerkleTree_NodeNotYetComplete_Throws(int level, ulong index)
    {
        var tree = TestTrees.Build(Entries[..10]);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.GetHash(new NodeId(level, index)));
    }

    [Fact]
    public void NodeId_Coverage_IsIndexTimesWidth()
    {
        var node = new NodeId(3, 5);

        Assert.Equal((40UL, 48UL), (node.Begin, node.End));
        Assert.Equal("(3, 5)", node.ToString());
    }

    [Theory]
    [InlineData(-1, 0UL)]
    [InlineData(63, 0UL)]
    [InlineData(64, 0UL)]
    [InlineData(62, 1UL)]
    [InlineData(0, MerkleTree.MaxSize)]
    public void NodeId_BeyondTheLargestTree_Throws(int level, ulong index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeId(level, index));
    }

    [Fact]
    public void NodeId_LastNodesOfTheLargestTree_AreAllowed()
    {
        Assert.Equal(MerkleTree.MaxSize, new NodeId(0, MerkleTree.MaxSize - 1).End);
        Assert.Equal(1UL << 62, new NodeId(62, 0).End);
    }
}
