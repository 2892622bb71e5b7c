using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>The parameters of a rows-mode fingerprint (docs/fingerprint-format.md §3).</summary>
/// <param name="Algorithm">H.</param>
/// <param name="Format">CSV or JSON Lines.</param>
/// <param name="Encoding">The text encoding (default UTF-8).</param>
/// <param name="Delimiter">The CSV delimiter (default ','); ignored for JSON Lines.</param>
/// <param name="Header">Whether the CSV's first record is a header (default true); ignored for JSON Lines.</param>
public sealed record RowsOptions(FingerprintAlgorithm Algorithm, RowFormat Format, RowEncoding Encoding = RowEncoding.Utf8, char Delimiter = ',', bool Header = true)
{
    /// <summary>The options a manifest's rows summary records.</summary>
    /// <param name="algorithm">The manifest's hash algorithm.</param>
    /// <param name="rows">The manifest's rows summary.</param>
    /// <returns>The options to recompute the fingerprint with.</returns>
    public static RowsOptions From(FingerprintAlgorithm algorithm, RowsSummary rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new RowsOptions(algorithm, rows.Format, rows.Encoding, rows.Delimiter ?? ',', rows.Header ?? true);
    }
}
