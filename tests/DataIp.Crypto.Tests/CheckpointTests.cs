namespace DataIp.Crypto.Tests;

public sealed class CheckpointTests
{
    // The example of c2sp.org/tlog-checkpoint.
    private const string SpecText = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void ToNoteText_Golden_IsOriginSizeAndBase64Root()
    {
        var root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var text = new Checkpoint("registry.example/log", 12345, root).ToNoteText();

        // python3 -c "import base64; print(base64.b64encode(bytes(range(32))).decode())"
        Assert.Equal("registry.example/log\n12345\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n", text);
    }

    [Fact]
    public void ToNoteText_WithExtensions_AppendsOneLineEach()
    {
        var text = new Checkpoint("o", 0, new byte[32], ["ext one", "ext two"]).ToNoteText();

        Assert.Equal("o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\next two\n", text);
    }

    [Fact]
    public void Parse_SpecExample_ReadsEveryField()
    {
        var checkpoint = Checkpoint.Parse(SpecText);

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163, checkpoint.TreeSize);
        Assert.Equal(Convert.FromBase64String("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), checkpoint.RootHash.ToArray());
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(SpecText, checkpoint.ToNoteText());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void Parse_ToNoteText_RoundTrips(long treeSize)
    {
        var checkpoint = new Checkpoint("登记.example/log", treeSize, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), ["x"]);

        Assert.Equal(checkpoint, Checkpoint.Parse(checkpoint.ToNoteText()));
    }

    [Theory]
    [InlineData("", CheckpointErrorKind.Malformed, 0)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", CheckpointErrorKind.Malformed, 0)]
    [InlineData("o\r\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.Malformed, 0)]
    [InlineData("o\n1\n", CheckpointErrorKind.TooFewLines, 0)]
    [InlineData("\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.EmptyOrigin, 1)]
    [InlineData("o\n\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n1e3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n١\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotDecimal, 2)]
    [InlineData("o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotCanonical, 2)]
    [InlineData("o\n00\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeNotCanonical, 2)]
    [InlineData("o\n9223372036854775808\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.TreeSizeOutOfRange, 2)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", CheckpointErrorKind.RootHashNotBase64, 3)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", CheckpointErrorKind.RootHashNotBase64, 3)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h 2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.RootHashNotBase64, 3)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", CheckpointErrorKind.RootHashNotBase64, 3)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n", CheckpointErrorKind.RootHashWrongLength, 3)]
    [InlineData("o\n1\n\n", CheckpointErrorKind.RootHashWrongLength, 3)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n", CheckpointErrorKind.EmptyExtensionLine, 4)]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nx\n\n", CheckpointErrorKind.EmptyExtensionLine, 5)]
    public void TryParse_BadText_ReportsKindAndLine(string text, CheckpointErrorKind kind, int line)
    {
        Assert.False(Checkpoint.TryParse(text, out var checkpoint, out var error));

        Assert.Null(checkpoint);
        Assert.Equal((kind, line), (error.Kind, error.Line));
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Checkpoint.Parse("o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint("", 1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a\nb", 1, new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Checkpoint("o", -1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, new byte[31]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, new byte[32], [""]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, new byte[32], ["a\nb"]));
    }

    [Fact]
    public void Constructor_CopiesTheRootHash()
    {
        var root = new byte[32];
        var checkpoint = new Checkpoint("o", 1, root);

        root[0] = 1;

        Assert.Equal(0, checkpoint.RootHash[0]);
    }

    [Fact]
    public void SignedCheckpoint_OpenThenParse_GivesTheCheckpoint()
    {
        var ed25519 = Ed25519NoteSigner.Generate("registry.example/log");
        var sm2 = Sm2NoteSigner.Generate("registry.example/log");
        var checkpoint = new Checkpoint("registry.example/log", 7, System.Security.Cryptography.SHA256.HashData([1]));

        var note = SignedNote.Sign(checkpoint.ToNoteText(), ed25519, sm2);
        var opened = SignedNote.Open(note, [sm2.VerifierKey.CreateVerifier()]);

        Assert.True(opened.IsVerified);
        Assert.Equal(checkpoint, Checkpoint.Parse(opened.Note.Text));
        Assert.Equal([ed25519.KeyId], opened.Note.UnverifiedSignatures.Select(s => s.KeyId));
    }
}
