using Org.BouncyCastle.Crypto.Digests;

namespace DataIp.Crypto;

/// <summary>The SM3 hash function (GB/T 32905-2016). Thread-safe: each call uses its own digest.</summary>
public static class Sm3
{
    /// <summary>The size of an SM3 hash in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Computes the SM3 hash of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <returns>The 32-byte hash.</returns>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[HashSize];
        digest.DoFinal(hash);
        return hash;
    }
}
