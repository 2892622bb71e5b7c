using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DataIp.Domain.TransparencyLog;

/// <summary>
/// The paths of c2sp.org/tlog-tiles, relative to the log's prefix: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>
/// for hash tiles and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c> for entry bundles. The one
/// implementation: the server reads request paths with it and <c>dataip log verify</c> builds its
/// requests with it.
/// <list type="bullet">
/// <item>L is a decimal ASCII integer from 0 to 63 "with no additional leading zeroes".</item>
/// <item>N is "encoded into zero-padded 3-digit path elements. All but the last path element MUST
/// begin with an x" (1234067 → <c>x001/x234/067</c>). Zero padding is only what makes each element
/// three digits: a leading <c>x000</c> element would be a second spelling of the same tile, and is
/// refused. N is at most <see cref="Tile.MaxIndex"/>.</item>
/// <item><c>.p/&lt;W&gt;</c> is present only for partial tiles: W from 1 to 255, no leading zero.</item>
/// </list>
/// Parsing accepts exactly what formatting writes, so every tile has one path. Thread-safe: pure functions.
/// </summary>
public static class TilePath
{
    private const string Prefix = "tile/";
    private const string EntriesElement = "entries";
    private const string PartialSeparator = ".p/";

    /// <summary>The path of <paramref name="tile"/>, e.g. "tile/1/x001/234.p/17" or "tile/entries/000".</summary>
    /// <param name="tile">The tile.</param>
    /// <returns>The path, without a leading slash.</returns>
    public static string Format(Tile tile)
    {
        var path = new StringBuilder(Prefix)
            .Append(tile.IsEntryBundle ? EntriesElement : tile.Level.ToString(CultureInfo.InvariantCulture))
            .Append('/')
            .Append(FormatIndex(tile.Index));
        if (tile.IsPartial)
        {
            path.Append(PartialSeparator).Append(tile.Width.ToString(CultureInfo.InvariantCulture));
        }

        return path.ToString();
    }

    /// <summary>The &lt;N&gt; path elements: 0 → "000", 1000 → "x001/000", 1234067 → "x001/x234/067".</summary>
    /// <param name="index">The tile index, at most <see cref="Tile.MaxIndex"/>.</param>
    /// <returns>The groups of three digits, joined by slashes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is beyond <see cref="Tile.MaxIndex"/>.</exception>
    public static string FormatIndex(ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Tile.MaxIndex);
        var text = index.ToString(CultureInfo.InvariantCulture);
        text = text.PadLeft((text.Length + 2) / 3 * 3, '0');
        var path = new StringBuilder();
        for (var start = 0; start < text.Length; start += 3)
        {
            var last = start + 3 == text.Length;
            path.Append(last ? string.Empty : "x").Append(text, start, 3).Append(last ? string.Empty : "/");
        }

        return path.ToString();
    }

    /// <summary>Reads a tile path as <see cref="Format"/> writes it; see the class summary for the rules.</summary>
    /// <param name="path">The path relative to the log prefix, e.g. "tile/0/x001/x234/067.p/8".</param>
    /// <param name="tile">The tile, when the path is one.</param>
    /// <param name="error">What is wrong, for people (naming the element); null when the path is a tile's.</param>
    /// <returns>Whether <paramref name="path"/> is a tile path.</returns>
    public static bool TryParse([NotNullWhen(true)] string? path, out Tile tile, [NotNullWhen(false)] out string? error)
    {
        tile = default;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "A tile path is tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>].";
            return false;
        }

        var rest = path[Prefix.Length..];
        var width = Tile.FullWidth;
        var partial = rest.IndexOf(PartialSeparator, StringComparison.Ordinal);
        if (partial >= 0)
        {
            var text = rest[(partial + PartialSeparator.Length)..];
            if (!TryParseDecimal(text, out var w) || w is 0 or >= Tile.FullWidth)
            {
                error = $"'{text}' is not a partial tile width: 1 to 255 in decimal, without leading zeros.";
                return false;
            }

            width = (int)w;
            rest = rest[..partial];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "A tile path is tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>].";
            return false;
        }

        ulong index = 0;
        error = LevelError(rest[..slash], out var level) ?? IndexError(rest[(slash + 1)..], out index);
        if (error is not null)
        {
            return false;
        }

        tile = new Tile(level, index, width);
        return true;
    }

    private static string? LevelError(string text, out int level)
    {
        level = Tile.EntriesLevel;
        if (text == EntriesElement)
        {
            return null;
        }

        if (!TryParseDecimal(text, out var value) || value > Tile.MaxLevel)
        {
            return $"'{text}' is not a tile level: 0 to 63 in decimal without leading zeros, or 'entries'.";
        }

        level = (int)value;
        return null;
    }

    private static string? IndexError(string text, out ulong index)
    {
        index = 0;
        var groups = text.Split('/');
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            if (i < groups.Length - 1)
            {
                // A leading "x000" would be a second spelling of the same index.
                if (!group.StartsWith('x') || (i == 0 && group == "x000"))
                {
                    return NotAnIndex(text);
                }

                group = group[1..];
            }

            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
            {
                return NotAnIndex(text);
            }

            var digits = (ulong)((group[0] - '0') * 100 + (group[1] - '0') * 10 + (group[2] - '0'));
            if (index > (Tile.MaxIndex - digits) / 1000)
            {
                return $"'{text}' is beyond the largest tile index, {Tile.MaxIndex}.";
            }

            index = (index * 1000) + digits;
        }

        return null;
    }

    private static string NotAnIndex(string text) =>
        $"'{text}' is not a tile index: groups of three digits, all but the last prefixed with x, the first not x000.";

    // ASCII decimal with no sign and no leading zero (but "0" itself), as tlog-tiles requires of L and W.
    private static bool TryParseDecimal(string text, out ulong value)
    {
        value = 0;
        return text.Length is > 0 and <= 3
            && text.All(char.IsAsciiDigit)
            && (text.Length == 1 || text[0] != '0')
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
