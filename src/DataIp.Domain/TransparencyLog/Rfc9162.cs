using System.Security.Cryptography;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// The hashing of an RFC 9162 Merkle tree with SHA-256 (RFC 9162 §2.1.1, unchanged from RFC 6962
/// §2.1). Leaves and interior nodes are hashed with different one-byte prefixes, so no leaf can be
/// passed off as an interior node (a second-preimage attack on the tree). Thread-safe: all members
/// are pure functions.
/// </summary>
public static class Rfc9162
{
    /// <summary>The prefix of a leaf hash: HASH(0x00 || entry).</summary>
    public const byte LeafHashPrefix = 0x00;

    /// <summary>The prefix of an interior node hash: HASH(0x01 || left || right).</summary>
    public const byte NodeHashPrefix = 0x01;

    // Entries up to this size are prefixed on the stack; larger ones are hashed incrementally.
    private const int StackEntryLimit = 1024;

    /// <summary>
    /// MTH({}) = HASH(), the root of the empty tree (RFC 9162 §2.1.1): SHA-256 of no bytes,
    /// e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
    /// </summary>
    public static Hash EmptyRoot { get; } = Hash.FromBytes(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>MTH({d(0)}) = HASH(0x00 || d(0)): the hash of one log entry (RFC 9162 §2.1.1).</summary>
    /// <param name="entry">The entry's bytes exactly as logged (for the register: an act's RFC 8785
    /// canonical JSON); may be empty.</param>
    /// <returns>The leaf hash.</returns>
    public static Hash HashLeaf(ReadOnlySpan<byte> entry)
    {
        Span<byte> digest = stackalloc byte[Hash.Size];
        if (entry.Length <= StackEntryLimit)
        {
            Span<byte> prefixed = stackalloc byte[StackEntryLimit + 1];
            prefixed[0] = LeafHashPrefix;
            entry.CopyTo(prefixed[1..]);
            SHA256.HashData(prefixed[..(entry.Length + 1)], digest);
        }
        else
        {
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha256.AppendData([LeafHashPrefix]);
            sha256.AppendData(entry);
            sha256.GetHashAndReset(digest);
        }

        return Hash.FromBytes(digest);
    }

    /// <summary>HASH(0x01 || left || right): the hash of an interior node (RFC 9162 §2.1.1).</summary>
    /// <param name="left">The hash of the left subtree, MTH(D[0:k]).</param>
    /// <param name="right">The hash of the right subtree, MTH(D[k:n]).</param>
    /// <returns>The node hash.</returns>
    public static Hash HashChildren(Hash left, Hash right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Hash.Size)];
        input[0] = NodeHashPrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Hash.Size)..]);
        Span<byte> digest = stackalloc byte[Hash.Size];
        SHA256.HashData(input, digest);
        return Hash.FromBytes(digest);
    }
}
