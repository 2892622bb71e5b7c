namespace DataIp.Crypto.Tests;

public sealed class SignedNoteSignTests
{
    [Fact]
    public void Sign_GoPeterNeumannExample_GivesGoOutputExactly()
    {
        var note = SignedNote.Sign(GoNoteVectors.Text, GoNoteVectors.PeterSigner);

        Assert.Equal(GoNoteVectors.SignedByPeter, note);
    }

    [Fact]
    public void Sign_TwoSigners_WritesOneLinePerSignerInOrder()
    {
        var ed25519 = Ed25519NoteSigner.Generate("log.example");
        var sm2 = Sm2NoteSigner.Generate("log.example");

        var note = SignedNote.Sign("text\n", ed25519, sm2);

        var lines = note.Split('\n');
        Assert.Equal(["text", "", $"— log.example {lines[2][14..]}", $"— log.example {lines[3][14..]}", ""], lines);
        Assert.Equal(ed25519.KeyId, Signature(lines[2]).KeyId);
        Assert.Equal(sm2.KeyId, Signature(lines[3]).KeyId);
    }

    [Fact]
    public void Sign_ThenOpen_VerifiesBothAlgorithms()
    {
        var ed25519 = Ed25519NoteSigner.Generate("log.example");
        var sm2 = Sm2NoteSigner.Generate("log.example");

        var result = SignedNote.Open(SignedNote.Sign("a\n\nb\n", ed25519, sm2), [ed25519.VerifierKey.CreateVerifier(), sm2.VerifierKey.CreateVerifier()]);

        Assert.True(result.IsVerified, result.Failure?.Message);
        Assert.Equal("a\n\nb\n", result.Note.Text);
        Assert.Equal([ed25519.KeyId, sm2.KeyId], result.Note.VerifiedSignatures.Select(s => s.KeyId));
        Assert.Empty(result.Note.UnverifiedSignatures);
    }

    [Fact]
    public void Sign_SignsTheUtf8TextWithItsFinalNewline()
    {
        var signer = Sm2NoteSigner.Generate("登记.example");
        const string Text = "数据知识产权\n";

        var note = SignedNote.Sign(Text, signer);

        var signature = Signature(note.Split('\n')[2]);
        Assert.True(signer.VerifierKey.CreateVerifier().Verify("数据知识产权\n"u8, signature.GetSignatureBytes()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("tab\there\n")]
    [InlineData("cr\r\n")]
    public void Sign_BadText_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, GoNoteVectors.PeterSigner));
    }

    [Fact]
    public void Sign_UnpairedSurrogate_Throws()
    {
        // Built here: xUnit would replace the lone surrogate of an InlineData string.
        var text = "lone " + '\ud800' + " surrogate\n";

        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, GoNoteVectors.PeterSigner));
    }

    [Fact]
    public void Sign_NoSigner_Throws()
    {
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("text\n"));
    }

    [Fact]
    public void Sign_SameKeyTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("text\n", GoNoteVectors.PeterSigner, GoNoteVectors.PeterSigner));
    }

    [Fact]
    public void Sign_SignerWithInvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("text\n", new NamedSigner("bad name")));
    }

    private static NoteSignature Signature(string line)
    {
        var parts = line.Split(' ');
        var bytes = Convert.FromBase64String(parts[2]);
        return new NoteSignature(parts[1], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes), parts[2]);
    }

    private sealed class NamedSigner(string name) : INoteSigner
    {
        public string Name => name;

        public uint KeyId => 1;

        public byte SignatureType => NoteSignatureType.Ed25519;

        public NoteVerifierKey VerifierKey => GoNoteVectors.PeterSigner.VerifierKey;

        public byte[] Sign(ReadOnlySpan<byte> message) => [1];
    }
}
