using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace DataIp.Crypto;

/// <summary>
/// A public key in the signed-note verifier-key format of golang.org/x/mod/sumdb/note:
/// <c>&lt;name&gt;+&lt;key ID as 8 lower-case hex digits&gt;+&lt;base64(key data)&gt;</c>, where the key
/// data is the signature type byte(s) followed by the public key: 0x01 || 32-byte Ed25519 key, or
/// 0xff || "sm2-sm3-der/1234567812345678" || 0x04 || X || Y for SM2. The key ID is
/// <see cref="NoteKeyName.ComputeKeyId"/> of the name and key data. Immutable and thread-safe.
/// </summary>
public sealed class NoteVerifierKey : IEquatable<NoteVerifierKey>
{
    private const int Ed25519PublicKeySize = 32;

    private readonly byte[] _keyData;
    private readonly AsymmetricKeyParameter _publicKey;

    private NoteVerifierKey(string name, NoteKeyAlgorithm algorithm, byte[] keyData, AsymmetricKeyParameter publicKey)
    {
        Name = name;
        Algorithm = algorithm;
        _keyData = keyData;
        _publicKey = publicKey;
        KeyId = NoteKeyName.ComputeKeyId(name, keyData);
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID: SHA-256(name || 0x0A || key data)[:4], big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The algorithm.</summary>
    public NoteKeyAlgorithm Algorithm { get; }

    /// <summary>The signature type byte: the first byte of <see cref="KeyData"/>.</summary>
    public byte SignatureType => _keyData[0];

    /// <summary>The key data: the signature type byte(s) followed by the public key.</summary>
    public ReadOnlySpan<byte> KeyData => _keyData;

    /// <summary>The public key alone: 32 bytes (Ed25519) or 65 bytes 0x04 || X || Y (SM2).</summary>
    public ReadOnlySpan<byte> PublicKey =>
        _keyData.AsSpan(_keyData.Length - (Algorithm == NoteKeyAlgorithm.Ed25519 ? Ed25519PublicKeySize : Sm2.PublicKeySize));

    /// <summary>The verifier key for an Ed25519 public key.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="publicKey">The 32-byte RFC 8032 public key.</param>
    /// <returns>The verifier key.</returns>
    /// <exception cref="ArgumentException">The name is invalid or the key is not an Ed25519 public key.</exception>
    public static NoteVerifierKey ForEd25519(string name, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        return TryCreate(name, [NoteSignatureType.Ed25519, .. publicKey], out var key, out var error)
            ? key
            : throw new ArgumentException(error.Message, nameof(publicKey));
    }

    /// <summary>The verifier key for an SM2 public key.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="publicKey">The point in uncompressed SEC1 form, 0x04 || X || Y (65 bytes).</param>
    /// <returns>The verifier key.</returns>
    /// <exception cref="ArgumentException">The name is invalid or the key is not a point of sm2p256v1.</exception>
    public static NoteVerifierKey ForSm2(string name, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        return TryCreate(name, [.. NoteSignatureType.Sm2Prefix(), .. publicKey], out var key, out var error)
            ? key
            : throw new ArgumentException(error.Message, nameof(publicKey));
    }

    /// <summary>The verifier key for a public key in SubjectPublicKeyInfo PEM ("PUBLIC KEY"), e.g. from <c>openssl pkey -pubout</c>.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="pem">PEM text holding a "PUBLIC KEY" block of an Ed25519 or SM2 key.</param>
    /// <returns>The verifier key.</returns>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="FormatException">The PEM holds no Ed25519 or SM2 public key.</exception>
    public static NoteVerifierKey FromPublicKeyPem(string name, string pem)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        ArgumentNullException.ThrowIfNull(pem);
        return KeyPem.ReadPublicKey(pem) switch
        {
            Ed25519PublicKeyParameters ed25519 => ForEd25519(name, ed25519.GetEncoded()),
            ECPublicKeyParameters ec when Sm2.IsSm2Curve(ec.Parameters) => ForSm2(name, Sm2.Encode(ec.Q)),
            var other => throw new FormatException($"The public key is neither Ed25519 nor SM2 ({other.GetType().Name})."),
        };
    }

