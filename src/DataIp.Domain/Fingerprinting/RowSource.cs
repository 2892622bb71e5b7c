using System.Text.Json.Nodes;
using DataIp.Domain.Canonicalization;
using static System.FormattableString;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The canonical rows of a rows-mode file (docs/fingerprint-format.md §3), in order: for CSV,
/// JCS of {header name: value} (or of [values] without a header); for JSON Lines, JCS of each
/// line's value with strings and names in NFC. Not thread-safe.
/// </summary>
internal sealed class RowSource : IDisposable
{
    private readonly RowText _text;
    private readonly RowsOptions _options;
    private readonly CsvRecordReader? _csv;
    private string[]? _header;

    public RowSource(string path, RowsOptions options)
    {
        _options = options;
        if (options.Format == RowFormat.Csv && !FingerprintJson.IsValidDelimiter(options.Delimiter))
        {
            throw new ArgumentException("The delimiter must be one character other than '\"', CR or LF.", nameof(options));
        }

        _text = new RowText(path, options.Encoding);
        _csv = options.Format == RowFormat.Csv ? new CsvRecordReader(_text, options.Delimiter) : null;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _text.BytesRead;

    /// <summary>The file's size.</summary>
    public long Length => _text.Length;

    /// <summary>The next canonical row, or null at the end.</summary>
    /// <exception cref="FingerprintException">Bad encoding or a malformed row, with line and column.</exception>
    public byte[]? Next() => _csv is not null ? NextCsv(_csv) : JsonLines.Next(_text);

    public void Dispose() => _text.Dispose();

    private byte[]? NextCsv(CsvRecordReader csv)
    {
        if (_options.Header && _header is null)
        {
            _header = ReadHeader(csv);
        }

        var fields = csv.Read();
        if (fields is null)
        {
            return null;
        }

        if (_header is null)
        {
            return JsonCanonicalizer.Canonicalize(new JsonArray([.. fields.Select(f => (JsonNode)f)]));
        }

        if (fields.Count != _header.Length)
        {
            throw _text.Error(Invariant($"the record has {fields.Count} fields; the header has {_header.Length}."), csv.RecordLine, 1);
        }

        var row = new JsonObject();
        for (var i = 0; i < fields.Count; i++)
        {
            row[_header[i]] = fields[i];
        }

        return JsonCanonicalizer.Canonicalize(row);
    }

    private string[] ReadHeader(CsvRecordReader csv)
    {
        var names = csv.Read() ?? throw _text.Error("the file has no header record (use --no-header for a CSV without one).", 1, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                throw _text.Error(Invariant($"header column {i + 1} has an empty name."), csv.RecordLine, 1);
            }

            if (!seen.Add(names[i]))
            {
                throw _text.Error($"the header names \"{names[i]}\" twice.", csv.RecordLine, 1);
            }
        }

        return [.. names];
    }
}
