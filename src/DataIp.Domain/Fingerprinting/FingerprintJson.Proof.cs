using System.Text.Json;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

public static partial class FingerprintJson
{
    /// <summary>Writes a proof; a row's data is written as its canonical JSON.</summary>
    /// <param name="proof">The proof.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string WriteProof(FingerprintProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return Write(writer =>
        {
            writer.WriteString("format", FingerprintProof.FormatName);
            writer.WriteNumber("version", FingerprintProof.FormatVersion);
            writer.WriteString("hashAlgorithm", FingerprintNames.Of(proof.HashAlgorithm));
            writer.WriteString("mode", FingerprintNames.Of(proof.Mode));
            writer.WriteString("root", proof.Root.ToString());
            WriteEvidence(writer, proof);
            writer.WriteNumber("leafIndex", proof.LeafIndex);
            writer.WriteNumber("leafCount", proof.LeafCount);
            WriteHashes(writer, "auditPath", proof.AuditPath);
        });
    }

    /// <summary>Reads a proof. A row's data may be any JSON value; it is kept as its JCS form.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The proof, or the field that was refused and why.</returns>
    public static FingerprintReadResult<FingerprintProof> ReadProof(string json) =>
        Read(json, root =>
        {
            root.Constant("format", FingerprintProof.FormatName);
            root.Version("version", FingerprintProof.FormatVersion);
            var algorithm = root.Name<FingerprintAlgorithm>("hashAlgorithm", TryParseAlgorithm, "\"sha256\" or \"sm3\"");
            var mode = root.Name<FingerprintMode>("mode", FingerprintNames.TryParse, "\"files\" or \"rows\"");
            var row = mode == FingerprintMode.Rows ? ReadRow(root.Object("row")) : null;
            var file = mode == FingerprintMode.Files ? ReadFile(root.Object("file")) : null;
            var chunk = mode == FingerprintMode.Files && root.Has("chunk") ? ReadChunk(root.Object("chunk")) : null;
            return new FingerprintProof(
                algorithm,
                mode,
                root.Hash("root"),
                root.Integer("leafIndex", 0, long.MaxValue - 1),
                root.Integer("leafCount", 1, long.MaxValue),
                root.Hashes("auditPath"),
                row,
                file,
                chunk);
        });

    private static void WriteEvidence(Utf8JsonWriter writer, FingerprintProof proof)
    {
        if (proof.Row is { } row)
        {
            writer.WriteStartObject("row");
            writer.WriteNumber("number", row.Number);
            writer.WritePropertyName("data");
            writer.WriteRawValue(row.CanonicalData.Span, skipInputValidation: false);
            writer.WriteEndObject();
        }

        if (proof.File is { } file)
        {
            writer.WriteStartObject("file");
            writer.WriteString("path", file.Path);
            writer.WriteNumber("size", file.Size);
            writer.WriteString("root", file.Root.ToString());
            writer.WriteEndObject();
        }

        if (proof.Chunk is { } chunk)
        {
            writer.WriteStartObject("chunk");
            writer.WriteNumber("index", chunk.Index);
            writer.WriteNumber("count", chunk.Count);
            writer.WriteBase64String("data", chunk.Data.Span);
            WriteHashes(writer, "auditPath", chunk.AuditPath);
            writer.WriteEndObject();
        }
    }

    private static void WriteHashes(Utf8JsonWriter writer, string name, IReadOnlyList<Hash> hashes)
    {
        writer.WriteStartArray(name);
        foreach (var hash in hashes)
        {
            writer.WriteStringValue(hash.ToString());
        }

        writer.WriteEndArray();
    }

    private static RowEvidence ReadRow(JsonFields row)
    {
        var number = row.Integer("number", 1, long.MaxValue);
        var canonical = JsonCanonicalizer.TryCanonicalize(row.Get("data"));
        return canonical.IsSuccess
            ? new RowEvidence(number, canonical.Canonical)
            : throw new JsonFieldException(row.Child("data"), $"must be I-JSON (RFC 8785): {canonical.Message}");
    }

    private static FileEvidence ReadFile(JsonFields file) =>
        new(file.String("path"), file.Integer("size", 0, long.MaxValue), file.Hash("root"));

    private static ChunkEvidence ReadChunk(JsonFields chunk) =>
        new(chunk.Integer("index", 0, long.MaxValue - 1), chunk.Integer("count", 1, long.MaxValue), chunk.Base64("data"), chunk.Hashes("auditPath"));
}