    /// <summary>Reads a verifier key; see the class summary for the format.</summary>
    /// <param name="text">The text, or null. No trimming is done.</param>
    /// <param name="key">The key when valid; otherwise null.</param>
    /// <param name="error">Null when valid; otherwise why not.</param>
    /// <returns>True when <paramref name="text"/> is a valid verifier key of a known type.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NoteVerifierKey? key, [NotNullWhen(false)] out VerifierKeyError? error)
    {
        key = null;
        var parts = (text ?? string.Empty).Split('+', 3);
        if (parts.Length != 3)
        {
            error = Malformed("A verifier key has the form <name>+<key ID>+<base64 key data>.");
            return false;
        }

        var (name, hex, base64) = (parts[0], parts[1], parts[2]);
        if (!NoteKeyName.IsValid(name))
        {
            error = Malformed($"'{name}' is not a valid key name.");
            return false;
        }

        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            error = Malformed($"The key ID '{hex}' is not 8 hexadecimal digits.");
            return false;
        }

        if (!StrictBase64.TryDecode(base64, out var keyData) || keyData.Length == 0)
        {
            error = Malformed("The key data is not canonical non-empty base64.");
            return false;
        }

        if (keyId != NoteKeyName.ComputeKeyId(name, keyData))
        {
            error = new VerifierKeyError(VerifierKeyErrorKind.KeyIdMismatch, $"The key ID {hex} does not match the name and key data: the key is mistyped or altered.");
            return false;
        }

        return TryCreate(name, keyData, out key, out error);
    }

    /// <summary>Reads a verifier key, throwing if it is not valid.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not a valid verifier key of a known type.</exception>
    public static NoteVerifierKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error.Message);

    /// <summary>A verifier for this key.</summary>
    /// <returns>A thread-safe verifier.</returns>
    public INoteVerifier CreateVerifier() => _publicKey switch
    {
        Ed25519PublicKeyParameters ed25519 => new Ed25519NoteVerifier(Name, KeyId, ed25519),
        _ => new Sm2NoteVerifier(Name, KeyId, (ECPublicKeyParameters)_publicKey),
    };

    /// <summary>The public key as SubjectPublicKeyInfo PEM, as <c>openssl pkeyutl -pubin -inkey</c> reads it.</summary>
    /// <returns>The PEM text, ending in a newline.</returns>
    public string ToPublicKeyPem() => KeyPem.WritePublicKey(_publicKey);

    /// <summary>The verifier key text: <c>&lt;name&gt;+&lt;key ID&gt;+&lt;base64 key data&gt;</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String(_keyData)}");

    /// <inheritdoc/>
    public bool Equals(NoteVerifierKey? other) =>
        other is not null && Name == other.Name && _keyData.AsSpan().SequenceEqual(other._keyData);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NoteVerifierKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, KeyId);

    private static bool TryCreate(string name, byte[] keyData, [NotNullWhen(true)] out NoteVerifierKey? key, [NotNullWhen(false)] out VerifierKeyError? error)
    {
        key = null;
        error = null;
        switch (keyData[0])
        {
            case NoteSignatureType.Ed25519:
                var ed25519 = TryDecodeEd25519(keyData.AsSpan(1));
                if (ed25519 is null)
                {
                    error = InvalidPublicKey("An Ed25519 public key is a 32-byte point of the curve.");
                    return false;
                }

                key = new NoteVerifierKey(name, NoteKeyAlgorithm.Ed25519, keyData, ed25519);
                return true;

            case NoteSignatureType.Unregistered when keyData.AsSpan().StartsWith(NoteSignatureType.Sm2Prefix()):
                var sm2 = Sm2.TryDecodePublicKey(keyData.AsSpan(NoteSignatureType.Sm2Prefix().Length));
                if (sm2 is null)
                {
                    error = InvalidPublicKey("An SM2 public key is a 65-byte uncompressed point 0x04 || X || Y of sm2p256v1.");
                    return false;
                }

                key = new NoteVerifierKey(name, NoteKeyAlgorithm.Sm2, keyData, sm2);
                return true;

            default:
                error = new VerifierKeyError(
                    VerifierKeyErrorKind.UnknownSignatureType,
                    string.Create(CultureInfo.InvariantCulture, $"Signature type 0x{keyData[0]:x2} is not one this platform verifies (0x01 Ed25519, 0xff \"{NoteSignatureType.Sm2Identifier}\")."));
                return false;
        }
    }

    private static Ed25519PublicKeyParameters? TryDecodeEd25519(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519PublicKeySize)
        {
            return null;
        }

        try
        {
            return new Ed25519PublicKeyParameters(publicKey);
        }
        catch (ArgumentException)
        {
            // Not the encoding of a curve point.
            return null;
        }
    }

    private static VerifierKeyError Malformed(string message) => new(VerifierKeyErrorKind.Malformed, message);

    private static VerifierKeyError InvalidPublicKey(string message) => new(VerifierKeyErrorKind.InvalidPublicKey, message);
}
