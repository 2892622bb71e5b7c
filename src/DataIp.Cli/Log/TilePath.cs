using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DataIp.Cli.Log;

/// <summary>
/// The paths of c2sp.org/tlog-tiles, relative to the log's prefix: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>
/// for hash tiles and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c> for entry bundles. &lt;N&gt; is written in
/// zero-padded groups of three digits, all but the last prefixed with "x" (1234067 →
/// <c>x001/x234/067</c>), so a file system can hold the tiles without a file and a directory of the
/// same name; <c>.p/&lt;W&gt;</c> is present only for partial tiles. Parsing accepts exactly what
/// formatting writes: one path per tile. Thread-safe: pure functions.
/// </summary>
internal static class TilePath
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
    /// <param name="index">The tile index.</param>
    /// <returns>The groups of three digits, joined by slashes.</returns>
    public static string FormatIndex(ulong index)
    {
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

    /// <summary>Reads a tile path as <see cref="Format"/> writes it; anything else (leading zeros in
    /// L or W, a group without its "x", an "x000" group in front, W of 0 or 256, an index beyond
    /// 2^64 − 1) is refused, so that each tile has one path.</summary>
    /// <param name="path">The path relative to the log prefix, e.g. "tile/0/x001/x234/067.p/8".</param>
    /// <param name="tile">The tile, when the path is one.</param>
    /// <returns>Whether <paramref name="path"/> is a tile path.</returns>
    public static bool TryParse([NotNullWhen(true)] string? path, out Tile tile)
    {
        tile = default;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path[Prefix.Length..];
        var width = Tile.FullWidth;
        var partial = rest.IndexOf(PartialSeparator, StringComparison.Ordinal);
        if (partial >= 0)
        {
            if (!TryParseDecimal(rest[(partial + PartialSeparator.Length)..], out var w) || w is 0 or >= Tile.FullWidth)
            {
                return false;
            }

            width = (int)w;
            rest = rest[..partial];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseLevel(rest[..slash], out var level) || !TryParseIndex(rest[(slash + 1)..], out var index))
        {
            return false;
        }

        tile = new Tile(level, index, width);
        return true;
    }

    private static bool TryParseLevel(string text, out int level)
    {
        level = Tile.EntriesLevel;
        if (text == EntriesElement)
        {
            return true;
        }

        if (!TryParseDecimal(text, out var value) || value > Tile.MaxLevel)
        {
            return false;
        }

        level = (int)value;
        return true;
    }

    private static bool TryParseIndex(string text, out ulong index)
    {
        index = 0;
        var groups = text.Split('/');
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var last = i == groups.Length - 1;
            if (!last)
            {
                // A leading "x000" would be a second spelling of the same index.
                if (!group.StartsWith('x') || (i == 0 && group == "x000"))
                {
                    return false;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
            {
                return false;
            }

            var digits = (ulong)(group[0] - '0') * 100 + (ulong)(group[1] - '0') * 10 + (ulong)(group[2] - '0');
            if (index > (ulong.MaxValue - digits) / 1000)
            {
                return false;
            }

            index = (index * 1000) + digits;
        }

        return true;
    }

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
