using System.Text;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Crypto.Tests;

/// <summary>c2sp.org/tlog-proof@v1: text format and verification against a real tree.</summary>
public sealed class TlogProofTests
{
    private const string Origin = "registry.example/log";
    private const string Hash0 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static readonly Ed25519NoteSigner LogKey = Ed25519NoteSigner.Generate(Origin);

    [Fact]
    public void Format_WithExtra_IsHeaderExtraIndexHashesBlankCheckpoint()
    {
        var proof = new TlogProof(5, [new byte[32]], "o\n1\n" + Hash0 + "\n\n— o AAAA\n", [1, 2, 3]);

        var text = proof.Format();

        Assert.Equal($"c2sp.org/tlog-proof@v1\nextra AQID\nindex 5\n{Hash0}\n\no\n1\n{Hash0}\n\n— o AAAA\n", text);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 3)]
    public void TryParse_Format_RoundTrips(bool withExtra, int hashCount)
    {
        var hashes = Enumerable.Range(0, hashCount).Select(i => System.Security.Cryptography.SHA256.HashData([(byte)i])).ToArray();
        var proof = new TlogProof(long.MaxValue, hashes, SignedCheckpoint(7, new byte[32]), withExtra ? "entry"u8.ToArray() : null);

        Assert.True(TlogProof.TryParse(proof.Format(), out var parsed, out var error), error);

        Assert.Equal(proof.Index, parsed.Index);
        Assert.Equal(proof.Hashes, parsed.Hashes);
        Assert.Equal(proof.Checkpoint, parsed.Checkpoint);
        Assert.Equal(proof.Extra, parsed.Extra);
        Assert.Equal(proof.Format(), parsed.Format());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 0\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex +1\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex \n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 9223372036854775808\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra AQID\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra AQI\nindex 0\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAAAA\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAAAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAA=\n\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\no\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\n\no")]
    public void TryParse_BadText_Refuses(string? text)
    {
        Assert.False(TlogProof.TryParse(text, out var proof, out var error));

        Assert.Null(proof);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 7)]
    [InlineData(4, 7)]
    [InlineData(6, 7)]
    public void Verify_RealProof_IsValid(int index, int size)
    {
        var (proof, leafHash) = BuildProof(index, size);

        var result = proof.Verify(leafHash, Keys(LogKey));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(TlogProofFailure.None, result.Failure);
        Assert.Equal(size, result.Checkpoint?.TreeSize);
    }

    [Fact]
    public void Verify_TamperedHash_IsInclusionMismatch()
    {
        var (proof, leafHash) = BuildProof(2, 7);
        proof.Hashes[0][0] ^= 1;

        var result = proof.Verify(leafHash, Keys(LogKey));

        Assert.Equal(TlogProofFailure.InclusionMismatch, result.Failure);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_OtherEntry_IsInclusionMismatch()
    {
        var (proof, _) = BuildProof(2, 7);

        var result = proof.Verify(Rfc9162.HashLeaf("entry 3"u8).ToArray(), Keys(LogKey));

        Assert.Equal(TlogProofFailure.InclusionMismatch, result.Failure);
    }

    [Fact]
    public void Verify_CheckpointByOtherKey_IsCheckpointSignature()
    {
        var (proof, leafHash) = BuildProof(2, 7);
        var other = Ed25519NoteSigner.Generate(Origin);

        var result = proof.Verify(leafHash, Keys(other));

        Assert.Equal(TlogProofFailure.CheckpointSignature, result.Failure);
        Assert.Null(result.Checkpoint);
    }

    [Fact]
    public void Verify_AlteredCheckpoint_IsCheckpointSignature()
    {
        var (proof, leafHash) = BuildProof(2, 7);
        var altered = proof with { Checkpoint = proof.Checkpoint.Replace("\n7\n", "\n8\n", StringComparison.Ordinal) };

        var result = altered.Verify(leafHash, Keys(LogKey));

        Assert.Equal(TlogProofFailure.CheckpointSignature, result.Failure);
    }

    // A key of the log signed a checkpoint that names another log: the text is not the log's.
    [Fact]
    public void Verify_CheckpointOfAnotherOrigin_IsWrongOrigin()
    {
        var (proof, leafHash) = BuildProof(2, 7);
        var text = Checkpoint.Parse(SignedNote.Open(proof.Checkpoint, [LogKey.VerifierKey.CreateVerifier()]).Note!.Text);
        var other = proof with { Checkpoint = SignedNote.Sign(new Checkpoint("other.example/log", text.TreeSize, text.RootHash).ToNoteText(), LogKey) };

        var result = other.Verify(leafHash, Keys(LogKey));

        Assert.Equal(TlogProofFailure.WrongOrigin, result.Failure);
        Assert.Contains("other.example/log", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeysOfAnotherLog_IsCheckpointSignature()
    {
        var (proof, leafHash) = BuildProof(2, 7);

        var result = proof.Verify(leafHash, Keys(Ed25519NoteSigner.Generate("other.example/log")));

        Assert.Equal(TlogProofFailure.CheckpointSignature, result.Failure);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    public void Verify_IndexNotBelowSize_IsIndexOutOfRange(long index)
    {
        var (proof, leafHash) = BuildProof(2, 7);

        var result = (proof with { Index = index }).Verify(leafHash, Keys(LogKey));

        Assert.Equal(TlogProofFailure.IndexOutOfRange, result.Failure);
    }

    [Fact]
    public void Verify_NegativeIndexOrShortHash_IsMalformed()
    {
        var (proof, leafHash) = BuildProof(2, 7);
        var verifiers = Keys(LogKey);

        Assert.Equal(TlogProofFailure.Malformed, (proof with { Index = -1 }).Verify(leafHash, verifiers).Failure);
        Assert.Equal(TlogProofFailure.Malformed, (proof with { Hashes = [new byte[31]] }).Verify(leafHash, verifiers).Failure);
    }

    [Fact]
    public void Verify_GarbageCheckpoint_FailsWithoutThrowing()
    {
        var (proof, leafHash) = BuildProof(2, 7);

        var result = (proof with { Checkpoint = "not a note" }).Verify(leafHash, Keys(LogKey));

        Assert.Equal(TlogProofFailure.CheckpointSignature, result.Failure);
    }

    private static (TlogProof Proof, byte[] LeafHash) BuildProof(int index, int size)
    {
        var tree = new InMemoryMerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.AppendEntry(Encoding.UTF8.GetBytes($"entry {i}"));
        }

        var entry = Encoding.UTF8.GetBytes($"entry {index}");
        var hashes = MerkleProof.Inclusion((ulong)index, (ulong)size, tree).Select(h => h.ToArray()).ToArray();
        var proof = new TlogProof(index, hashes, SignedCheckpoint(size, tree.RootHash().ToArray()), entry);
        return (proof, Rfc9162.HashLeaf(entry).ToArray());
    }

    private static LogVerifierKeys Keys(Ed25519NoteSigner signer) =>
        LogVerifierKeys.TryCreate([signer.VerifierKey], [], out var keys, out var error) ? keys : throw new InvalidOperationException(error);

    private static string SignedCheckpoint(long size, byte[] root) =>
        SignedNote.Sign(new Checkpoint(Origin, size, root).ToNoteText(), LogKey);
}
