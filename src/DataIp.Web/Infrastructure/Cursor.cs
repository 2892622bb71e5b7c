using System.Globalization;

namespace DataIp.Web.Infrastructure;

/// <summary>Keyset paging by an increasing id: <c>after</c> the last id seen, at most <c>limit</c> rows.</summary>
/// <param name="After">Rows after this id (−1: from the start).</param>
/// <param name="Limit">At most this many.</param>
internal sealed record Cursor(long After, int Limit)
{
    /// <summary>The cursor to hand back when the page is empty: the one given, or none.</summary>
    public long? Next => After >= 0 ? After : null;

    /// <summary>The page asked for, or null when <paramref name="after"/> or <paramref name="limit"/> is malformed.</summary>
    public static Cursor? Parse(string? after, string? limit, int defaultLimit, int maxLimit)
    {
        long afterValue = -1;
        var limitValue = defaultLimit;
        var afterOk = after is null || (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterValue));
        var limitOk = limit is null || (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out limitValue) && limitValue >= 1 && limitValue <= maxLimit);
        return afterOk && limitOk ? new Cursor(afterValue, limitValue) : null;
    }

    /// <summary>The 400 problem naming the malformed fields.</summary>
    public static ValidationProblem Problem(string? after, string? limit, int maxLimit)
    {
        var errors = new Dictionary<string, string[]>();
        if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors["after"] = [$"after is a cursor: the non-negative integer given as next by the previous page; \"{after}\" is not one."];
        }

        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= maxLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {maxLimit}; \"{limit}\" is not."];
        }

        return Problems.Validation(errors);
    }
}
