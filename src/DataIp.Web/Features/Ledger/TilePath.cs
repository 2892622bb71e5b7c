using System.Globalization;

namespace DataIp.Web.Features.Ledger;

/// <summary>
/// A C2SP tlog-tiles path below <c>/log/tile/</c>: <c>&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> for a hash
/// tile, <c>entries/&lt;N&gt;[.p/&lt;W&gt;]</c> for an entry bundle. N is written in groups of three
/// digits, all but the last prefixed with <c>x</c> (1234067 → <c>x001/x234/067</c>).
/// </summary>
/// <param name="IsEntries">Whether this is an entry bundle.</param>
/// <param name="Level">The tile level (hash tiles; 0 for entries).</param>
/// <param name="Index">The tile index N.</param>
/// <param name="Width">Entries or hashes in the tile: 256 for a full tile, 1–255 for a partial one.</param>
public sealed record TilePath(bool IsEntries, int Level, long Index, int Width)
{
    /// <summary>Hashes or entries in a full tile.</summary>
    public const int FullWidth = 256;

    /// <summary>Parses the path below <c>/log/tile/</c>; null with a reason when it is not a tile path.</summary>
    public static TilePath? TryParse(string? path, out string? error)
    {
        error = null;
        var parts = (path ?? "").Split('/');
        if (parts.Length < 2)
        {
            error = "A tile path is <L>/<N>[.p/<W>] or entries/<N>[.p/<W>].";
            return null;
        }

        var entries = parts[0] == "entries";
        var level = 0;
        if (!entries && !TryNumber(parts[0], 2, out level))
        {
            error = $"'{parts[0]}' is not a tile level (a decimal number, or 'entries').";
            return null;
        }

        var width = FullWidth;
        var indexParts = parts[1..];
        if (indexParts.Length >= 2 && indexParts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryNumber(indexParts[^1], 3, out width) || width is < 1 or >= FullWidth)
            {
                error = $"'{indexParts[^1]}' is not a partial tile width (1–255).";
                return null;
            }

            indexParts = [.. indexParts[..^2], indexParts[^2][..^2]];
        }

        if (!TryIndex(indexParts, out var index))
        {
            error = $"'{string.Join('/', indexParts)}' is not a tile index (groups of three digits, all but the last prefixed with x).";
            return null;
        }

        return new TilePath(entries, level, index, width);
    }

    private static bool TryIndex(string[] groups, out long index)
    {
        index = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var last = i == groups.Length - 1;
            var digits = last ? group : group.StartsWith('x') ? group[1..] : "";
            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit) || index > (long.MaxValue - 999) / 1000)
            {
                return false;
            }

            index = (index * 1000) + int.Parse(digits, CultureInfo.InvariantCulture);
        }

        return groups.Length > 0;
    }

    // A decimal without leading zeros (but "0"), at most maxDigits long.
    private static bool TryNumber(string text, int maxDigits, out int value)
    {
        value = 0;
        return text.Length is > 0 && text.Length <= maxDigits && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
