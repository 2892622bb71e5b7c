using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Org.BouncyCastle.Crypto.Parameters;

namespace DataIp.Crypto;

/// <summary>
/// A cosigner's public key as a signed-note verifier key with signature type 0x04
/// (c2sp.org/tlog-cosignature "Format"): <c>&lt;name&gt;+&lt;key ID as 8 hex digits&gt;+&lt;base64(0x04 ||
/// 32-byte Ed25519 public key)&gt;</c>, the key ID being SHA-256(name || 0x0A || 0x04 || public key)[:4].
/// Immutable and thread-safe.
/// </summary>
public sealed class CosignatureV1VerifierKey : IEquatable<CosignatureV1VerifierKey>
{
    private const int PublicKeySize = 32;

    private readonly byte[] _keyData;
    private readonly Ed25519PublicKeyParameters _publicKey;

    private CosignatureV1VerifierKey(string name, byte[] keyData, Ed25519PublicKeyParameters publicKey)
    {
        Name = name;
        _keyData = keyData;
        _publicKey = publicKey;
        KeyId = NoteKeyName.ComputeKeyId(name, keyData);
    }

    /// <summary>The cosigner's name, written in its signature lines.</summary>
    public string Name { get; }

    /// <summary>The key ID: SHA-256(name || 0x0A || 0x04 || public key)[:4], big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _keyData.AsSpan(1);

    /// <summary>The verifier key of a cosigner's Ed25519 public key.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="publicKey">The 32-byte RFC 8032 public key.</param>
    /// <returns>The verifier key.</returns>
    /// <exception cref="ArgumentException">The name is invalid or the key is not an Ed25519 public key.</exception>
    public static CosignatureV1VerifierKey ForEd25519(string name, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        return TryCreate(name, [CosignatureV1.SignatureType, .. publicKey], out var key, out var error)
            ? key
            : throw new ArgumentException(error.Message, nameof(publicKey));
    }

    /// <summary>Reads a cosigner verifier key; see the class summary for the format.</summary>
    /// <param name="text">The text, or null. No trimming is done.</param>
    /// <param name="key">The key when valid; otherwise null.</param>
    /// <param name="error">Null when valid; otherwise why not.</param>
    /// <returns>True when <paramref name="text"/> is a valid type 0x04 verifier key.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CosignatureV1VerifierKey? key, [NotNullWhen(false)] out VerifierKeyError? error)
    {
        key = null;
        var parts = (text ?? string.Empty).Split('+', 3);
        if (parts.Length != 3 || !NoteKeyName.IsValid(parts[0]))
        {
            error = new(VerifierKeyErrorKind.Malformed, "A cosigner key has the form <name>+<key ID>+<base64 key data>, with a valid key name.");
            return false;
        }

        var (name, hex, base64) = (parts[0], parts[1], parts[2]);
        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId)
            || !StrictBase64.TryDecode(base64, out var keyData) || keyData.Length == 0)
        {
            error = new(VerifierKeyErrorKind.Malformed, "A cosigner key's ID is 8 hexadecimal digits and its key data canonical non-empty base64.");
            return false;
        }

        if (keyId != NoteKeyName.ComputeKeyId(name, keyData))
        {
            error = new(VerifierKeyErrorKind.KeyIdMismatch, $"The key ID {hex} does not match the name and key data: the key is mistyped or altered.");
            return false;
        }

        return TryCreate(name, keyData, out key, out error);
    }

    /// <summary>Reads a cosigner verifier key, throwing if it is not valid.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not a valid type 0x04 verifier key.</exception>
    public static CosignatureV1VerifierKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error.Message);

    /// <summary>
    /// A verifier for <see cref="SignedNote.Open(string, IReadOnlyCollection{INoteVerifier})"/>: it
    /// checks this cosigner's lines as cosignature/v1 over the note text.
    /// </summary>
    /// <returns>A thread-safe verifier.</returns>
    public INoteVerifier CreateVerifier() => new CosignatureV1Verifier(Name, KeyId, _publicKey);

    /// <summary>The verifier key text: <c>&lt;name&gt;+&lt;key ID&gt;+&lt;base64 key data&gt;</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String(_keyData)}");

    /// <inheritdoc/>
    public bool Equals(CosignatureV1VerifierKey? other) =>
        other is not null && Name == other.Name && _keyData.AsSpan().SequenceEqual(other._keyData);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CosignatureV1VerifierKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, KeyId);

    private static bool TryCreate(string name, byte[] keyData, [NotNullWhen(true)] out CosignatureV1VerifierKey? key, [NotNullWhen(false)] out VerifierKeyError? error)
    {
        key = null;
        if (keyData[0] != CosignatureV1.SignatureType)
        {
            error = new(
                VerifierKeyErrorKind.UnknownSignatureType,
                string.Create(CultureInfo.InvariantCulture, $"Signature type 0x{keyData[0]:x2} is not an Ed25519 cosignature key (0x04)."));
            return false;
        }

        if (keyData.Length != 1 + PublicKeySize)
        {
            error = new(VerifierKeyErrorKind.InvalidPublicKey, "An Ed25519 public key is a 32-byte point of the curve.");
            return false;
        }

        try
        {
            key = new CosignatureV1VerifierKey(name, keyData, new Ed25519PublicKeyParameters(keyData, 1));
            error = null;
            return true;
        }
        catch (ArgumentException)
        {
            // Not the encoding of a curve point.
            error = new(VerifierKeyErrorKind.InvalidPublicKey, "An Ed25519 public key is a 32-byte point of the curve.");
            return false;
        }
    }
}
