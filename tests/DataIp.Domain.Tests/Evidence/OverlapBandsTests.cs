using System.Buffers.Binary;
using DataIp.Domain.Evidence;

namespace DataIp.Domain.Tests.Evidence;

public sealed class OverlapBandsTests
{
    [Fact]
    public void Keys_SameValues_SameKeysAndDistinctPerBand()
    {
        var values = Values(1);

        var keys = OverlapBands.Keys(values);

        Assert.Equal(OverlapBands.BandCount, keys.Length);
        Assert.Equal(keys, OverlapBands.Keys([.. values]));
        Assert.Equal(OverlapBands.BandCount, keys.Distinct().Count());
        var constant = Enumerable.Repeat(7UL, OverlapBands.SketchSize).ToArray();
        Assert.Equal(OverlapBands.BandCount, OverlapBands.Keys(constant).Distinct().Count());
    }

    [Fact]
    public void Keys_OneBandEqual_ShareExactlyThatKey()
    {
        var first = Values(1);
        var second = Values(2);
        // Band 5 covers values 15, 16 and 17.
        Array.Copy(first, 15, second, 15, OverlapBands.RowsPerBand);

        var shared = OverlapBands.Keys(first).Intersect(OverlapBands.Keys(second)).ToList();

        Assert.Equal([OverlapBands.Keys(first)[5]], shared);
    }

    [Fact]
    public void Keys_OneValueOfEachBandChanged_ShareNoKey()
    {
        var first = Values(1);
        var second = (ulong[])first.Clone();
        for (var band = 0; band < OverlapBands.BandCount; band++)
        {
            second[band * OverlapBands.RowsPerBand] ^= 1;
        }

        Assert.Empty(OverlapBands.Keys(first).Intersect(OverlapBands.Keys(second)));
    }

    [Fact]
    public void Similarity_CountsEqualPositionsButNotEmptyOnes()
    {
        var first = Values(1);
        var second = (ulong[])first.Clone();
        second[0]++;
        var empty = Enumerable.Repeat(ulong.MaxValue, OverlapBands.SketchSize).ToArray();

        Assert.Equal(1.0, OverlapBands.Similarity(first, first));
        Assert.Equal(127.0 / 128, OverlapBands.Similarity(first, second));
        Assert.Equal(0.0, OverlapBands.Similarity(empty, empty));
        Assert.Throws<ArgumentException>(() => OverlapBands.Similarity(first, first[..127]));
        Assert.Throws<ArgumentException>(() => OverlapBands.Keys(first[..127]));
    }

    [Fact]
    public void DecodeValues_RoundTripsAndRefusesOtherLengths()
    {
        var values = Values(3);
        var bytes = new byte[1024];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        Assert.Equal(values, OverlapBands.DecodeValues(Convert.ToBase64String(bytes)));
        Assert.Null(OverlapBands.DecodeValues(Convert.ToBase64String(bytes[..1016])));
        Assert.Null(OverlapBands.DecodeValues(Convert.ToBase64String(bytes) + "AAAA"));
        Assert.Null(OverlapBands.DecodeValues("not base64!"));
    }

    private static ulong[] Values(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, OverlapBands.SketchSize).Select(_ => (ulong)random.NextInt64())];
    }
}
