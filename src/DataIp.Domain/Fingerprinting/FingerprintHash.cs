using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The hash function H of a fingerprint (docs/fingerprint-format.md §1): SHA-256 or SM3, and the
/// RFC 9162 §2.1 tree hashing over it (leaf = H(0x00 || data), node = H(0x01 || left || right),
/// empty root = H()). Both give 32-byte digests, held as <see cref="Hash"/>.
/// Thread-safe: the two instances are immutable and every member is a pure function.
/// </summary>
public sealed class FingerprintHash
{
    /// <summary>The prefix of a leaf hash: H(0x00 || data).</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>The prefix of an interior node hash: H(0x01 || left || right).</summary>
    public const byte NodePrefix = 0x01;

    private const int StackLimit = 1024;

    private FingerprintHash(FingerprintAlgorithm algorithm, string name, string emptyRoot)
    {
        Algorithm = algorithm;
        Name = name;
        EmptyRoot = Hash.FromHex(emptyRoot);
    }

    // The empty roots are written out, not computed, so that a SHA-256 run of `dataip` never
    // JIT-compiles the SM3 compression function (about 10 KB of fully optimised code) at start-up.
    // `printf '' | openssl dgst -sha256` and `printf '' | openssl dgst -sm3`; a test checks both
    // against HashData.

    /// <summary>SHA-256 (FIPS 180-4), name <c>sha256</c>.</summary>
    public static FingerprintHash Sha256 { get; } = new(FingerprintAlgorithm.Sha256, "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    /// <summary>SM3 (GB/T 32905-2016), name <c>sm3</c>.</summary>
    public static FingerprintHash Sm3 { get; } = new(FingerprintAlgorithm.Sm3, "sm3", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");

    /// <summary>Which algorithm this is.</summary>
    public FingerprintAlgorithm Algorithm { get; }

    /// <summary>The name used in manifests, proofs and on the command line: <c>sha256</c> or <c>sm3</c>.</summary>
    public string Name { get; }

    /// <summary>MTH({}) = H(): the root of a tree with no leaves (an empty file, an empty dataset).</summary>
    public Hash EmptyRoot { get; }

    /// <summary>The instance for <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">SHA-256 or SM3.</param>
    /// <returns>The hash function.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined algorithm (a caller bug).</exception>
    public static FingerprintHash For(FingerprintAlgorithm algorithm) => algorithm switch
    {
        FingerprintAlgorithm.Sha256 => Sha256,
        FingerprintAlgorithm.Sm3 => Sm3,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a fingerprint hash algorithm."),
    };

    /// <summary>Finds the hash function named <paramref name="name"/> (exactly <c>sha256</c> or <c>sm3</c>).</summary>
    /// <param name="name">The name as written in a manifest or on the command line.</param>
    /// <param name="hash">The hash function, or null when the name is unknown.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FingerprintHash? hash)
    {
        hash = name switch
        {
            "sha256" => Sha256,
            "sm3" => Sm3,
            _ => null,
        };
        return hash is not null;
    }

    /// <summary>H(<paramref name="source"/>) into <paramref name="destination"/>.</summary>
    /// <param name="source">The bytes to hash.</param>
    /// <param name="destination">At least 32 bytes.</param>
    public void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (Algorithm == FingerprintAlgorithm.Sha256)
        {
            SHA256.HashData(source, destination);
        }
        else
        {
            Hashing.Sm3.HashData(source, destination);
        }
    }

    /// <summary>H(0x00 || <paramref name="data"/>): the hash of one leaf (a chunk, a file record, a row).</summary>
    /// <param name="data">The leaf data; may be empty.</param>
    /// <returns>The leaf hash.</returns>
    public Hash HashLeaf(ReadOnlySpan<byte> data)
    {
        if (data.Length < StackLimit)
        {
            Span<byte> small = stackalloc byte[StackLimit];
            small[0] = LeafPrefix;
            data.CopyTo(small[1..]);
            return HashPrefixed(small[..(data.Length + 1)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            rented[0] = LeafPrefix;
            data.CopyTo(rented.AsSpan(1));
            return HashPrefixed(rented.AsSpan(0, data.Length + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>H(0x01 || left || right): the hash of an interior node.</summary>
    /// <param name="left">The left subtree's hash.</param>
    /// <param name="right">The right subtree's hash.</param>
    /// <returns>The node hash.</returns>
    public Hash HashChildren(Hash left, Hash right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Hash.Size)];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Hash.Size)..]);
        return HashPrefixed(input);
    }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <summary>H(<paramref name="prefixed"/>) where the caller has already put the prefix byte in
    /// front of the data: the copy-free path for chunks read into a buffer at offset 1.</summary>
    internal Hash HashPrefixed(ReadOnlySpan<byte> prefixed)
    {
        Span<byte> digest = stackalloc byte[Hash.Size];
        HashData(prefixed, digest);
        return Hash.FromBytes(digest);
    }
}
