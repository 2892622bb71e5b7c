using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using DomainSm3 = DataIp.Domain.Hashing.Sm3;

namespace DataIp.Crypto.Tests;

/// <summary>
/// The domain's optimised managed SM3 (<see cref="DomainSm3"/>) against two independent
/// implementations: BouncyCastle's <see cref="SM3Digest"/> and <c>openssl dgst -sm3</c> on files.
/// SHA-256 is checked against OpenSSL alongside, as the fingerprint's other hash.
/// </summary>
public sealed class DomainSm3Tests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void HashData_EveryLengthUpTo300_MatchesBouncyCastle()
    {
        var data = RandomNumberGenerator.GetBytes(300);

        var mismatches = Enumerable.Range(0, 301)
            .Where(n => !DomainSm3.HashData(data.AsSpan(0, n)).AsSpan().SequenceEqual(BouncyCastleSm3(data.AsSpan(0, n))))
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void HashData_RandomLongLengths_MatchesBouncyCastle()
    {
        var lengths = Enumerable.Range(0, 12).Select(_ => RandomNumberGenerator.GetInt32(301, 3_000_000)).Append(1 << 20).ToList();

        var mismatches = lengths
            .Select(RandomNumberGenerator.GetBytes)
            .Where(data => !DomainSm3.HashData(data).AsSpan().SequenceEqual(BouncyCastleSm3(data)))
            .Select(data => data.Length)
            .ToList();

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(4_096, 21)]
    [InlineData(65_537, 18)]
    public void HashMany_LeafPrefix_MatchesBouncyCastle(int messageLength, int count)
    {
        var messages = RandomNumberGenerator.GetBytes(messageLength * count);
        var hashes = new byte[DomainSm3.HashSize * count];

        DomainSm3.HashMany([0], messages, messageLength, hashes);

        var expected = Enumerable.Range(0, count)
            .SelectMany(i => BouncyCastleSm3([0, .. messages.AsSpan(i * messageLength, messageLength)]))
            .ToArray();
        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(hashes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(64)]
    [InlineData(1_048_577)]
    [InlineData(3_145_745)]
    public void HashData_File_MatchesOpenSslDgstSm3(int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);
        var path = _temporary.File("data.bin");
        File.WriteAllBytes(path, data);

        var result = OpenSsl.Run(_temporary.Path, "dgst", "-sm3", "-r", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.Output.Split(' ')[0], Convert.ToHexStringLower(DomainSm3.HashData(data)));
    }

    [Fact]
    public void HashMany_Chunks_MatchOpenSslDgstSm3OfEachLeaf()
    {
        // RFC 9162 leaf hashes of 17 chunks of 64 KiB: SM3(0x00 ‖ chunk), each also written to a file.
        const int chunkSize = 65_536, count = 17;
        var chunks = RandomNumberGenerator.GetBytes(chunkSize * count);
        var hashes = new byte[DomainSm3.HashSize * count];

        DomainSm3.HashMany([0], chunks, chunkSize, hashes);

        var paths = Enumerable.Range(0, count).Select(i => _temporary.File($"leaf{i}.bin")).ToList();
        for (var i = 0; i < count; i++)
        {
            File.WriteAllBytes(paths[i], [0, .. chunks.AsSpan(i * chunkSize, chunkSize)]);
        }

        var result = OpenSsl.Run(_temporary.Path, ["dgst", "-sm3", "-r", .. paths]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        Assert.Equal(expected, hashes.Chunk(DomainSm3.HashSize).Select(Convert.ToHexStringLower));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_048_577)]
    public void Sha256HashData_File_MatchesOpenSslDgstSha256(int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);
        var path = _temporary.File("data.bin");
        File.WriteAllBytes(path, data);

        var result = OpenSsl.Run(_temporary.Path, "dgst", "-sha256", "-r", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.Output.Split(' ')[0], Convert.ToHexStringLower(SHA256.HashData(data)));
    }

    private static byte[] BouncyCastleSm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[DomainSm3.HashSize];
        digest.DoFinal(hash);
        return hash;
    }
}
