using System.Runtime.Intrinsics;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Domain.Tests.Fingerprinting;

public sealed class ContentChunksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FindCandidates_VectorPaths_AgreeWithScalar(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 50; round++)
        {
            var data = TestData.Bytes(random, random.Next(0, 300_000));
            var limit = Math.Max(0, data.Length - random.Next(0, 40));
            var scalar = new List<long>();
            ContentChunks.FindCandidatesScalar(data, limit, 1000, scalar);

            var auto = new List<long>();
            ContentChunks.FindCandidates(data, limit, 1000, auto);

            Assert.Equal(scalar, auto);
            AssertWidth(Vector512.IsHardwareAccelerated, ContentChunks.Scan512, data, limit, scalar);
            AssertWidth(Vector256.IsHardwareAccelerated, ContentChunks.Scan256, data, limit, scalar);
            AssertWidth(Vector128.IsHardwareAccelerated, ContentChunks.Scan128, data, limit, scalar);
        }
    }

    [Fact]
    public void IsCandidate_RunOfOneRepeatedByte_IsNeverACandidate()
    {
        for (var b = 0; b < 256; b++)
        {
            Assert.False(ContentChunks.IsCandidate((uint)b * 0x01010101u), $"byte 0x{b:x2}");
        }
    }

    [Fact]
    public void IsCandidate_RandomWords_HitAboutOneIn8192()
    {
        var random = new Random(5);
        var hits = Enumerable.Range(0, 8_192_000).Count(_ => ContentChunks.IsCandidate((uint)random.Next() ^ ((uint)random.Next() << 1)));

        Assert.InRange(hits, 850, 1150);
    }

    private delegate int Scan(ReadOnlySpan<byte> data, int end, long origin, List<long> into);

    private static void AssertWidth(bool accelerated, Scan scan, byte[] data, int limit, List<long> expected)
    {
        if (!accelerated)
        {
            return;
        }

        var found = new List<long>();
        var end = Math.Min(limit, data.Length - 3);
        var stop = scan(data, end, 1000, found);
        ContentChunks.FindCandidatesScalar(data.AsSpan(0, Math.Max(0, Math.Min(data.Length, end + 3))).ToArray().AsSpan(stop).ToArray(), Math.Max(0, end - stop), 1000 + stop, found);
        Assert.Equal(expected, found);
    }
}
