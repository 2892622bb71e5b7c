using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataIp.Crypto.Tests;

/// <summary>Ed25519 cosignatures (c2sp.org/tlog-cosignature, cosignature/v1): a published vector, round trips, tampering.</summary>
public sealed class CosignatureV1Tests : IDisposable
{
    // sigsum-go, pkg/checkpoint/checkpoint_test.go (TestCheckpointCosignVerify and
    // TestCheckpointVerifyCosignatureByKey): the checkpoint testCheckpoint cosigned at time 1234 by
    // crypto.NewEd25519Signer(&crypto.PrivateKey{17}), i.e. the Ed25519 seed 0x11 followed by 31
    // zero bytes, under the name "example.org/witness".
    private const string SigsumCheckpointText = "example.org/log\n10\nHA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    private const string SigsumLine =
        "— example.org/witness ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==\n";

    private const string Checkpoint = "registry.example/log\n3\nUNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=\n";

    private static readonly DateTimeOffset Time = new(2025, 9, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Cosign_SigsumVector_GivesTheSameLine()
    {
        var signer = new CosignatureV1Signer("example.org/witness", [0x11, .. new byte[31]]);

        var line = signer.Cosign(SigsumCheckpointText, DateTimeOffset.FromUnixTimeSeconds(1234));

        Assert.Equal(SigsumLine, line);
        Assert.Equal(0xcacf2e50u, signer.KeyId);
    }

    [Fact]
    public void Open_SigsumVector_Verifies()
    {
        var key = new CosignatureV1Signer("example.org/witness", [0x11, .. new byte[31]]).VerifierKey;

        var opened = SignedNote.Open(SigsumCheckpointText + "\n" + SigsumLine, [key.CreateVerifier()]);

        Assert.True(opened.IsVerified, opened.Failure?.Message);
        var signature = Assert.Single(opened.Note.VerifiedSignatures);
        Assert.True(CosignatureV1.TryReadTimestamp(signature, out DateTimeOffset time));
        Assert.Equal(1234, time.ToUnixTimeSeconds());
    }

    [Fact]
    public void KeyId_IsHashOfNameType04AndPublicKey()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");
        byte[] input = [.. "witness.example/w1\n"u8, 0x04, .. signer.VerifierKey.PublicKey];

        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input)), signer.KeyId);
        Assert.StartsWith("witness.example/w1+", signer.VerifierKey.ToString(), StringComparison.Ordinal);
        Assert.Equal(0x04, Convert.FromBase64String(signer.VerifierKey.ToString().Split('+', 3)[2])[0]);
    }

    [Fact]
    public void Cosign_ThenOpen_VerifiesWithTheTimestampOfTheClock()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");

        var line = signer.Cosign(Checkpoint, Time);

        var opened = SignedNote.Open(Checkpoint + "\n" + line, [signer.VerifierKey.CreateVerifier()]);
        Assert.True(opened.IsVerified, opened.Failure?.Message);
        Assert.True(CosignatureV1.TryReadTimestamp(opened.Note.VerifiedSignatures[0], out DateTimeOffset time));
        Assert.Equal(Time, time);
    }

    [Fact]
    public void Signature_IsEd25519OverHeaderTimeAndText()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");
        var bytes = Convert.FromBase64String(signer.Cosign(Checkpoint, Time).Split(' ')[2].TrimEnd('\n'));
        var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {Time.ToUnixTimeSeconds()}\n{Checkpoint}");

        var plain = NoteVerifierKey.ForEd25519("any", signer.VerifierKey.PublicKey).CreateVerifier();

        Assert.Equal(76, bytes.Length);
        Assert.Equal((ulong)Time.ToUnixTimeSeconds(), BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(4)));
        Assert.True(plain.Verify(message, bytes.AsSpan(12)));
        Assert.Equal(message, CosignatureV1.Message(Checkpoint, Time.ToUnixTimeSeconds()));
    }

    [Fact]
    public void Open_CheckpointWithExtensionLines_SignsThemToo()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");
        var text = Checkpoint + "extension 1\n";
        var line = signer.Cosign(text, Time);

        var changed = SignedNote.Open(Checkpoint + "extension 2\n\n" + line, [signer.VerifierKey.CreateVerifier()]);

        Assert.True(SignedNote.Open(text + "\n" + line, [signer.VerifierKey.CreateVerifier()]).IsVerified);
        Assert.Equal(NoteFailureKind.InvalidSignature, changed.Failure?.Kind);
    }

    [Theory]
    [InlineData(0)] // key ID
    [InlineData(7)] // timestamp
    [InlineData(11)] // timestamp, last byte
    [InlineData(12)] // signature
    [InlineData(75)] // signature, last byte
    public void Verify_AnyByteChanged_Fails(int index)
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");
        var bytes = Convert.FromBase64String(signer.Cosign(Checkpoint, Time).Split(' ')[2].TrimEnd('\n'));
        bytes[index] ^= 1;

        var opened = SignedNote.Open($"{Checkpoint}\n— witness.example/w1 {Convert.ToBase64String(bytes)}\n", [signer.VerifierKey.CreateVerifier()]);

        // A changed key ID makes the line a stranger's: then no known key signed the note.
        Assert.Equal(index < 4 ? NoteFailureKind.NoVerifiedSignature : NoteFailureKind.InvalidSignature, opened.Failure?.Kind);
    }

    [Fact]
    public void Verify_ChangedTextOrOtherKey_Fails()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");
        var signature = Convert.FromBase64String(signer.Cosign(Checkpoint, Time).Split(' ')[2].TrimEnd('\n'))[4..];
        var other = CosignatureV1Signer.Generate("witness.example/w1").VerifierKey.CreateVerifier();
        var verifier = signer.VerifierKey.CreateVerifier();

        Assert.True(verifier.Verify(Encoding.UTF8.GetBytes(Checkpoint), signature));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes(Checkpoint.Replace("\n3\n", "\n4\n", StringComparison.Ordinal)), signature));
        Assert.False(other.Verify(Encoding.UTF8.GetBytes(Checkpoint), signature));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes(Checkpoint), signature.AsSpan(0, signature.Length - 1)));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes(Checkpoint), [.. signature, 0]));
    }

    [Fact]
    public void Verify_TimestampAbove2To63_Fails()
    {
        var signature = new byte[CosignatureV1.SignatureSize];
        signature[0] = 0x80;

        Assert.False(CosignatureV1.TryReadTimestamp(signature, out long _));
        Assert.False(CosignatureV1Signer.Generate("w").VerifierKey.CreateVerifier().Verify("x\n"u8, signature));
    }

    [Fact]
    public void NoteSignatureOfTheLog_DoesNotVerifyAsCosignature()
    {
        // Same Ed25519 key, type 0x01 versus 0x04: different key IDs, different messages.
        var seed = RandomNumberGenerator.GetBytes(32);
        var note = SignedNote.Sign(Checkpoint, new Ed25519NoteSigner("registry.example/log", seed));
        var cosigner = new CosignatureV1Signer("registry.example/log", seed);

        Assert.NotEqual(NoteVerifierKey.ForEd25519("registry.example/log", cosigner.VerifierKey.PublicKey).KeyId, cosigner.KeyId);
        Assert.Equal(NoteFailureKind.NoVerifiedSignature, SignedNote.Open(note, [cosigner.VerifierKey.CreateVerifier()]).Failure?.Kind);
    }

    [Fact]
    public void Cosign_NotACheckpointOrBefore1970_Throws()
    {
        var signer = CosignatureV1Signer.Generate("witness.example/w1");

        Assert.Throws<ArgumentException>(() => signer.Cosign("just text\n", Time));
        Assert.Throws<ArgumentException>(() => signer.Cosign(Checkpoint, DateTimeOffset.UnixEpoch.AddSeconds(-1)));
    }

    [Fact]
    public void VerifierKey_RoundTripsAndRefusesOtherTypesAndAlteredIds()
    {
        var key = CosignatureV1Signer.Generate("witness.example/w1").VerifierKey;
        var text = key.ToString();
        var logKey = Ed25519NoteSigner.Generate("registry.example/log").VerifierKey.ToString();
        var parts = text.Split('+', 3);
        var otherId = $"{parts[0]}+{(parts[1][0] == '0' ? '1' : '0')}{parts[1][1..]}+{parts[2]}";

        Assert.Equal(key, CosignatureV1VerifierKey.Parse(text));
        Assert.Equal(text, CosignatureV1VerifierKey.Parse(text).ToString());
        Assert.False(CosignatureV1VerifierKey.TryParse(logKey, out _, out var typeError));
        Assert.Equal(VerifierKeyErrorKind.UnknownSignatureType, typeError.Kind);
        Assert.False(CosignatureV1VerifierKey.TryParse(otherId, out _, out var idError));
        Assert.Equal(VerifierKeyErrorKind.KeyIdMismatch, idError.Kind);
        Assert.False(CosignatureV1VerifierKey.TryParse("no-plus-signs", out _, out var malformed));
        Assert.Equal(VerifierKeyErrorKind.Malformed, malformed.Kind);
        Assert.False(NoteVerifierKey.TryParse(text, out _, out _));
    }

    [Fact]
    public void LoadOrCreate_WritesWitnessFilesAndLoadsTheSameKey()
    {
        var directory = _temporary.File("keys/witness");

        var first = CosignatureV1Signer.LoadOrCreate(directory, "witness.example/w1");
        var second = CosignatureV1Signer.LoadOrCreate(directory, "witness.example/w1");

        Assert.Equal(first.VerifierKey, second.VerifierKey);
        Assert.Equal(["witness-ed25519.pem", "witness-ed25519.pub.pem"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "witness-ed25519.pem")));
        }
    }
}
