namespace DataIp.Domain.Fingerprinting;

/// <summary>The fast reader: one record from the decoded text at once.</summary>
internal sealed partial class CsvRecordReader
{
    private enum Outcome
    {
        /// <summary>A record is in the fields.</summary>
        Record,

        /// <summary>A blank line, to skip.</summary>
        Blank,

        /// <summary>The record goes on past the decoded text: decode more and try again.</summary>
        NeedMore,

        /// <summary>The record has an error: the slow reader reads it and says where.</summary>
        Slow,
    }

    /// <summary>
    /// Scans the record at the start of <paramref name="s"/> (the whole text when
    /// <paramref name="ended"/>) as the slow reader would: <paramref name="consumed"/> characters
    /// holding <paramref name="lines"/> line ends (CR LF, LF or a lone CR, one each).
    /// </summary>
    private Outcome TryReadFast(ReadOnlySpan<char> s, bool ended, out int consumed, out int lines)
    {
        _fields.Clear();
        consumed = 0;
        lines = 0;
        var p = 0;
        bool quoted;
        while (true)
        {
            p = SkipSpace(s, p);
            quoted = p < s.Length && s[p] == '"';
            var field = quoted ? ScanQuoted(s, p + 1, ended, ref lines) : ScanUnquoted(s, p, ended);
            if (field < 0)
            {
                return (Outcome)(-field);
            }

            p = quoted ? SkipSpace(s, field) : field;
            if (p == s.Length)
            {
                if (!ended)
                {
                    return Outcome.NeedMore;
                }

                break;
            }

            if (s[p] == delimiter)
            {
                p++;
                continue;
            }

            if (s[p] is not ('\n' or '\r'))
            {
                return Outcome.Slow;
            }

            lines++;
            if (s[p++] == '\r')
            {
                if (p == s.Length && !ended)
                {
                    return Outcome.NeedMore;
                }

                if (p < s.Length && s[p] == '\n')
                {
                    p++;
                }
            }

            break;
        }

        consumed = p;
        return _fields.Count == 1 && !quoted && _fields[0].IsEmpty ? Outcome.Blank : Outcome.Record;
    }

    /// <summary>An unquoted field from <paramref name="p"/>, trailing space trimmed: where it
    /// ends, or minus an <see cref="Outcome"/>.</summary>
    private int ScanUnquoted(ReadOnlySpan<char> s, int p, bool ended)
    {
        var stop = s[p..].IndexOfAny(_unquotedStops);
        if (stop < 0)
        {
            if (!ended)
            {
                return -(int)Outcome.NeedMore;
            }

            stop = s.Length - p;
        }
        else if (s[p + stop] == '"')
        {
            return -(int)Outcome.Slow;
        }

        var value = s.Slice(p, stop);
        var end = value.Length;
        while (end > 0 && IsSpace(value[end - 1]))
        {
            end--;
        }

        _fields.Add(value[..end]);
        return p + stop;
    }

    /// <summary>A quoted field whose text starts at <paramref name="p"/>: CR LF and lone CR kept
    /// as LF, "" as ". Where it ends (after the closing quote), or minus an <see cref="Outcome"/>.</summary>
    private int ScanQuoted(ReadOnlySpan<char> s, int p, bool ended, ref int lines)
    {
        while (true)
        {
            var rest = s[p..];
            var stop = rest.IndexOfAny('"', '\r');
            if (stop < 0)
            {
                return -(int)(ended ? Outcome.Slow : Outcome.NeedMore);
            }

            _fields.Append(rest[..stop]);
            lines += rest[..stop].Count('\n');
            p += stop + 1;
            if (p == s.Length && !ended)
            {
                return -(int)Outcome.NeedMore;
            }

            var next = p < s.Length ? s[p] : '\0';
            if (rest[stop] == '\r')
            {
                _fields.Append('\n');
                lines++;
                p += next == '\n' ? 1 : 0;
            }
            else if (next == '"')
            {
                _fields.Append('"');
                p++;
            }
            else
            {
                _fields.EndField();
                return p;
            }
        }
    }

    private int SkipSpace(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && s[p] != '\r' && IsSpace(s[p]))
        {
            p++;
        }

        return p;
    }
}
