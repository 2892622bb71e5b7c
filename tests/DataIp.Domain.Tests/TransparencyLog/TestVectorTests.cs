using System.Text.Json;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Tests.TransparencyLog;

/// <summary>
/// Every inclusion and consistency vector of transparency-dev/merkle (TestVectors/SOURCE.md): the
/// verifier must reject exactly the files marked wantErr, except for the one documented divergence.
/// </summary>
public sealed class TestVectorTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TransparencyLog", "TestVectors", "testdata");

    // Files where this verifier deliberately disagrees with wantErr, and the failure it gives.
    private static readonly Dictionary<string, ProofFailure> Divergences = new()
    {
        // 12-byte placeholder roots with equal sizes: refused as hashes, which must be 32 bytes.
        ["consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"] = ProofFailure.BadHashLength,
    };

    public static TheoryData<string> InclusionFiles() => Files("inclusion");

    public static TheoryData<string> ConsistencyFiles() => Files("consistency");

    [Fact]
    public void Vectors_AllFilesArePresent()
    {
        // find testdata/inclusion testdata/consistency -name "*.json" | wc -l: 98 and 98.
        Assert.Equal(98, InclusionFiles().Count);
        Assert.Equal(98, ConsistencyFiles().Count);
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void VerifyInclusion_Vector_RejectsExactlyTheWantErrFiles(string file)
    {
        using var vector = Read(file);
        var json = vector.RootElement;

        var result = MerkleProof.VerifyInclusion(
            json.GetProperty("leafIdx").GetUInt64(),
            json.GetProperty("treeSize").GetUInt64(),
            Bytes(json.GetProperty("leafHash")),
            Proof(json.GetProperty("proof")),
            Bytes(json.GetProperty("root")));

        AssertOutcome(file, json, result);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void VerifyConsistency_Vector_RejectsExactlyTheWantErrFiles(string file)
    {
        using var vector = Read(file);
        var json = vector.RootElement;

        var result = MerkleProof.VerifyConsistency(
            json.GetProperty("size1").GetUInt64(),
            json.GetProperty("size2").GetUInt64(),
            Proof(json.GetProperty("proof")),
            Bytes(json.GetProperty("root1")),
            Bytes(json.GetProperty("root2")));

        AssertOutcome(file, json, result);
    }

    [Fact]
    public void VerifyConsistency_EqualSizesOneWithRealRoots_IsAccepted()
    {
        // The divergent vector's case with 32-byte roots: equal sizes, empty proof, equal roots.
        var root = Rfc9162.HashLeaf("don't care 2"u8);

        Assert.True(MerkleProof.VerifyConsistency(1, 1, [], root, root).IsValid);
    }

    private static void AssertOutcome(string file, JsonElement json, ProofVerification result)
    {
        if (Divergences.TryGetValue(file, out var failure))
        {
            Assert.Equal(failure, result.Failure);
            return;
        }

        var wantErr = json.GetProperty("wantErr").GetBoolean();
        Assert.True(wantErr != result.IsValid, $"{json.GetProperty("desc").GetString()}: wantErr {wantErr}, got {result.Failure}: {result.Message}");
    }

    private static TheoryData<string> Files(string kind) =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    private static JsonDocument Read(string file) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, file)));

    private static byte[] Bytes(JsonElement base64) => base64.GetBytesFromBase64();

    private static List<byte[]> Proof(JsonElement proof) =>
        proof.ValueKind == JsonValueKind.Null ? [] : [.. proof.EnumerateArray().Select(Bytes)];
}
