using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace DataIp.Crypto;

/// <summary>
/// Signs notes with SM2 and SM3 (GB/T 32918.2), signer ID "1234567812345678" passed explicitly,
/// signatures DER-encoded as SEQUENCE { r INTEGER, s INTEGER } as OpenSSL writes and reads them.
/// Signature type 0xff followed by <see cref="NoteSignatureType.Sm2Identifier"/>; key ID
/// SHA-256(name || 0x0A || 0xff || identifier || 0x04 || X || Y)[:4] (docs/signatures.md).
/// Signatures are randomised. Thread-safe.
/// </summary>
public sealed class Sm2NoteSigner : INoteSigner
{
    /// <summary>The size of an SM2 private key (the scalar d, big-endian) in bytes.</summary>
    public const int PrivateKeySize = 32;

    private readonly ECPrivateKeyParameters _privateKey;

    /// <summary>Makes a signer from a 32-byte big-endian private scalar d, 1 ≤ d ≤ n − 2.</summary>
    /// <param name="name">A valid key name.</param>
    /// <param name="privateKey">The scalar d, 32 bytes big-endian.</param>
    /// <exception cref="ArgumentException">The name is invalid or d is not a valid SM2 private key.</exception>
    public Sm2NoteSigner(string name, ReadOnlySpan<byte> privateKey)
        : this(name, new ECPrivateKeyParameters("EC", new BigInteger(1, RequireSize(privateKey)), Sm2.Domain))
    {
    }

    internal Sm2NoteSigner(string name, ECPrivateKeyParameters privateKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        if (!Sm2.IsSm2Curve(privateKey.Parameters))
        {
            throw new ArgumentException("The key is not on the SM2 curve sm2p256v1.", nameof(privateKey));
        }

        if (!Sm2.IsValidPrivateKey(privateKey.D))
        {
            throw new ArgumentException("An SM2 private key must be in [1, n - 2].", nameof(privateKey));
        }

        // Re-made on the named domain, so that PKCS#8 and SPKI exports name the curve by its OID.
        _privateKey = new ECPrivateKeyParameters("EC", privateKey.D, Sm2.Domain);
        VerifierKey = NoteVerifierKey.ForSm2(name, Sm2.Encode(Sm2.PublicKey(_privateKey).Q));
    }

    /// <inheritdoc/>
    public string Name => VerifierKey.Name;

    /// <inheritdoc/>
    public uint KeyId => VerifierKey.KeyId;

    /// <inheritdoc/>
    public byte SignatureType => NoteSignatureType.Unregistered;

    /// <inheritdoc/>
    public NoteVerifierKey VerifierKey { get; }

    internal ECPrivateKeyParameters PrivateKey => _privateKey;

    /// <summary>Generates a new key pair from the system's secure random source.</summary>
    /// <param name="name">A valid key name.</param>
    /// <returns>The signer.</returns>
    public static Sm2NoteSigner Generate(string name)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2.Domain, new SecureRandom()));
        while (true)
        {
            var privateKey = (ECPrivateKeyParameters)generator.GenerateKeyPair().Private;
            // The generator draws d from [1, n - 1]; SM2 excludes n - 1 (chance 2^-256, but cheap to rule out).
            if (Sm2.IsValidPrivateKey(privateKey.D))
            {
                return new Sm2NoteSigner(name, privateKey);
            }
        }
    }

    /// <inheritdoc/>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = Sm2.CreateSigner(forSigning: true, _privateKey);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    private static byte[] RequireSize(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == PrivateKeySize
            ? privateKey.ToArray()
            : throw new ArgumentException($"An SM2 private key has {PrivateKeySize} bytes, not {privateKey.Length}.", nameof(privateKey));
}
