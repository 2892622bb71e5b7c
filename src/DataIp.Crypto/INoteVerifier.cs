namespace DataIp.Crypto;

/// <summary>
/// Verifies signatures by one public key (c2sp.org/signed-note). Made from a
/// <see cref="NoteVerifierKey"/>; implementations must be thread-safe.
/// </summary>
public interface INoteVerifier
{
    /// <summary>The key name that signature lines must carry.</summary>
    string Name { get; }

    /// <summary>The key ID that signature lines must carry.</summary>
    uint KeyId { get; }

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/>.</summary>
    /// <param name="message">The note text as UTF-8 bytes.</param>
    /// <param name="signature">The signature bytes, without the key ID.</param>
    /// <returns>True when the signature verifies; false for any malformed or wrong signature.</returns>
    bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
