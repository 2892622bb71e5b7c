using System.Text;

namespace DataIp.Crypto.Tests;

/// <summary>
/// The one verification of a log's checkpoint, used by <c>dataip log verify</c>, the audit, the
/// witness and the certificate checks: each check in order, and what the result carries when it fails.
/// </summary>
public sealed class CheckpointVerificationTests
{
    private const string Origin = "registry.example/log";
    private const string Root = "UNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=";

    private static readonly Ed25519NoteSigner Ed25519 = Ed25519NoteSigner.Generate(Origin);
    private static readonly Sm2NoteSigner Sm2 = Sm2NoteSigner.Generate(Origin);
    private static readonly CosignatureV1Signer Witness = CosignatureV1Signer.Generate("witness.example/w");

    private static LogVerifierKeys Keys { get; } =
        LogVerifierKeys.TryCreate([Ed25519.VerifierKey, Sm2.VerifierKey], LogVerifierKeys.DataIpAlgorithms, out var keys, out var error)
            ? keys : throw new InvalidOperationException(error);

    [Fact]
    public void VerifyCheckpoint_SignedByBothWithACosignature_VerifiedWithTheCheckpoint()
    {
        var text = $"{Origin}\n12345\n{Root}\n";
        var note = SignedNote.Sign(text, Ed25519, Sm2) + Witness.Cosign(text, DateTimeOffset.UnixEpoch.AddSeconds(1234));

        var result = Keys.VerifyCheckpoint(note, LogVerifierKeys.DataIpAlgorithms);

        Assert.True(result.IsVerified, result.Message);
        Assert.Equal((CheckpointFailure.None, 12345L, Origin), (result.Failure, result.Checkpoint.TreeSize, result.Checkpoint.Origin));
        Assert.Equal([Ed25519.VerifierKey, Sm2.VerifierKey], result.SignedBy);
        Assert.Equal("witness.example/w", Assert.Single(result.Note.UnverifiedSignatures).Name);
    }

    [Fact]
    public void VerifyCheckpoint_Utf8Bytes_SameAsText()
    {
        var note = SignedNote.Sign($"{Origin}\n1\n{Root}\n", Ed25519, Sm2);

        Assert.True(Keys.VerifyCheckpoint(Encoding.UTF8.GetBytes(note), LogVerifierKeys.DataIpAlgorithms).IsVerified);
        Assert.Equal(CheckpointFailure.MalformedNote, Keys.VerifyCheckpoint([.. Encoding.UTF8.GetBytes(note), 0xff], []).Failure);
    }

    [Fact]
    public void VerifyCheckpoint_EachCheckFailing_NamesTheFirstThatFailed()
    {
        var good = $"{Origin}\n5\n{Root}\n";
        var other = Ed25519NoteSigner.Generate(Origin);
        (string Note, IReadOnlyList<NoteKeyAlgorithm> Required, CheckpointFailure Expected)[] cases =
        [
            ("not a note", [], CheckpointFailure.MalformedNote),
            (SignedNote.Sign(good, Ed25519, Sm2).Replace("\n5\n", "\n6\n", StringComparison.Ordinal), [], CheckpointFailure.InvalidSignature),
            (SignedNote.Sign(good, other), [], CheckpointFailure.NoVerifiedSignature),
            (SignedNote.Sign("hello\n", Ed25519, Sm2), [], CheckpointFailure.NotACheckpoint),
            (SignedNote.Sign($"other.example/log\n5\n{Root}\n", Ed25519, Sm2), [], CheckpointFailure.WrongOrigin),
            (SignedNote.Sign(good, Ed25519), LogVerifierKeys.DataIpAlgorithms, CheckpointFailure.MissingAlgorithm),
            (SignedNote.Sign(good, Ed25519), [], CheckpointFailure.None),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, Keys.VerifyCheckpoint(c.Note, c.Required).Failure));
    }

    [Fact]
    public void VerifyCheckpoint_OnlyEd25519SignedButBothRequired_KeepsTheCheckpointAndNamesSm2()
    {
        var result = Keys.VerifyCheckpoint(SignedNote.Sign($"{Origin}\n5\n{Root}\n", Ed25519), LogVerifierKeys.DataIpAlgorithms);

        Assert.Equal(CheckpointFailure.MissingAlgorithm, result.Failure);
        Assert.Equal([NoteKeyAlgorithm.Sm2], result.MissingAlgorithms);
        Assert.Equal(5, result.Checkpoint!.TreeSize);
        Assert.StartsWith("No signature by the log's SM2 key verified, only by registry.example/log+", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyCheckpoint_NoteRefused_CarriesTheNoteFailureAndNoCheckpoint()
    {
        var result = Keys.VerifyCheckpoint(SignedNote.Sign($"{Origin}\n5\n{Root}\n", Ed25519NoteSigner.Generate(Origin)), []);

        Assert.Equal(NoteFailureKind.NoVerifiedSignature, result.NoteFailure!.Kind);
        Assert.Single(result.NoteFailure.UnverifiedSignatures);
        Assert.Null(result.Checkpoint);
        Assert.Empty(result.SignedBy);
    }
}
