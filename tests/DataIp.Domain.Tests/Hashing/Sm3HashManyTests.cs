using DataIp.Domain.Hashing;

namespace DataIp.Domain.Tests.Hashing;

/// <summary>
/// <see cref="Sm3.HashMany(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, Span{byte})"/> against
/// the one-message path. Which path HashMany takes depends on the processor (the lanes need
/// AVX-512), so the lanes are also tested directly, and skipped where they cannot run.
/// </summary>
public sealed class Sm3HashManyTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        // prefix length, message length, message count: short and long messages, a lane group
        // exactly, one more and one fewer, several groups, padding in one block or two.
        { 0, 1, 16 },
        { 0, 55, 17 },
        { 0, 56, 15 },
        { 0, 64, 33 },
        { 1, 54, 16 },
        { 1, 55, 16 },
        { 1, 63, 18 },
        { 1, 64, 31 },
        { 1, 1_000, 40 },
        { 1, 65_535, 16 },
        { 0, 65_536, 17 },
        { 1, 100_000, 16 },
        { 7, 100, 3 },
        { 64, 64, 16 },
        { 64, 1, 20 },
        { 0, 300, 1 },
        { 1, 300, 2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void HashMany_EqualLengthMessages_MatchesHashDataOfEach(int prefixLength, int messageLength, int count)
    {
        var prefix = Sm3ReferenceTests.RandomBytes(prefixLength, seed: prefixLength);
        var messages = Sm3ReferenceTests.RandomBytes(messageLength * count, seed: messageLength + count);
        var hashes = new byte[Sm3.HashSize * count];

        Sm3.HashMany(prefix, messages, messageLength, hashes);

        var expected = new byte[Sm3.HashSize * count];
        for (var i = 0; i < count; i++)
        {
            Sm3.HashData(prefix, messages.AsSpan(i * messageLength, messageLength), expected.AsSpan(Sm3.HashSize * i));
        }

        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(hashes));
    }

    [Fact]
    public void HashMany_EveryShortLength_MatchesReference()
    {
        const int count = 16;
        var mismatches = new List<int>();
        var hashes = new byte[Sm3.HashSize * count];
        for (var length = 1; length <= 200; length++)
        {
            var messages = Sm3ReferenceTests.RandomBytes(length * count, seed: length);

            Sm3.HashMany([0], messages, length, hashes);

            for (var i = 0; i < count; i++)
            {
                var expected = ReferenceSm3.Hash([0, .. messages.AsSpan(i * length, length)]);
                if (!hashes.AsSpan(Sm3.HashSize * i, Sm3.HashSize).SequenceEqual(expected))
                {
                    mismatches.Add(length);
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void HashMany_WithoutPrefix_EqualsHashData()
    {
        var messages = Sm3ReferenceTests.RandomBytes(4_096 * 20, seed: 9);
        var hashes = new byte[Sm3.HashSize * 20];

        Sm3.HashMany(messages, 4_096, hashes);

        Assert.Equal(Sm3.HashData(messages.AsSpan(4_096 * 19, 4_096)), hashes[(Sm3.HashSize * 19)..]);
    }

    [Fact]
    public void HashMany_NoMessages_WritesNothing()
    {
        var hashes = new byte[Sm3.HashSize];

        Sm3.HashMany([0], [], 1_024, hashes);

        Assert.All(hashes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void HashDataAndHashMany_LongerMessages_AllocateNoMore()
    {
        // Nothing may be allocated per block. Optimised builds allocate nothing at all; tier-0
        // (Debug) code allocates a little per call to read the constant tables, never per block.
        // The first calls may also allocate while the runtime re-compiles the loops (tiering,
        // on-stack replacement), so both sizes are warmed up and the least of three calls counts.
        var shortMessages = Sm3ReferenceTests.RandomBytes(64 * 17, seed: 17);
        var longMessages = Sm3ReferenceTests.RandomBytes(65_536 * 17, seed: 17);
        var hashes = new byte[Sm3.HashSize * 17];
        Allocated(shortMessages, 64, hashes);
        Allocated(longMessages, 65_536, hashes);

        var forShort = Enumerable.Range(0, 3).Min(_ => Allocated(shortMessages, 64, hashes));
        var forLong = Enumerable.Range(0, 3).Min(_ => Allocated(longMessages, 65_536, hashes));

        Assert.Equal(forShort, forLong);
    }

    private static long Allocated(byte[] messages, int messageLength, byte[] hashes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Sm3.HashMany([0], messages, messageLength, hashes);
        Sm3.HashData([0], messages, hashes);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(100, 0, 32)]
    [InlineData(100, 30, 128)]
    [InlineData(100, 50, 63)]
    public void HashMany_BadShape_Throws(int messagesLength, int messageLength, int destinationLength)
    {
        Assert.Throws<ArgumentException>(() => Sm3.HashMany(new byte[messagesLength], messageLength, new byte[destinationLength]));
    }

    [Fact]
    public void HashMany_PrefixLongerThanABlock_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sm3.HashMany(new byte[65], new byte[10], 10, new byte[32]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 1_000)]
    [InlineData(16, 4_097)]
    public void LaneHashing_AnyLaneCount_MatchesHashDataOfEach(int lanes, int messageLength)
    {
        if (!Sm3Lanes.IsSupported)
        {
            Assert.Skip("The SM3 lanes need AVX-512 (F and BW); this processor lacks it.");
        }

        var messages = Sm3ReferenceTests.RandomBytes(messageLength * lanes, seed: lanes);
        var hashes = new byte[Sm3.HashSize * lanes];

        Sm3LaneHashing.Hash([0], messages, messageLength, lanes, hashes);

        var expected = new byte[Sm3.HashSize * lanes];
        for (var i = 0; i < lanes; i++)
        {
            Sm3.HashData([0], messages.AsSpan(i * messageLength, messageLength), expected.AsSpan(Sm3.HashSize * i));
        }

        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(hashes));
    }
}
