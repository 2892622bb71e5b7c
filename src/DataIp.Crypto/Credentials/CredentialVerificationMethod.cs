using System.Diagnostics.CodeAnalysis;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// One public key of the issuer, as published in its document (<see cref="IssuerDocument"/>): a
/// W3C Controlled Identifiers 1.0 "Multikey" whose publicKeyMultibase is multibase base58btc of a
/// multicodec prefix and the key:
/// <list type="bullet">
/// <item>Ed25519: <c>0xed 0x01</c> (ed25519-pub) and the 32-byte key, so it starts "z6Mk";</item>
/// <item>SM2: <c>0x86 0x24</c> (sm2-pub, 0x1206, a draft entry of the multicodec table) and the
/// 33-byte compressed point 0x02/0x03 || X, so it starts "zEP".</item>
/// </list>
/// </summary>
public sealed class CredentialVerificationMethod
{
    /// <summary>The verification method type of every entry.</summary>
    public const string Multikey = "Multikey";

    // Unsigned varints of the multicodec codes ed25519-pub (0xed) and sm2-pub (0x1206).
    private static readonly byte[] Ed25519Prefix = [0xed, 0x01];
    private static readonly byte[] Sm2Prefix = [0x86, 0x24];

    // The note key name is not part of a credential; verifier keys need one, so all share this.
    private const string KeyName = "credential";

    private CredentialVerificationMethod(string id, NoteVerifierKey key, string publicKeyMultibase)
    {
        Id = id;
        Key = key;
        PublicKeyMultibase = publicKeyMultibase;
    }

    /// <summary>The method's URL: the controller's DID, '#', a fragment.</summary>
    public string Id { get; }

    /// <summary>The DID that controls the key: <see cref="Id"/> before the '#'.</summary>
    public string Controller => Id[..Id.IndexOf('#', StringComparison.Ordinal)];

    /// <summary>The public key and its algorithm.</summary>
    public NoteVerifierKey Key { get; }

    /// <summary>The Multikey encoding of <see cref="Key"/>.</summary>
    public string PublicKeyMultibase { get; }

    /// <summary>A method with an explicit id.</summary>
    /// <param name="id">A DID URL with a non-empty fragment, e.g. "did:web:registry.example#key-1".</param>
    /// <param name="key">The public key (its note key name is ignored).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentException">The id has no DID before '#' or no fragment after it.</exception>
    public static CredentialVerificationMethod Create(string id, NoteVerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(key);
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == id.Length - 1)
        {
            throw new ArgumentException($"A verification method id is a URL with a fragment, not \"{id}\".", nameof(id));
        }

        return new(id, key, EncodeMultikey(key));
    }

    /// <summary>The method named after its key: <c>{controller}#{publicKeyMultibase}</c>, as did:key
    /// and the W3C test vectors name them; a new key gets a new id by itself.</summary>
    /// <param name="controller">The issuer's DID, e.g. "did:web:registry.example".</param>
    /// <param name="key">The public key.</param>
    /// <returns>The method.</returns>
    public static CredentialVerificationMethod For(string controller, NoteVerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Create($"{controller}#{EncodeMultikey(key)}", key);
    }

    /// <summary>Decodes a Multikey publicKeyMultibase (Ed25519 or SM2).</summary>
    /// <param name="id">The method's id.</param>
    /// <param name="publicKeyMultibase">The encoded key.</param>
    /// <param name="method">The method, when decoded.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <returns>True when the key is a valid Ed25519 or SM2 public key with its prefix.</returns>
    public static bool TryDecode(
        string id,
        string? publicKeyMultibase,
        [NotNullWhen(true)] out CredentialVerificationMethod? method,
        [NotNullWhen(false)] out string? error)
    {
        method = null;
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == id.Length - 1)
        {
            error = $"The verification method id \"{id}\" is not a URL with a fragment.";
            return false;
        }

        if (!Base58Btc.TryDecodeMultibase(publicKeyMultibase, out var bytes))
        {
            error = $"The publicKeyMultibase of \"{id}\" is not multibase base58btc.";
            return false;
        }

        var key = bytes switch
        {
            [0xed, 0x01, .. var ed25519] when ed25519.Length == 32 => TryEd25519(ed25519),
            [0x86, 0x24, .. var sm2] when sm2.Length == 33 => TrySm2(sm2),
            _ => null,
        };
        if (key is null)
        {
            error = $"The publicKeyMultibase of \"{id}\" is neither an Ed25519 (0xed01 + 32 bytes) nor an SM2 (0x8624 + 33-byte compressed point) public key.";
            return false;
        }

        method = new(id, key, publicKeyMultibase!);
        error = null;
        return true;
    }

    private static string EncodeMultikey(NoteVerifierKey key) => key.Algorithm switch
    {
        NoteKeyAlgorithm.Ed25519 => Base58Btc.EncodeMultibase([.. Ed25519Prefix, .. key.PublicKey]),
        _ => Base58Btc.EncodeMultibase([.. Sm2Prefix, .. Sm2.TryDecodePublicKey(key.PublicKey)!.Q.GetEncoded(compressed: true)]),
    };

    private static NoteVerifierKey? TryEd25519(byte[] publicKey)
    {
        try
        {
            return NoteVerifierKey.ForEd25519(KeyName, publicKey);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static NoteVerifierKey? TrySm2(byte[] compressed)
    {
        try
        {
            var q = Sm2.Domain.Curve.DecodePoint(compressed);
            return q.IsInfinity ? null : NoteVerifierKey.ForSm2(KeyName, Sm2.Encode(q));
        }
        catch (ArgumentException)
        {
            // Not a point of sm2p256v1.
            return null;
        }
    }
}
