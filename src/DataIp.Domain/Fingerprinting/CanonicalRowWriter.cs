using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Writes the canonical row of a CSV record (docs/fingerprint-format.md §3.3) straight into a
/// <see cref="RowBatch"/>: RFC 8785 (JCS) of {header name: value} with the names sorted by UTF-16
/// code units once for the whole file, or of [values] without a header. The same bytes as
/// <c>JsonCanonicalizer.Canonicalize</c> of the equivalent JsonObject or JsonArray, without
/// building one. Not thread-safe.
/// </summary>
internal sealed class CanonicalRowWriter
{
    // RFC 8785 §3.2.2.2: only '"', '\' and U+0000..U+001F are escaped.
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly int[]? _order;
    private readonly byte[][]? _names;

    /// <summary>A writer of objects keyed by <paramref name="header"/>, or of arrays when it is null.</summary>
    public CanonicalRowWriter(string[]? header)
    {
        if (header is null)
        {
            return;
        }

        _order = [.. Enumerable.Range(0, header.Length).OrderBy(i => header[i], StringComparer.Ordinal)];
        _names = [.. _order.Select(i => NameBytes(header[i]))];
    }

    public void Write(CsvFields fields, RowBatch batch)
    {
        batch.BeginRow();
        if (_order is null)
        {
            batch.Write((byte)'[');
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    batch.Write((byte)',');
                }

                WriteString(fields[i], batch);
            }

            batch.Write((byte)']');
        }
        else
        {
            batch.Write((byte)'{');
            for (var k = 0; k < _order.Length; k++)
            {
                if (k > 0)
                {
                    batch.Write((byte)',');
                }

                batch.Write(_names![k]);
                WriteString(fields[_order[k]], batch);
            }

            batch.Write((byte)'}');
        }

        batch.EndRow();
    }

    /// <summary>A JSON string in JCS form: '"', the text in UTF-8 with only the RFC 8785 escapes, '"'.</summary>
    private static void WriteString(ReadOnlySpan<char> text, RowBatch batch)
    {
        batch.Write((byte)'"');
        while (true)
        {
            var stop = text.IndexOfAny(Escaped);
            WriteUtf8(stop < 0 ? text : text[..stop], batch);
            if (stop < 0)
            {
                break;
            }

            batch.Write(Encoding.ASCII.GetBytes(text[stop] switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                var c => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
            }));
            text = text[(stop + 1)..];
        }

        batch.Write((byte)'"');
    }

    private static void WriteUtf8(ReadOnlySpan<char> text, RowBatch batch)
    {
        var status = Utf8.FromUtf16(text, batch.GetSpan(text.Length * 3), out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // Decoded text (UTF-8 or GB18030) never holds a lone surrogate.
            throw new InvalidOperationException("A CSV field holds a lone UTF-16 surrogate.");
        }

        batch.Advance(written);
    }

    private static byte[] NameBytes(string name)
    {
        var batch = new RowBatch();
        batch.BeginRow();
        WriteString(name, batch);
        batch.Write((byte)':');
        batch.EndRow();
        return batch.Row(0).ToArray();
    }
}
