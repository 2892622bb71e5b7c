using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Reads CSV records (RFC 4180 with a chosen delimiter) per docs/fingerprint-format.md §3.3:
/// quoted or unquoted fields; whitespace other than the delimiter trimmed around fields outside
/// quotes; line ends inside quotes kept as LF; a quote inside an unquoted field, text after a
/// closing quote, or an open quote at the end is an error with its line and column. A record that
/// is one empty unquoted field (a blank line) is skipped. Field values are NFC. Not thread-safe.
/// </summary>
internal sealed class CsvRecordReader(RowText text, char delimiter)
{
    private readonly StringBuilder _field = new();

    /// <summary>The line the last record started on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record's fields, or null at the end of the text.</summary>
    public List<string>? Read()
    {
        while (text.Peek() != RowText.End)
        {
            RecordLine = text.Line;
            var fields = new List<string>();
            var blank = true;
            bool more;
            do
            {
                var quoted = ReadField(out more);
                blank &= !quoted && _field.Length == 0;
                fields.Add(_field.ToString().Normalize(NormalizationForm.FormC));
            }
            while (more);

            if (!(blank && fields.Count == 1))
            {
                return fields;
            }
        }

        return null;
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
