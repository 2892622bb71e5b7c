namespace DataIp.Crypto;

/// <summary>The signature algorithms this platform signs and verifies notes with.</summary>
public enum NoteKeyAlgorithm
{
    /// <summary>Ed25519 (RFC 8032), signature type 0x01.</summary>
    Ed25519 = 1,

    /// <summary>SM2 with SM3, signer ID 1234567812345678, signature type 0xff + <see cref="NoteSignatureType.Sm2Identifier"/>.</summary>
    Sm2 = 2,
}
