using System.Text;

namespace DataIp.Web.Features.PilotImports;

/// <summary>One record of a CSV file: its fields and the line it starts on (1 is the header).</summary>
/// <param name="Line">The physical line the record starts on.</param>
/// <param name="Fields">Its fields, unquoted.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads a CSV file as RFC 4180 has it (fields separated by commas, a field with a comma, a quote
/// or a line break in double quotes, a quote in a quoted field doubled; CRLF or LF between records),
/// from bytes that must be UTF-8 (with or without its BOM). Anything else is refused with the line
/// where the reading stopped, never guessed: a file in GBK reads as invalid UTF-8, a stray quote as
/// a broken field. Thread-safe: no state.
/// </summary>
public static class PilotCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and splits a file, or says why not (the problem's line, 0 for the whole file).</summary>
    /// <param name="bytes">The file as uploaded.</param>
    /// <param name="maxRecords">The most records (header included) read before refusing the file.</param>
    /// <returns>The records, or the problem.</returns>
    public static (List<CsvRecord>? Records, ImportProblem? Problem) Read(ReadOnlySpan<byte> bytes, int maxRecords)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            return (null, new ImportProblem(LineOf(bytes, exception.Index), null, ImportProblemCode.NotUtf8));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, new ImportProblem(0, null, ImportProblemCode.NotText));
        }

        return Split(text, maxRecords);
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index) =>
        index < 0 ? 0 : bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;

    // RFC 4180 §2, with LF accepted as well as CRLF and a last record without its line break.
    private static (List<CsvRecord>? Records, ImportProblem? Problem) Split(string text, int maxRecords)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        while (i <= text.Length)
        {
            if (i < text.Length && text[i] == '"' && field.Length == 0)
            {
                // A quoted field: up to the quote that is not doubled.
                var start = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return (null, new ImportProblem(start, null, ImportProblemCode.UnclosedQuote));
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    return (null, new ImportProblem(line, null, ImportProblemCode.TextAfterQuote));
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    // The next field, maybe empty at the end of the line: the next turn reads it.
                    i++;
                    continue;
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        return (null, new ImportProblem(line, null, ImportProblemCode.QuoteInField));
                    }

                    field.Append(text[i++]);
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }
            }

            // End of a record (a line break or the end of the text).
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                if (records.Count >= maxRecords)
                {
                    return (null, new ImportProblem(recordLine, null, ImportProblemCode.TooManyRows, "10,000"));
                }

                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
            if (i >= text.Length)
            {
                break;
            }

            if (text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            recordLine = line;
        }

        return (records, null);
    }
}
