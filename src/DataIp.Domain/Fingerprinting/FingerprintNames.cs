using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>The JSON and command-line names of the fingerprint enumerations, both ways.
/// Thread-safe: pure functions.</summary>
public static class FingerprintNames
{
    /// <summary>The name of a hash algorithm: <c>sha256</c> or <c>sm3</c>.</summary>
    /// <param name="value">The algorithm.</param>
    /// <returns>The name.</returns>
    public static string Of(FingerprintAlgorithm value) => FingerprintHash.For(value).Name;

    /// <summary>The name of a mode: <c>files</c> or <c>rows</c>.</summary>
    /// <param name="value">The mode.</param>
    /// <returns>The name.</returns>
    public static string Of(FingerprintMode value) => value == FingerprintMode.Files ? "files" : "rows";

    /// <summary>The name of a row format: <c>csv</c> or <c>jsonl</c>.</summary>
    /// <param name="value">The format.</param>
    /// <returns>The name.</returns>
    public static string Of(RowFormat value) => value == RowFormat.Csv ? "csv" : "jsonl";

    /// <summary>The name of an encoding: <c>utf-8</c> or <c>gb18030</c>.</summary>
    /// <param name="value">The encoding.</param>
    /// <returns>The name.</returns>
    public static string Of(RowEncoding value) => value == RowEncoding.Utf8 ? "utf-8" : "gb18030";

    /// <summary>The name of a sketch's feature kind: <c>rows</c> or <c>content-chunks</c>.</summary>
    /// <param name="value">The feature kind.</param>
    /// <returns>The name.</returns>
    public static string Of(SketchFeatures value) => value == SketchFeatures.Rows ? "rows" : "content-chunks";

    /// <summary>Reads a mode name.</summary>
    /// <param name="name">The candidate.</param>
    /// <param name="value">The mode, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out FingerprintMode value) => TryParse(name, out value, (FingerprintMode.Files, "files"), (FingerprintMode.Rows, "rows"));

    /// <summary>Reads a row format name.</summary>
    /// <param name="name">The candidate.</param>
    /// <param name="value">The format, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out RowFormat value) => TryParse(name, out value, (RowFormat.Csv, "csv"), (RowFormat.JsonLines, "jsonl"));

    /// <summary>Reads an encoding name.</summary>
    /// <param name="name">The candidate.</param>
    /// <param name="value">The encoding, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out RowEncoding value) => TryParse(name, out value, (RowEncoding.Utf8, "utf-8"), (RowEncoding.Gb18030, "gb18030"));

    /// <summary>Reads a sketch feature kind name.</summary>
    /// <param name="name">The candidate.</param>
    /// <param name="value">The kind, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out SketchFeatures value) => TryParse(name, out value, (SketchFeatures.Rows, "rows"), (SketchFeatures.ContentChunks, "content-chunks"));

    private static bool TryParse<T>(string? name, out T value, params (T Value, string Name)[] known)
        where T : struct, Enum
    {
        foreach (var (candidate, candidateName) in known)
        {
            if (string.Equals(name, candidateName, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
