using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace DataIp.Crypto;

/// <summary>
/// Signs notes with Ed25519 (RFC 8032, pure, no context): signature type 0x01, key ID
/// SHA-256(name || 0x0A || 0x01 || public key)[:4] (c2sp.org/signed-note "Ed25519 signatures").
/// Signatures are deterministic. Thread-safe.
/// </summary>
public sealed class Ed25519NoteSigner : INoteSigner
{
    /// <summary>The size of an Ed25519 private key (the RFC 8032 seed) in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>The size of an Ed25519 signature in bytes.</summary>
    public const int SignatureSize = 64;

    private readonly Ed25519PrivateKeyParameters _privateKey;

    /// <summary>Makes a signer from a 32-byte RFC 8032 private key.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="privateKey">The 32-byte private key (the seed, as in PKCS#8 and Go's NewKeyFromSeed).</param>
    /// <exception cref="ArgumentException">The name is invalid or the key is not 32 bytes.</exception>
    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> privateKey)
        : this(name, new Ed25519PrivateKeyParameters(RequireSize(privateKey)))
    {
    }

    internal Ed25519NoteSigner(string name, Ed25519PrivateKeyParameters privateKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        _privateKey = privateKey;
        VerifierKey = NoteVerifierKey.ForEd25519(name, privateKey.GeneratePublicKey().GetEncoded());
    }

    /// <inheritdoc/>
    public string Name => VerifierKey.Name;

    /// <inheritdoc/>
    public uint KeyId => VerifierKey.KeyId;

    /// <inheritdoc/>
    public byte SignatureType => NoteSignatureType.Ed25519;

    /// <inheritdoc/>
    public NoteVerifierKey VerifierKey { get; }

    internal Ed25519PrivateKeyParameters PrivateKey => _privateKey;

    /// <summary>Generates a new key pair from the system's secure random source.</summary>
    /// <param name="name">A valid key name.</param>
    /// <returns>The signer.</returns>
    public static Ed25519NoteSigner Generate(string name) =>
        new(name, new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <inheritdoc/>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureSize];
        _privateKey.Sign(Ed25519.Algorithm.Ed25519, null, message, signature);
        return signature;
    }

    private static ReadOnlySpan<byte> RequireSize(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == PrivateKeySize
            ? privateKey
            : throw new ArgumentException($"An Ed25519 private key has {PrivateKeySize} bytes, not {privateKey.Length}.", nameof(privateKey));
}
