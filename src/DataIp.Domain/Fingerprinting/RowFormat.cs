namespace DataIp.Domain.Fingerprinting;

/// <summary>The tabular formats of rows mode (docs/fingerprint-format.md §3).</summary>
public enum RowFormat
{
    /// <summary>CSV (RFC 4180) with a delimiter and an optional header, JSON name <c>csv</c>.</summary>
    Csv = 1,

    /// <summary>JSON Lines: one JSON text per line, JSON name <c>jsonl</c>.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("jsonl")]
    JsonLines = 2,
}
