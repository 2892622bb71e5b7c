namespace DataIp.Crypto.Tests;

/// <summary>
/// Test vectors of golang.org/x/mod/sumdb/note (note_test.go: TestNewVerifier, TestSign, TestOpen),
/// the reference implementation of the signed-note format.
/// </summary>
internal static class GoNoteVectors
{
    public const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    public const uint PeterKeyId = 0xc74f20a3;

    /// <summary>Go's signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+&lt;base64&gt;": 0x01 || the 32-byte Ed25519 seed.</summary>
    public const string PeterSignerKeyData = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    public const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    public const uint EnochKeyId = 0xaf0cfe78;

    public const string Text =
        "If you think cryptography is the answer to your problem,\n" +
        "then you don't know what your problem is.\n";

    public const string PeterSignatureBase64 = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    public const string PeterLine = "— PeterNeumann " + PeterSignatureBase64 + "\n";

    public const string EnochSignatureBase64 = "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

    public const string EnochLine = "— EnochRoot " + EnochSignatureBase64 + "\n";

    public const string SignedByPeter = Text + "\n" + PeterLine;

    public static INoteVerifier Peter => NoteVerifierKey.Parse(PeterVerifierKey).CreateVerifier();

    public static INoteVerifier Enoch => NoteVerifierKey.Parse(EnochVerifierKey).CreateVerifier();

    public static Ed25519NoteSigner PeterSigner => new("PeterNeumann", Convert.FromBase64String(PeterSignerKeyData).AsSpan(1));
}
