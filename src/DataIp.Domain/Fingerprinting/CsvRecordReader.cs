using System.Buffers;
using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Reads CSV records (RFC 4180 with a chosen delimiter) per docs/fingerprint-format.md §3.3:
/// quoted or unquoted fields; whitespace other than the delimiter trimmed around fields outside
/// quotes; line ends inside quotes kept as LF; a quote inside an unquoted field, text after a
/// closing quote, or an open quote at the end is an error with its line and column. A record that
/// is one empty unquoted field (a blank line) is skipped. Field values are NFC. Not thread-safe.
/// </summary>
/// <remarks>
/// Two readers give the same records. The fast one scans a whole record in the decoded text with
/// vectorised searches (CsvRecordReader.Fast.cs); the slow one reads it one character at a time
/// and says where an error is. A record the fast reader cannot take as it stands (an error, or
/// text after an invalid byte sequence) is read again by the slow one from its start.
/// </remarks>
internal sealed partial class CsvRecordReader(RowText text, char delimiter)
{
    private readonly StringBuilder _field = new();
    private readonly CsvFields _fields = new();
    private readonly SearchValues<char> _unquotedStops = SearchValues.Create([delimiter, '"', '\r', '\n']);

    /// <summary>The line the last record started on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record's fields (valid until the next call), or null at the end of the text.</summary>
    public CsvFields? Read()
    {
        while (!text.Pending.IsEmpty || text.FillMore())
        {
            RecordLine = text.Line;
            var (consumed, lines) = (0, 0);
            var outcome = text.InvalidCount == 0 ? TryReadFast(text.Pending, text.Ended, out consumed, out lines) : Outcome.Slow;
            switch (outcome)
            {
                case Outcome.NeedMore:
                    text.FillMore();
                    continue;
                case Outcome.Slow when ReadSlow():
                    return _fields;
                case Outcome.Slow:
                    continue;
                case Outcome.Record:
                    text.Consume(consumed, lines);
                    return _fields;
                default:
                    text.Consume(consumed, lines);
                    continue;
            }
        }

        return null;
    }

    /// <summary>Reads one record one character at a time into <see cref="_fields"/>; false for a blank line.</summary>
    private bool ReadSlow()
    {
        _fields.Clear();
        var blank = true;
        bool more;
        do
        {
            var quoted = ReadField(out more);
            blank &= !quoted && _field.Length == 0;
            foreach (var chunk in _field.GetChunks())
            {
                _fields.Append(chunk.Span);
            }

            _fields.EndField();
        }
        while (more);

        return !(blank && _fields.Count == 1);
    }

    /// <summary>Reads one field into <see cref="_field"/>; <paramref name="more"/> is whether a delimiter followed.</summary>
    private bool ReadField(out bool more)
    {
        _field.Clear();
        SkipSpace();
        var quoted = text.Peek() == '"';
        if (quoted)
        {
            ReadQuoted();
            SkipSpace();
        }
        else
        {
            ReadUnquoted();
        }

        var next = text.Peek();
        if (next == delimiter)
        {
            text.Read();
            more = true;
            return quoted;
        }

        if (next is '\n' or RowText.End)
        {
            text.Read();
            more = false;
            return quoted;
        }

        throw text.Error($"unexpected '{(char)next}' after a closing quote; expected the delimiter or the end of the line.", text.Line, text.Column);
    }

    private void ReadQuoted()
    {
        var (line, column) = (text.Line, text.Column);
        text.Read();
        while (true)
        {
            var c = text.Read();
            if (c == RowText.End)
            {
                throw text.Error("a quote opened here is still open at the end of the file.", line, column);
            }

            if (c == '"')
            {
                if (text.Peek() != '"')
                {
                    return;
                }

                text.Read();
            }

            _field.Append((char)c);
        }
    }

    private void ReadUnquoted()
    {
        var trailing = 0;
        while (true)
        {
            var c = text.Peek();
            if (c == delimiter || c is '\n' or RowText.End)
            {
                _field.Length -= trailing;
                return;
            }

            if (c == '"')
            {
                throw text.Error("a quote inside an unquoted field (quote the whole field and double the quote).", text.Line, text.Column);
            }

            text.Read();
            _field.Append((char)c);
            trailing = IsSpace(c) ? trailing + 1 : 0;
        }
    }

    private void SkipSpace()
    {
        while (text.Peek() is var c && c != RowText.End && IsSpace(c))
        {
            text.Read();
        }
    }

    private bool IsSpace(int c) => c != delimiter && c != '\n' && char.IsWhiteSpace((char)c);
}
