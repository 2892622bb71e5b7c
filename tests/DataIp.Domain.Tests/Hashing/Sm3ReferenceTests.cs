using DataIp.Domain.Hashing;

namespace DataIp.Domain.Tests.Hashing;

/// <summary>The optimised <see cref="Sm3"/> against the naive <see cref="ReferenceSm3"/>, on every short length and some long ones.</summary>
public sealed class Sm3ReferenceTests
{
    [Fact]
    public void HashData_EveryLengthUpTo300_MatchesReference()
    {
        var data = RandomBytes(300, seed: 300);

        var mismatches = Enumerable.Range(0, 301)
            .Where(n => !Sm3.HashData(data.AsSpan(0, n)).AsSpan().SequenceEqual(ReferenceSm3.Hash(data.AsSpan(0, n))))
            .ToList();

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(4_095)]
    [InlineData(65_536)]
    [InlineData(100_003)]
    [InlineData(1_048_576)]
    [InlineData(1_048_577)]
    public void HashData_LongMessage_MatchesReference(int length)
    {
        var data = RandomBytes(length, seed: length);

        var hash = Sm3.HashData(data);

        Assert.Equal(Convert.ToHexStringLower(ReferenceSm3.Hash(data)), Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_RandomLengths_MatchesReference()
    {
        var random = new Random(20261127);
        var lengths = Enumerable.Range(0, 20).Select(_ => random.Next(300, 200_000)).ToList();

        var mismatches = lengths
            .Where(n => !Sm3.HashData(RandomBytes(n, n)).AsSpan().SequenceEqual(ReferenceSm3.Hash(RandomBytes(n, n))))
            .ToList();

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(1, 1_000)]
    [InlineData(1, 1_048_576)]
    [InlineData(7, 56)]
    [InlineData(64, 0)]
    [InlineData(64, 64)]
    public void HashData_WithPrefix_MatchesReferenceOfConcatenation(int prefixLength, int sourceLength)
    {
        var prefix = RandomBytes(prefixLength, seed: 1);
        var source = RandomBytes(sourceLength, seed: 2);
        var hash = new byte[Sm3.HashSize];

        Sm3.HashData(prefix, source, hash);

        Assert.Equal(Convert.ToHexStringLower(ReferenceSm3.Hash([.. prefix, .. source])), Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_PrefixOfEveryLengthAndShortSources_MatchesReferenceOfConcatenation()
    {
        var prefix = RandomBytes(64, seed: 3);
        var source = RandomBytes(200, seed: 4);
        var hash = new byte[Sm3.HashSize];

        var mismatches = new List<(int, int)>();
        for (var p = 0; p <= 64; p++)
        {
            for (var n = 0; n <= 200; n += 7)
            {
                Sm3.HashData(prefix.AsSpan(0, p), source.AsSpan(0, n), hash);
                if (!hash.AsSpan().SequenceEqual(ReferenceSm3.Hash([.. prefix.AsSpan(0, p), .. source.AsSpan(0, n)])))
                {
                    mismatches.Add((p, n));
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void HashData_PrefixLongerThanABlock_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sm3.HashData(new byte[65], [1], new byte[32]));
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
