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
    private CanonicalRowWriter? _writer;
    private int _columns;

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

    /// <summary>Appends the next canonical row to <paramref name="batch"/>; false at the end.</summary>
    /// <exception cref="FingerprintException">Bad encoding or a malformed row, with line and column.</exception>
    public bool Next(RowBatch batch)
    {
        if (_csv is not null)
        {
            return NextCsv(_csv, batch);
        }

        if (JsonLines.Next(_text) is not { } row)
        {
            return false;
        }

        batch.BeginRow();
        batch.Write(row);
        batch.EndRow();
        return true;
    }

    public void Dispose() => _text.Dispose();

    private bool NextCsv(CsvRecordReader csv, RowBatch batch)
    {
        if (_writer is null)
        {
            var header = _options.Header ? ReadHeader(csv) : null;
            _writer = new CanonicalRowWriter(header);
            _columns = header?.Length ?? 0;
        }

        if (csv.Read() is not { } fields)
        {
            return false;
        }

        if (_options.Header && fields.Count != _columns)
        {
            throw _text.Error(Invariant($"the record has {fields.Count} fields; the header has {_columns}."), csv.RecordLine, 1);
        }

        _writer.Write(fields, batch);
        return true;
    }

    private string[] ReadHeader(CsvRecordReader csv)
    {
        var names = csv.Read()?.ToArray() ?? throw _text.Error("the file has no header record (use --no-header for a CSV without one).", 1, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
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

        return names;
    }
}
