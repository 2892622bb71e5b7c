namespace DataIp.Crypto.Tests;

public sealed class NoteVerifierKeyTests
{
    [Fact]
    public void Parse_GoPeterNeumannKey_ReadsNameIdAndEd25519Key()
    {
        var key = NoteVerifierKey.Parse(GoNoteVectors.PeterVerifierKey);

        Assert.Equal("PeterNeumann", key.Name);
        Assert.Equal(GoNoteVectors.PeterKeyId, key.KeyId);
        Assert.Equal(NoteKeyAlgorithm.Ed25519, key.Algorithm);
        Assert.Equal(NoteSignatureType.Ed25519, key.SignatureType);
        Assert.Equal(32, key.PublicKey.Length);
        Assert.Equal(GoNoteVectors.PeterVerifierKey, key.ToString());
    }

    [Fact]
    public void Parse_GoEnochRootKey_RoundTrips()
    {
        var key = NoteVerifierKey.Parse(GoNoteVectors.EnochVerifierKey);

        Assert.Equal(GoNoteVectors.EnochKeyId, key.KeyId);
        Assert.Equal(GoNoteVectors.EnochVerifierKey, key.ToString());
    }

    [Fact]
    public void TryParse_EverySubstring_IsRefused()
    {
        // As Go's TestNewVerifier: no proper substring of a verifier key is one.
        var text = GoNoteVectors.PeterVerifierKey;

        for (var start = 0; start < text.Length; start++)
        {
            for (var end = start + 1; end <= text.Length; end++)
            {
                if (start != 0 || end != text.Length)
                {
                    Assert.False(NoteVerifierKey.TryParse(text[start..end], out _, out _), text[start..end]);
                }
            }
        }
    }

    [Fact]
    public void TryParse_EveryCharacterIncremented_IsRefused()
    {
        var text = GoNoteVectors.PeterVerifierKey;

        for (var i = 0; i < text.Length; i++)
        {
            var mangled = string.Concat(text.AsSpan(0, i), ((char)(text[i] + 1)).ToString(), text.AsSpan(i + 1));
            Assert.False(NoteVerifierKey.TryParse(mangled, out _, out _), mangled);
        }
    }

