using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// A SHA-256 value of exactly <see cref="Size"/> bytes: a leaf hash, a node hash or a tree root
/// (RFC 9162 §2.1). Held as four big-endian 64-bit words, so it is an immutable value that is
/// copied, compared and hashed without allocating; equal when the bytes are equal.
/// <c>default</c> is the all-zero value, which is a well-formed (if unlikely) hash.
/// Thread-safe: instances are immutable.
/// </summary>
public readonly record struct Hash
{
    /// <summary>The number of bytes in a hash: 32 (SHA-256).</summary>
    public const int Size = 32;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    private Hash(ReadOnlySpan<byte> bytes)
    {
        _word0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _word1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _word2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _word3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>Reads a hash from exactly <see cref="Size"/> bytes.</summary>
    /// <param name="bytes">The 32 bytes, as SHA-256 produces them.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long (a caller bug;
    /// use <see cref="TryFromBytes"/> for untrusted input).</exception>
    public static Hash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!TryFromBytes(bytes, out var hash))
        {
            throw new ArgumentException($"A hash is {Size} bytes; this one is {bytes.Length}.", nameof(bytes));
        }

        return hash;
    }

    /// <summary>Reads a hash if <paramref name="bytes"/> is exactly <see cref="Size"/> bytes long.</summary>
    /// <param name="bytes">The candidate bytes.</param>
    /// <param name="hash">The hash, or <c>default</c> when the length is wrong.</param>
    /// <returns>Whether the length was right.</returns>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Hash hash)
    {
        if (bytes.Length != Size)
        {
            hash = default;
            return false;
        }

        hash = new Hash(bytes);
        return true;
    }

    /// <summary>Reads 64 hexadecimal digits (either case), as <see cref="ToString"/> writes them.</summary>
    /// <param name="hex">Exactly 64 hex digits, no prefix or separators.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="hex"/> is not 64 hex digits (a caller bug;
    /// use <see cref="TryFromHex"/> for untrusted input).</exception>
    public static Hash FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return TryFromHex(hex, out var hash)
            ? hash
            : throw new ArgumentException($"A hash is {2 * Size} hexadecimal digits; got \"{hex}\".", nameof(hex));
    }

    /// <summary>Reads 64 hexadecimal digits (either case) if that is what <paramref name="hex"/> holds.</summary>
    /// <param name="hex">The candidate text; <c>null</c> is refused.</param>
    /// <param name="hash">The hash, or <c>default</c> when refused.</param>
    /// <returns>Whether the text was exactly 64 hex digits.</returns>
    public static bool TryFromHex([NotNullWhen(true)] string? hex, out Hash hash)
    {
        hash = default;
        if (hex is null || hex.Length != 2 * Size)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != OperationStatus.Done || written != Size)
        {
            return false;
        }

        hash = new Hash(bytes);
        return true;
    }

    /// <summary>Reads standard padded base64 (RFC 4648 §4) that decodes to exactly 32 bytes, the form
    /// transparency-log APIs and signed notes use.</summary>
    /// <param name="base64">44 base64 characters.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="base64"/> is not base64 of 32 bytes (a
    /// caller bug; use <see cref="TryFromBase64"/> for untrusted input).</exception>
    public static Hash FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return TryFromBase64(base64, out var hash)
            ? hash
            : throw new ArgumentException($"A hash is base64 of {Size} bytes; got \"{base64}\".", nameof(base64));
    }

    /// <summary>Reads standard padded base64 if it decodes to exactly 32 bytes.</summary>
    /// <param name="base64">The candidate text; <c>null</c> is refused.</param>
    /// <param name="hash">The hash, or <c>default</c> when refused.</param>
    /// <returns>Whether the text was base64 of exactly 32 bytes.</returns>
    public static bool TryFromBase64([NotNullWhen(true)] string? base64, out Hash hash)
    {
        hash = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (base64 is null || !Convert.TryFromBase64String(base64, bytes, out var written) || written != Size)
        {
            return false;
        }

        hash = new Hash(bytes);
        return true;
    }

    /// <summary>Writes the 32 bytes to the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="Size"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes; it holds {destination.Length}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _word0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _word1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _word2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _word3);
    }

    /// <summary>The 32 bytes in a new array.</summary>
    /// <returns>A fresh array the caller owns.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The standard padded base64 of the 32 bytes (44 characters).</summary>
    /// <returns>The base64 text.</returns>
    public string ToBase64()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The 64 lower-case hexadecimal digits, e.g. "e3b0c442…b855" for SHA-256 of nothing.</summary>
    /// <returns>The hex text.</returns>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
