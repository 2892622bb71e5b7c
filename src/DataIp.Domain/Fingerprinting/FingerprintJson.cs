using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The JSON forms of <see cref="FingerprintManifest"/> (docs/fingerprint-format.md §5) and
/// <see cref="FingerprintProof"/> (§6). Writing produces indented UTF-8 JSON; reading accepts
/// any spacing and key order and refuses, as a <see cref="FingerprintReadResult{T}"/> naming the
/// field, a wrong <c>format</c>, another <c>version</c>, unknown names, bad hex or base64 and
/// numbers out of range. Reading never throws on bad input. Thread-safe: pure.
/// </summary>
public static partial class FingerprintJson
{
    private const long MaxCount = long.MaxValue;

    // Relaxed escaping keeps base64 '+' and CJK paths readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a manifest.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string WriteManifest(FingerprintManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Write(writer =>
        {
            writer.WriteString("format", FingerprintManifest.FormatName);
            writer.WriteNumber("version", FingerprintManifest.FormatVersion);
            writer.WriteString("hashAlgorithm", FingerprintNames.Of(manifest.HashAlgorithm));
            writer.WriteString("mode", FingerprintNames.Of(manifest.Mode));
            writer.WriteString("root", manifest.Root.ToString());
            writer.WriteNumber("size", manifest.Size);
            writer.WriteNumber("leafCount", manifest.LeafCount);
            WriteSummary(writer, manifest);
            WriteSketch(writer, manifest.Sketch);
            writer.WriteString("computedAt", manifest.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("tool", manifest.Tool);
        });
    }

    /// <summary>Reads a manifest.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The manifest, or the field that was refused and why.</returns>
    public static FingerprintReadResult<FingerprintManifest> ReadManifest(string json) =>
        Read(json, root =>
        {
            root.Constant("format", FingerprintManifest.FormatName);
            root.Version("version", FingerprintManifest.FormatVersion);
            var algorithm = root.Name<FingerprintAlgorithm>("hashAlgorithm", TryParseAlgorithm, "\"sha256\" or \"sm3\"");
            var mode = root.Name<FingerprintMode>("mode", FingerprintNames.TryParse, "\"files\" or \"rows\"");
            var files = mode == FingerprintMode.Files ? ReadFiles(root.Object("files")) : null;
            var rows = mode == FingerprintMode.Rows ? ReadRows(root.Object("rows")) : null;
            return new FingerprintManifest(
                algorithm,
                mode,
                root.Hash("root"),
                root.Integer("size", 0, MaxCount),
                root.Integer("leafCount", 0, MaxCount),
                files,
                rows,
                ReadSketch(root.Object("sketch")),
                ReadTime(root, "computedAt"),
                root.String("tool"));
        });

    private static void WriteSummary(Utf8JsonWriter writer, FingerprintManifest manifest)
    {
        if (manifest.Files is { } files)
        {
            writer.WriteStartObject("files");
            writer.WriteNumber("count", files.Count);
            writer.WriteNumber("chunkSize", files.ChunkSize);
            writer.WriteNumber("chunkCount", files.ChunkCount);
            writer.WriteEndObject();
        }

        if (manifest.Rows is { } rows)
        {
            writer.WriteStartObject("rows");
            writer.WriteString("format", FingerprintNames.Of(rows.Format));
            writer.WriteString("encoding", FingerprintNames.Of(rows.Encoding));
            if (rows.Format == RowFormat.Csv)
            {
                writer.WriteString("delimiter", (rows.Delimiter ?? ',').ToString());
                writer.WriteBoolean("header", rows.Header ?? true);
            }

            writer.WriteNumber("count", rows.Count);
            writer.WriteEndObject();
        }
    }

    private static void WriteSketch(Utf8JsonWriter writer, SimilaritySketch sketch)
    {
        var bytes = new byte[SimilaritySketch.Size * sizeof(ulong)];
        for (var i = 0; i < SimilaritySketch.Size; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), sketch.Values[i]);
        }

        writer.WriteStartObject("sketch");
        writer.WriteString("algorithm", SimilaritySketch.AlgorithmName);
        writer.WriteNumber("k", SimilaritySketch.Size);
        writer.WriteString("features", FingerprintNames.Of(sketch.Features));
        writer.WriteNumber("featureCount", sketch.FeatureCount);
        writer.WriteString("values", Convert.ToBase64String(bytes));
        writer.WriteEndObject();
    }

    private static FilesSummary ReadFiles(JsonFields files)
    {
        var chunkSize = files.Integer("chunkSize", FilesSummary.MinChunkSize, FilesSummary.MaxChunkSize);
        if (!FilesSummary.IsValidChunkSize(chunkSize))
        {
            throw new JsonFieldException(files.Child("chunkSize"), "must be a power of two.");
        }

        return new FilesSummary(files.Integer("count", 0, MaxCount), (int)chunkSize, files.Integer("chunkCount", 0, MaxCount));
    }

    private static RowsSummary ReadRows(JsonFields rows)
    {
        var format = rows.Name<RowFormat>("format", FingerprintNames.TryParse, "\"csv\" or \"jsonl\"");
        var encoding = rows.Name<RowEncoding>("encoding", FingerprintNames.TryParse, "\"utf-8\" or \"gb18030\"");
        char? delimiter = null;
        bool? header = null;
        if (format == RowFormat.Csv)
        {
            var text = rows.String("delimiter");
            if (text.Length != 1 || !IsValidDelimiter(text[0]))
            {
                throw new JsonFieldException(rows.Child("delimiter"), "must be one character other than '\"', CR or LF.");
            }

            delimiter = text[0];
            header = rows.Boolean("header");
        }

        return new RowsSummary(format, encoding, delimiter, header, rows.Integer("count", 0, MaxCount));
    }

    /// <summary>Whether <paramref name="delimiter"/> may separate CSV fields (§3.3).</summary>
    /// <param name="delimiter">The candidate.</param>
    /// <returns>Whether it is allowed.</returns>
    public static bool IsValidDelimiter(char delimiter) => delimiter is not ('"' or '\r' or '\n') && !char.IsSurrogate(delimiter);

    private static SimilaritySketch ReadSketch(JsonFields sketch)
    {
        sketch.Constant("algorithm", SimilaritySketch.AlgorithmName);
        sketch.Integer("k", SimilaritySketch.Size, SimilaritySketch.Size);
        var features = sketch.Name<SketchFeatures>("features", FingerprintNames.TryParse, "\"rows\" or \"content-chunks\"");
        var bytes = sketch.Base64("values");
        if (bytes.Length != SimilaritySketch.Size * sizeof(ulong))
        {
            throw new JsonFieldException(sketch.Child("values"), $"must be base64 of {SimilaritySketch.Size} × 8 bytes.");
        }

        var values = new ulong[SimilaritySketch.Size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)));
        }

        return new SimilaritySketch(features, sketch.Integer("featureCount", 0, MaxCount), values);
    }

    private static DateTimeOffset ReadTime(JsonFields fields, string name)
    {
        var text = fields.String(name);
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new JsonFieldException(fields.Child(name), "must be an RFC 3339 date and time.");
    }

    private static bool TryParseAlgorithm(string? name, out FingerprintAlgorithm algorithm)
    {
        var known = FingerprintHash.TryParse(name, out var hash);
        algorithm = hash?.Algorithm ?? default;
        return known;
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static FingerprintReadResult<T> Read<T>(string json, Func<JsonFields, T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return FingerprintReadResult<T>.Success(read(new JsonFields(document.RootElement, "$")));
        }
        catch (JsonException exception)
        {
            return FingerprintReadResult<T>.Fail("$", $"is not well-formed JSON: {exception.Message}");
        }
        catch (JsonFieldException exception)
        {
            return FingerprintReadResult<T>.Fail(exception.Field, exception.Message);
        }
    }
}
