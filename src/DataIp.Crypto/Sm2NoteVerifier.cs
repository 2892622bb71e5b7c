using Org.BouncyCastle.Crypto.Parameters;

namespace DataIp.Crypto;

/// <summary>
/// Verifies SM2-with-SM3 note signatures, signer ID "1234567812345678", DER-encoded. Made by
/// <see cref="NoteVerifierKey.CreateVerifier"/>.
/// </summary>
internal sealed class Sm2NoteVerifier(string name, uint keyId, ECPublicKeyParameters publicKey) : INoteVerifier
{
    // Two DER INTEGERs of at most 33 bytes each in a SEQUENCE: 72 bytes; anything longer is not ours.
    private const int MaxSignatureSize = 72;

    public string Name { get; } = name;

    public uint KeyId { get; } = keyId;

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.IsEmpty || signature.Length > MaxSignatureSize)
        {
            return false;
        }

        // SM2Signer decodes strictly (it re-encodes and compares) and answers false, not an
        // exception, for a malformed or out-of-range (r, s).
        var verifier = Sm2.CreateSigner(forSigning: false, publicKey);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }
}
