namespace DataIp.Crypto;

/// <summary>
/// Signs note texts with one private key (c2sp.org/signed-note). The seam between the note format
/// and the keys: a test or an HSM can stand in. Implementations must be thread-safe.
/// </summary>
public interface INoteSigner
{
    /// <summary>The key name written in the signature line; a valid <see cref="NoteKeyName"/>.</summary>
    string Name { get; }

    /// <summary>The 32-bit key ID written before the signature bytes.</summary>
    uint KeyId { get; }

    /// <summary>The signature type byte: <see cref="NoteSignatureType.Ed25519"/> or <see cref="NoteSignatureType.Unregistered"/>.</summary>
    byte SignatureType { get; }

    /// <summary>The verifier key to publish, so that others can verify this signer's notes.</summary>
    NoteVerifierKey VerifierKey { get; }

    /// <summary>Signs <paramref name="message"/>, the note text as UTF-8 bytes.</summary>
    /// <param name="message">The bytes to sign.</param>
    /// <returns>The signature bytes, without the key ID.</returns>
    byte[] Sign(ReadOnlySpan<byte> message);
}
