using System.Security.Cryptography;
using System.Text;

namespace DataIp.Crypto.Tests;

/// <summary>
/// Every signature must verify with an independent tool (ARCHITECTURE "Trust and keys"): our
/// checkpoint signatures with OpenSSL alone, and OpenSSL's keys and signatures with ours. OpenSSL
/// 3.0 applies no default SM2 signer ID, so every SM2 command passes distid explicitly.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private const string Origin = "registry.example/log";
    private const string Verified = "Signature Verified Successfully";

    private readonly TemporaryDirectory _temporary = new();

    public static TheoryData<NoteKeyAlgorithm> Algorithms => NoteSignerTests.Algorithms;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Ed25519Checkpoint_VerifiesWithOpenSslPkeyutl()
    {
        var signer = Ed25519NoteSigner.Generate(Origin);
        WriteSignedCheckpoint(signer, "ed25519");

        var result = Openssl("pkeyutl", "-verify", "-pubin", "-inkey", "ed25519-pub.pem", "-rawin", "-in", "msg.bin", "-sigfile", "ed25519.sig");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Verified, result.Output);
    }

    [Fact]
    public void Sm2Checkpoint_VerifiesWithOpenSslPkeyutl()
    {
        var signer = Sm2NoteSigner.Generate(Origin);
        WriteSignedCheckpoint(signer, "sm2");

        var result = Openssl(
            "pkeyutl", "-verify", "-pubin", "-inkey", "sm2-pub.pem", "-rawin", "-digest", "sm3",
            "-pkeyopt", "distid:1234567812345678", "-in", "msg.bin", "-sigfile", "sm2.sig");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Verified, result.Output);
    }

    [Fact]
    public void Sm2Checkpoint_VerifiesWithOpenSslDgst()
    {
        var signer = Sm2NoteSigner.Generate(Origin);
        WriteSignedCheckpoint(signer, "sm2");

        var result = Openssl("dgst", "-sm3", "-verify", "sm2-pub.pem", "-sigopt", "distid:1234567812345678", "-signature", "sm2.sig", "msg.bin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Verified OK", result.Output);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void TamperedCheckpoint_FailsOpenSslVerification(NoteKeyAlgorithm algorithm)
    {
        var signer = NoteSignerTests.Generate(algorithm, Origin);
        var stem = WriteSignedCheckpoint(signer, algorithm == NoteKeyAlgorithm.Ed25519 ? "ed25519" : "sm2");
        var message = File.ReadAllText(_temporary.File("msg.bin"));
        File.WriteAllText(_temporary.File("msg.bin"), message.Replace("\n12345\n", "\n12346\n", StringComparison.Ordinal));

        var result = Openssl([.. VerifyArguments(algorithm, stem)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Signature Verification Failure", result.Output + result.Error);
    }

    [Fact]
    public void Sm2Signature_WithoutDistid_FailsOpenSslVerification()
    {
        // The pitfall: OpenSSL 3.0 would use an empty signer ID.
        WriteSignedCheckpoint(Sm2NoteSigner.Generate(Origin), "sm2");

        var result = Openssl("pkeyutl", "-verify", "-pubin", "-inkey", "sm2-pub.pem", "-rawin", "-digest", "sm3", "-in", "msg.bin", "-sigfile", "sm2.sig");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void OpenSslEd25519Key_LoadsAndSignsAsOpenSslDoes()
    {
        Run("genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        Run("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        File.WriteAllText(_temporary.File("msg.bin"), "registry.example/log\n1\n" + Convert.ToBase64String(new byte[32]) + "\n");
        Run("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg.bin", "-out", "openssl.sig");

        var signer = NoteKeyStore.FromPem(Origin, File.ReadAllText(_temporary.File("key.pem")));
        var verifier = NoteVerifierKey.FromPublicKeyPem(Origin, File.ReadAllText(_temporary.File("pub.pem")));
        var message = File.ReadAllBytes(_temporary.File("msg.bin"));
        var opensslSignature = File.ReadAllBytes(_temporary.File("openssl.sig"));

        Assert.Equal(verifier, signer.VerifierKey);
        Assert.True(verifier.CreateVerifier().Verify(message, opensslSignature));
        // Ed25519 is deterministic: the same key signs the same bytes identically.
        Assert.Equal(opensslSignature, signer.Sign(message));
    }

    [Fact]
    public void OpenSslSm2Key_LoadsAndSignaturesCrossVerify()
    {
        Run("genpkey", "-algorithm", "sm2", "-out", "key.pem");
        Run("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        File.WriteAllText(_temporary.File("msg.bin"), "registry.example/log\n1\n" + Convert.ToBase64String(new byte[32]) + "\n");
        Run("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", "msg.bin", "-out", "openssl.sig");

        var signer = NoteKeyStore.FromPem(Origin, File.ReadAllText(_temporary.File("key.pem")));
        var verifier = NoteVerifierKey.FromPublicKeyPem(Origin, File.ReadAllText(_temporary.File("pub.pem")));
        var message = File.ReadAllBytes(_temporary.File("msg.bin"));
        File.WriteAllBytes(_temporary.File("ours.sig"), signer.Sign(message));

        Assert.Equal(verifier, signer.VerifierKey);
        Assert.True(verifier.CreateVerifier().Verify(message, File.ReadAllBytes(_temporary.File("openssl.sig"))));
        Assert.Contains(Verified, Run([.. VerifyArguments(NoteKeyAlgorithm.Sm2, "ours").Select(a => a == "sm2-pub.pem" ? "pub.pem" : a)]).Output);
    }

    [Fact]
    public void OpenSslSignedNote_OpensWithVerifierFromOpenSslPublicKey()
    {
        // A whole note signed by OpenSSL: the key ID from the verifier key, the signature from pkeyutl.
        Run("genpkey", "-algorithm", "sm2", "-out", "key.pem");
        Run("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        var key = NoteVerifierKey.FromPublicKeyPem(Origin, File.ReadAllText(_temporary.File("pub.pem")));
        var text = new Checkpoint(Origin, 3, SHA256.HashData([3])).ToNoteText();
        File.WriteAllText(_temporary.File("msg.bin"), text);
        Run("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", "msg.bin", "-out", "openssl.sig");
        byte[] line = [(byte)(key.KeyId >> 24), (byte)(key.KeyId >> 16), (byte)(key.KeyId >> 8), (byte)key.KeyId, .. File.ReadAllBytes(_temporary.File("openssl.sig"))];

        var result = SignedNote.Open($"{text}\n— {Origin} {Convert.ToBase64String(line)}\n", [key.CreateVerifier()]);

        Assert.True(result.IsVerified, result.Failure?.Message);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void KeyStoreFiles_AreReadByOpenSsl(NoteKeyAlgorithm algorithm)
    {
        var directory = _temporary.File("keys");
        NoteKeyStore.LoadOrCreate(directory, Origin, algorithm);
        var privatePath = Path.Combine(directory, NoteKeyStore.PrivateKeyFileName(algorithm));

        var derived = Run("pkey", "-in", privatePath, "-pubout");

        Assert.Equal(File.ReadAllText(Path.Combine(directory, NoteKeyStore.PublicKeyFileName(algorithm))), derived.Output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Sm3_MatchesOpenSslDgst(int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);

        var result = OpenSsl.Run(_temporary.Path, data, "dgst", "-sm3", "-r");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.Output.Split(' ')[0], Convert.ToHexStringLower(DataIp.Domain.Hashing.Sm3.HashData(data)));
    }

    /// <summary>
    /// Signs a checkpoint with <paramref name="signer"/>, then writes what a verifier by hand has:
    /// <c>msg.bin</c> (the note text), <c>{stem}.sig</c> (the signature line's bytes after the key ID)
    /// and <c>{stem}-pub.pem</c>; the signature is taken from the note, as docs/signatures.md does.
    /// </summary>
    private string WriteSignedCheckpoint(INoteSigner signer, string stem)
    {
        var checkpoint = new Checkpoint(Origin, 12345, SHA256.HashData("root"u8));
        var note = SignedNote.Sign(checkpoint.ToNoteText(), signer);
        var opened = SignedNote.Open(note, [signer.VerifierKey.CreateVerifier()]);
        Assert.True(opened.IsVerified);

        File.WriteAllBytes(_temporary.File("msg.bin"), Encoding.UTF8.GetBytes(opened.Note.Text));
        File.WriteAllBytes(_temporary.File($"{stem}.sig"), opened.Note.VerifiedSignatures[0].GetSignatureBytes());
        File.WriteAllText(_temporary.File($"{stem}-pub.pem"), signer.VerifierKey.ToPublicKeyPem());
        return stem;
    }

    private static string[] VerifyArguments(NoteKeyAlgorithm algorithm, string stem) => algorithm == NoteKeyAlgorithm.Ed25519
        ? ["pkeyutl", "-verify", "-pubin", "-inkey", "ed25519-pub.pem", "-rawin", "-in", "msg.bin", "-sigfile", $"{stem}.sig"]
        : ["pkeyutl", "-verify", "-pubin", "-inkey", "sm2-pub.pem", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", "msg.bin", "-sigfile", $"{stem}.sig"];

    private OpenSsl.Result Openssl(params string[] arguments) => OpenSsl.Run(_temporary.Path, arguments);

    // A step that must succeed.
    private OpenSsl.Result Run(params string[] arguments)
    {
        var result = OpenSsl.Run(_temporary.Path, arguments);
        Assert.True(result.ExitCode == 0, $"openssl {string.Join(' ', arguments)}: {result}");
        return result;
    }
}
