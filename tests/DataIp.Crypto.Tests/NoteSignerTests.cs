using System.Text;

namespace DataIp.Crypto.Tests;

/// <summary>Both signers against their verifiers: round trips, tampering, wrong keys, truncation.</summary>
public sealed class NoteSignerTests
{
    public static TheoryData<NoteKeyAlgorithm> Algorithms => new(NoteKeyAlgorithm.Ed25519, NoteKeyAlgorithm.Sm2);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Sign_ThenVerify_Verifies(NoteKeyAlgorithm algorithm)
    {
        var signer = Generate(algorithm, "log.example");
        var message = "log.example\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"u8.ToArray();

        var signature = signer.Sign(message);

        Assert.True(signer.VerifierKey.CreateVerifier().Verify(message, signature));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_TamperedMessage_Fails(NoteKeyAlgorithm algorithm)
    {
        var signer = Generate(algorithm, "log.example");
        var message = "hi\n"u8.ToArray();
        var signature = signer.Sign(message);

        message[0] ^= 1;

        Assert.False(signer.VerifierKey.CreateVerifier().Verify(message, signature));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_EveryBitFlippedInSignature_Fails(NoteKeyAlgorithm algorithm)
    {
        var signer = Generate(algorithm, "log.example");
        var verifier = signer.VerifierKey.CreateVerifier();
        var message = "hi\n"u8.ToArray();
        var signature = signer.Sign(message);

        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var mangled = (byte[])signature.Clone();
            mangled[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(verifier.Verify(message, mangled), $"bit {bit}");
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_TruncatedOrExtendedSignature_Fails(NoteKeyAlgorithm algorithm)
    {
        var signer = Generate(algorithm, "log.example");
        var verifier = signer.VerifierKey.CreateVerifier();
        var message = "hi\n"u8.ToArray();
        var signature = signer.Sign(message);

        Assert.False(verifier.Verify(message, signature.AsSpan(0, signature.Length - 1)));
        Assert.False(verifier.Verify(message, []));
        Assert.False(verifier.Verify(message, [.. signature, 0]));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Verify_OtherKeysSignature_Fails(NoteKeyAlgorithm algorithm)
    {
        var message = "hi\n"u8.ToArray();
        var signature = Generate(algorithm, "log.example").Sign(message);

        Assert.False(Generate(algorithm, "log.example").VerifierKey.CreateVerifier().Verify(message, signature));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Generate_TwoKeys_DifferInKeyId(NoteKeyAlgorithm algorithm)
    {
        Assert.NotEqual(Generate(algorithm, "log.example").KeyId, Generate(algorithm, "log.example").KeyId);
    }

    [Fact]
    public void Ed25519_GoPeterNeumannSeed_HasGoKeyAndSignsDeterministically()
    {
        var signer = GoNoteVectors.PeterSigner;
        var message = Encoding.UTF8.GetBytes(GoNoteVectors.Text);

        var signature = signer.Sign(message);

        Assert.Equal(GoNoteVectors.PeterVerifierKey, signer.VerifierKey.ToString());
        Assert.Equal(GoNoteVectors.PeterKeyId, signer.KeyId);
        Assert.Equal(NoteSignatureType.Ed25519, signer.SignatureType);
        Assert.Equal(Convert.FromBase64String(GoNoteVectors.PeterSignatureBase64)[4..], signature);
    }

    [Fact]
    public void Sm2_KeyId_IsHashOfNameFfIdentifierAndPoint()
    {
        var signer = Sm2NoteSigner.Generate("log.example");
        byte[] keyData = [0xff, .. "sm2-sm3-der/1234567812345678"u8, .. signer.VerifierKey.PublicKey];

        Assert.Equal(NoteKeyName.ComputeKeyId("log.example", keyData), signer.KeyId);
        Assert.Equal(NoteSignatureType.Unregistered, signer.SignatureType);
    }

    [Fact]
    public void Sm2_Signature_IsDerSequenceOfTwoIntegers()
    {
        var signature = Sm2NoteSigner.Generate("log.example").Sign("hi\n"u8);

        Assert.Equal(0x30, signature[0]);
        Assert.Equal(signature.Length - 2, signature[1]);
        Assert.Equal(0x02, signature[2]);
    }

    [Fact]
    public void Sm2_SignatureWithoutSignerId_DoesNotVerify()
    {
        // The signer ID is hashed into what is signed: with an empty ID, which OpenSSL 3.0 uses when
        // no distid is given, the same key's signature must not verify.
        var signer = Sm2NoteSigner.Generate("log.example");
        var message = "hi\n"u8.ToArray();
        var plain = new Org.BouncyCastle.Crypto.Signers.SM2Signer(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        plain.Init(true, new Org.BouncyCastle.Crypto.Parameters.ParametersWithID(signer.PrivateKey, []));
        plain.BlockUpdate(message);

        Assert.False(signer.VerifierKey.CreateVerifier().Verify(message, plain.GenerateSignature()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructors_WrongPrivateKeySize_Throw(int size)
    {
        Assert.Throws<ArgumentException>(() => new Ed25519NoteSigner("log.example", new byte[size]));
        Assert.Throws<ArgumentException>(() => new Sm2NoteSigner("log.example", new byte[size]));
    }

    [Fact]
    public void Sm2_ZeroPrivateKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Sm2NoteSigner("log.example", new byte[32]));
    }

    [Fact]
    public void Generate_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ed25519NoteSigner.Generate("log example"));
        Assert.Throws<ArgumentException>(() => Sm2NoteSigner.Generate("log+example"));
    }

    internal static INoteSigner Generate(NoteKeyAlgorithm algorithm, string name) => algorithm switch
    {
        NoteKeyAlgorithm.Ed25519 => Ed25519NoteSigner.Generate(name),
        _ => Sm2NoteSigner.Generate(name),
    };
}
