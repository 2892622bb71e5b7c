using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace DataIp.Crypto;

/// <summary>
/// Ed25519 checkpoint cosignatures, version 1 (c2sp.org/tlog-cosignature): a note signature line
/// "— &lt;cosigner name&gt; base64(key ID || timestamp || signature)" on a checkpoint, where the key ID
/// is SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4], the timestamp is a big-endian u64 of
/// POSIX seconds (at most 2^63 − 1), and the Ed25519 signature covers
/// "cosignature/v1\ntime &lt;timestamp&gt;\n" followed by the checkpoint's note text (extension lines
/// included). The name is not signed: one key must never serve two cosigners. Thread-safe: no state.
/// </summary>
public static class CosignatureV1
{
    /// <summary>0x04: the signature type byte of Ed25519 cosignatures (key IDs and verifier keys).</summary>
    public const byte SignatureType = 0x04;

    /// <summary>The bytes after the key ID: an 8-byte timestamp and a 64-byte Ed25519 signature.</summary>
    public const int SignatureSize = TimestampSize + Ed25519NoteSigner.SignatureSize;

    /// <summary>The size of the big-endian timestamp before the Ed25519 signature.</summary>
    internal const int TimestampSize = 8;

    /// <summary>
    /// The signed message: "cosignature/v1\n", "time &lt;timestamp in decimal&gt;\n", then the note
    /// text (tlog-cosignature "Ed25519 signed message").
    /// </summary>
    /// <param name="noteText">The cosigned checkpoint's note text, ending in a newline, without signature lines.</param>
    /// <param name="timestamp">POSIX seconds, 0 to 2^63 − 1.</param>
    /// <returns>The UTF-8 bytes to sign.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is negative.</exception>
    public static byte[] Message(string noteText, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n{noteText}"));
    }

    /// <summary>
    /// The timestamp of a cosignature line's signature bytes (after the key ID), without verifying
    /// anything: false when the bytes are not 8 + 64 long or the timestamp exceeds 2^63 − 1.
    /// </summary>
    /// <param name="signature">The signature bytes without the key ID.</param>
    /// <param name="timestamp">The POSIX seconds when valid.</param>
    /// <returns>True when the bytes have the shape of an Ed25519 cosignature.</returns>
    public static bool TryReadTimestamp(ReadOnlySpan<byte> signature, out long timestamp)
    {
        timestamp = 0;
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        var value = BinaryPrimitives.ReadUInt64BigEndian(signature);
        if (value > long.MaxValue)
        {
            return false;
        }

        timestamp = (long)value;
        return true;
    }

    /// <summary>Reads the timestamp of a parsed signature line; see <see cref="TryReadTimestamp(ReadOnlySpan{byte}, out long)"/>.</summary>
    /// <param name="signature">A signature line.</param>
    /// <param name="timestamp">The POSIX seconds when valid.</param>
    /// <returns>True when the line has the shape of an Ed25519 cosignature.</returns>
    public static bool TryReadTimestamp(NoteSignature signature, out DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(signature);
        timestamp = default;
        if (!TryReadTimestamp(signature.GetSignatureBytes(), out long seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}

/// <summary>Verifies Ed25519 cosignatures of one cosigner. Made by <see cref="CosignatureV1VerifierKey.CreateVerifier"/>.</summary>
internal sealed class CosignatureV1Verifier(string name, uint keyId, Ed25519PublicKeyParameters publicKey) : INoteVerifier
{
    public string Name { get; } = name;

    public uint KeyId { get; } = keyId;

    // The message SignedNote.Open passes is the note text; the cosignature covers it behind the
    // "cosignature/v1" header and the timestamp carried in the first 8 signature bytes.
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!CosignatureV1.TryReadTimestamp(signature, out var timestamp))
        {
            return false;
        }

        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n"));
        var signed = new byte[header.Length + message.Length];
        header.CopyTo(signed, 0);
        message.CopyTo(signed.AsSpan(header.Length));
        return publicKey.Verify(Ed25519.Algorithm.Ed25519, null, signed, signature[CosignatureV1.TimestampSize..]);
    }
}
