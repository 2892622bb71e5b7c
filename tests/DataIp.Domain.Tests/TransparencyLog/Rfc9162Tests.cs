using System.Security.Cryptography;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

public sealed class Rfc9162Tests
{
    /// <summary>MTH of the first n classic entries, n = 1..8: transparency-dev/merkle
    /// proof/verify_test.go ("roots"), the values of RFC 6962's reference test.</summary>
    public static readonly TheoryData<int, string> ClassicRoots = new()
    {
        { 1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d" },
        { 2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" },
        { 3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77" },
        { 4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" },
        { 5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4" },
        { 6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef" },
        { 7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c" },
        { 8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" },
    };

    [Fact]
    public void EmptyRoot_IsSha256OfNothing()
    {
        // printf '' | sha256sum
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Rfc9162.EmptyRoot.ToString());
        Assert.Equal(Rfc9162.EmptyRoot, MerkleTree.RootHash([]));
    }

    [Fact]
    public void HashLeaf_EmptyEntry_IsSha256OfZeroByte()
    {
        // printf '\x00' | sha256sum
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Rfc9162.HashLeaf([]).ToString());
    }

    [Fact]
    public void HashLeaf_ClassicEntry_MatchesRfc6962TestValue()
    {
        // printf '\x00L123456' | sha256sum; also in transparency-dev/merkle rfc6962/rfc6962_test.go.
        var hash = Rfc9162.HashLeaf("L123456"u8);

        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", hash.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(100_000)]
    public void HashLeaf_AnyLength_IsSha256OfZeroPrefixedEntry(int length)
    {
        var entry = new byte[length];
        new Random(length).NextBytes(entry);

        var hash = Rfc9162.HashLeaf(entry);

        Assert.Equal(Hash.FromBytes(SHA256.HashData([0x00, .. entry])), hash);
    }

    [Fact]
    public void HashChildren_IsSha256OfOnePrefixedPair()
    {
        var left = Rfc9162.HashLeaf("N123"u8);
        var right = Rfc9162.HashLeaf("N456"u8);

        var hash = Rfc9162.HashChildren(left, right);

        Assert.Equal(Hash.FromBytes(SHA256.HashData([0x01, .. left.ToArray(), .. right.ToArray()])), hash);
        Assert.NotEqual(hash, Rfc9162.HashChildren(right, left));
    }

    [Theory]
    [MemberData(nameof(ClassicRoots))]
    public void RootHash_ClassicTree_MatchesPublishedRoot(int size, string expected)
    {
        var leaves = TestTrees.LeafHashes(TestTrees.ClassicEntries[..size]);

        Assert.Equal(expected, MerkleTree.RootHash(leaves).ToString());
        Assert.Equal(expected, ReferenceMerkleTree.Mth(TestTrees.ClassicEntries, size).ToString());
        Assert.Equal(expected, TestTrees.Build(TestTrees.ClassicEntries).RootHash((ulong)size).ToString());
    }
}
