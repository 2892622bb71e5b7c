using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace DataIp.Crypto;

/// <summary>Verifies Ed25519 note signatures (RFC 8032, pure). Made by <see cref="NoteVerifierKey.CreateVerifier"/>.</summary>
internal sealed class Ed25519NoteVerifier(string name, uint keyId, Ed25519PublicKeyParameters publicKey) : INoteVerifier
{
    public string Name { get; } = name;

    public uint KeyId { get; } = keyId;

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519NoteSigner.SignatureSize
        && publicKey.Verify(Ed25519.Algorithm.Ed25519, null, message, signature);
}
