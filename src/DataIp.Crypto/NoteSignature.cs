namespace DataIp.Crypto;

/// <summary>
/// One signature line of a note, verified or not: the key name, the key ID and the base64 of
/// (key ID || signature) exactly as written. Equal when all three are equal.
/// </summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The key ID (the first four bytes of the decoded base64, big-endian).</param>
/// <param name="Base64">The base64 text of the line, key ID included.</param>
public sealed record NoteSignature(string Name, uint KeyId, string Base64)
{
    /// <summary>The signature bytes without the 4-byte key ID, as <c>openssl pkeyutl -sigfile</c> reads them.</summary>
    /// <returns>A new array.</returns>
    public byte[] GetSignatureBytes() => Convert.FromBase64String(Base64)[4..];
}
