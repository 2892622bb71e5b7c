using System.Buffers.Binary;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace DataIp.Crypto;

/// <summary>
/// Cosigns checkpoints with an Ed25519 key (c2sp.org/tlog-cosignature, cosignature/v1). Signatures
/// are deterministic for a given text and timestamp. Thread-safe.
/// </summary>
public sealed class CosignatureV1Signer
{
    /// <summary>The file prefix of the key in its directory: <c>witness-ed25519.pem</c>, <c>witness-ed25519.pub.pem</c>.</summary>
    public const string FilePrefix = "witness";

    private readonly Ed25519PrivateKeyParameters _privateKey;

    /// <summary>Makes a cosigner from a 32-byte RFC 8032 private key (the seed).</summary>
    /// <param name="name">A valid key name: the cosigner's name, written in its signature lines.</param>
    /// <param name="privateKey">The 32-byte private key.</param>
    /// <exception cref="ArgumentException">The name is invalid or the key is not 32 bytes.</exception>
    public CosignatureV1Signer(string name, ReadOnlySpan<byte> privateKey)
        : this(name, new Ed25519PrivateKeyParameters(privateKey.Length == Ed25519NoteSigner.PrivateKeySize
            ? privateKey
            : throw new ArgumentException($"An Ed25519 private key has {Ed25519NoteSigner.PrivateKeySize} bytes, not {privateKey.Length}.", nameof(privateKey))))
    {
    }

    private CosignatureV1Signer(string name, Ed25519PrivateKeyParameters privateKey)
    {
        NoteKeyName.ThrowIfInvalid(name, nameof(name));
        _privateKey = privateKey;
        VerifierKey = CosignatureV1VerifierKey.ForEd25519(name, privateKey.GeneratePublicKey().GetEncoded());
    }

    /// <summary>The cosigner's name.</summary>
    public string Name => VerifierKey.Name;

    /// <summary>The key ID written before the timestamp.</summary>
    public uint KeyId => VerifierKey.KeyId;

    /// <summary>The verifier key to publish (type 0x04).</summary>
    public CosignatureV1VerifierKey VerifierKey { get; }

    /// <summary>Generates a new key from the system's secure random source.</summary>
    /// <param name="name">A valid key name.</param>
    /// <returns>The cosigner.</returns>
    public static CosignatureV1Signer Generate(string name) => new(name, new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>
    /// Loads the cosigner's Ed25519 key from <paramref name="directory"/>, or creates it there on first
    /// use, as <see cref="NoteKeyStore.LoadOrCreate(string, string, NoteKeyAlgorithm)"/> does for a
    /// log's keys (owner-only files, atomic creation), named <c>witness-ed25519.pem</c>.
    /// </summary>
    /// <param name="directory">The key directory; created (owner-only) if missing.</param>
    /// <param name="name">The cosigner's name. The key does not depend on it, its key ID does.</param>
    /// <returns>The cosigner.</returns>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="InvalidOperationException">The key file is accessible to group or others, or cannot be read or written.</exception>
    public static CosignatureV1Signer LoadOrCreate(string directory, string name)
    {
        var key = (Ed25519NoteSigner)NoteKeyStore.LoadOrCreateWithPrefix(directory, name, NoteKeyAlgorithm.Ed25519, FilePrefix);
        return new CosignatureV1Signer(name, key.PrivateKey);
    }

    /// <summary>
    /// Cosigns a checkpoint: returns the signature line
    /// "— &lt;name&gt; base64(key ID || timestamp || signature)\n".
    /// </summary>
    /// <param name="checkpointText">The checkpoint's note text (see <see cref="Checkpoint.TryParse"/>), without signature lines.</param>
    /// <param name="time">The time of cosigning; its POSIX seconds are the timestamp.</param>
    /// <returns>The signature line, ending in a newline.</returns>
    /// <exception cref="ArgumentException">The text is not a checkpoint, or the time is before 1970.</exception>
    public string Cosign(string checkpointText, DateTimeOffset time)
    {
        if (!Checkpoint.TryParse(checkpointText, out _, out var error))
        {
            throw new ArgumentException($"Only checkpoints are cosigned: {error.Message}", nameof(checkpointText));
        }

        var timestamp = time.ToUnixTimeSeconds();
        if (timestamp < 0)
        {
            throw new ArgumentException("A cosignature's time is not before 1970.", nameof(time));
        }

        var bytes = new byte[4 + CosignatureV1.SignatureSize];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(4), (ulong)timestamp);
        _privateKey.Sign(Ed25519.Algorithm.Ed25519, null, CosignatureV1.Message(checkpointText, timestamp), bytes.AsSpan(4 + CosignatureV1.TimestampSize));
        return $"— {Name} {Convert.ToBase64String(bytes)}\n";
    }
}
