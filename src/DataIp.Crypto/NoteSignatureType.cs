using System.Text;

namespace DataIp.Crypto;

/// <summary>
/// Signature type bytes of c2sp.org/signed-note ("Signature types"), and the identifier this
/// platform writes after 0xff for SM2 (docs/signatures.md).
/// </summary>
public static class NoteSignatureType
{
    /// <summary>0x01: Ed25519 over the note text (RFC 8032).</summary>
    public const byte Ed25519 = 0x01;

    /// <summary>0xff: a type without an assigned byte, followed by a longer identifier.</summary>
    public const byte Unregistered = 0xff;

    /// <summary>
    /// The identifier after 0xff for SM2 signatures with SM3 (GB/T 32918.2, GB/T 32905), signer ID
    /// "1234567812345678", DER-encoded (r, s) as OpenSSL writes them: the 28 ASCII bytes
    /// <c>sm2-sm3-der/1234567812345678</c>. It names everything a verifier must agree on, so two
    /// parties who chose the same identifier mean the same algorithm.
    /// </summary>
    public const string Sm2Identifier = "sm2-sm3-der/1234567812345678";

    /// <summary>The SM2 signer ID (distinguishing identifier, GB/T 32918.2 §5.5): the 16 ASCII digits.</summary>
    public const string Sm2SignerId = "1234567812345678";

    /// <summary>0xff followed by <see cref="Sm2Identifier"/>: the bytes before an SM2 public key.</summary>
    internal static byte[] Sm2Prefix() => [Unregistered, .. Encoding.ASCII.GetBytes(Sm2Identifier)];
}