    [Theory]
    [InlineData("", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+c74f20a3", VerifierKeyErrorKind.Malformed)]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+c74f20g3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX", VerifierKeyErrorKind.KeyIdMismatch)]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.KeyIdMismatch)]
    [InlineData("PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.KeyIdMismatch)]
    // Go's TestNewVerifier: wrong key length and unknown algorithm, each with its key ID adjusted. The
    // first is refused earlier here than in Go: "EY==" leaves stray bits, so it is not canonical base64.
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==", VerifierKeyErrorKind.Malformed)]
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", VerifierKeyErrorKind.UnknownSignatureType)]
    public void TryParse_BadKey_ReportsWhatIsWrong(string text, VerifierKeyErrorKind expected)
    {
        Assert.False(NoteVerifierKey.TryParse(text, out var key, out var error));

        Assert.Null(key);
        Assert.Equal(expected, error.Kind);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void TryParse_Ed25519KeyOfWrongLength_IsInvalidPublicKey(int length)
    {
        byte[] data = [0x01, .. Convert.FromBase64String("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")[1..], 0];

        Assert.False(NoteVerifierKey.TryParse(WithKeyData("PeterNeumann", data[..(length + 1)]), out _, out var error));

        Assert.Equal(VerifierKeyErrorKind.InvalidPublicKey, error.Kind);
    }

    [Fact]
    public void TryParse_UpperCaseKeyId_IsAcceptedAndFormattedLowerCase()
    {
        Assert.True(NoteVerifierKey.TryParse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", out var key, out _));

        Assert.Equal(GoNoteVectors.PeterVerifierKey, key.ToString());
    }

    [Fact]
    public void Sm2Key_FormatAndParse_RoundTrips()
    {
        var signer = Sm2NoteSigner.Generate("registry.example/log");
        var text = signer.VerifierKey.ToString();

        Assert.True(NoteVerifierKey.TryParse(text, out var parsed, out var error), error?.Message);

        Assert.Equal(signer.VerifierKey, parsed);
        Assert.Equal(NoteKeyAlgorithm.Sm2, parsed.Algorithm);
        Assert.Equal(NoteSignatureType.Unregistered, parsed.SignatureType);
        Assert.Equal(signer.KeyId, parsed.KeyId);
    }

    [Fact]
    public void Sm2Key_KeyData_IsFfThenIdentifierThenUncompressedPoint()
    {
        var key = Sm2NoteSigner.Generate("registry.example/log").VerifierKey;

        var data = key.KeyData.ToArray();

        Assert.Equal(1 + 28 + 65, data.Length);
        Assert.Equal(0xff, data[0]);
        Assert.Equal("sm2-sm3-der/1234567812345678"u8.ToArray(), data[1..29]);
        Assert.Equal(0x04, data[29]);
        Assert.Equal(key.PublicKey.ToArray(), data[29..]);
    }

    [Fact]
    public void TryParse_Sm2KeyWithOtherIdentifier_IsUnknownType()
    {
        var key = Sm2NoteSigner.Generate("registry.example/log").VerifierKey;
        var data = key.KeyData.ToArray();
        data[1] = (byte)'S';

        Assert.False(NoteVerifierKey.TryParse(WithKeyData("registry.example/log", data), out _, out var error));

        Assert.Equal(VerifierKeyErrorKind.UnknownSignatureType, error.Kind);
    }

    [Fact]
    public void TryParse_Sm2PointOffTheCurve_IsInvalidPublicKey()
    {
        var data = Sm2NoteSigner.Generate("registry.example/log").VerifierKey.KeyData.ToArray();
        data[^1] ^= 1;

        Assert.False(NoteVerifierKey.TryParse(WithKeyData("registry.example/log", data), out _, out var error));

        Assert.Equal(VerifierKeyErrorKind.InvalidPublicKey, error.Kind);
    }

    [Fact]
    public void TryParse_Sm2CompressedPoint_IsInvalidPublicKey()
    {
        var key = Sm2NoteSigner.Generate("registry.example/log").VerifierKey;
        var point = key.PublicKey.ToArray();
        byte[] compressed = [(byte)(0x02 | (point[^1] & 1)), .. point[1..33]];

        Assert.False(NoteVerifierKey.TryParse(WithKeyData("registry.example/log", [.. key.KeyData[..29], .. compressed]), out _, out var error));

        Assert.Equal(VerifierKeyErrorKind.InvalidPublicKey, error.Kind);
    }

    [Fact]
    public void ForEd25519_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => NoteVerifierKey.ForEd25519("name", new byte[31]));
    }

    [Fact]
    public void ForSm2_InvalidName_Throws()
    {
        var point = Sm2NoteSigner.Generate("ok").VerifierKey.PublicKey.ToArray();

        Assert.Throws<ArgumentException>(() => NoteVerifierKey.ForSm2("a+b", point));
    }

    [Fact]
    public void FromPublicKeyPem_OwnExport_GivesTheSameKey()
    {
        var ed25519 = Ed25519NoteSigner.Generate("log.example").VerifierKey;
        var sm2 = Sm2NoteSigner.Generate("log.example").VerifierKey;

        Assert.Equal(ed25519, NoteVerifierKey.FromPublicKeyPem("log.example", ed25519.ToPublicKeyPem()));
        Assert.Equal(sm2, NoteVerifierKey.FromPublicKeyPem("log.example", sm2.ToPublicKeyPem()));
    }

    [Fact]
    public void FromPublicKeyPem_NoPublicKeyBlock_ThrowsFormatException()
    {
        var error = Assert.Throws<FormatException>(() => NoteVerifierKey.FromPublicKeyPem("log.example", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));

        Assert.Contains("\"CERTIFICATE\"", error.Message);
    }

    private static string WithKeyData(string name, byte[] data) =>
        $"{name}+{NoteKeyName.ComputeKeyId(name, data):x8}+{Convert.ToBase64String(data)}";
}
