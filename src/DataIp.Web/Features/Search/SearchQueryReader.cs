using System.Globalization;
using System.Text.RegularExpressions;
using DataIp.Domain.Search;

namespace DataIp.Web.Features.Search;

/// <summary>Why a search's query value was refused; the API words it in English, the page from its resources (Search.Error.*).</summary>
public enum SearchQueryError
{
    /// <summary>Too long.</summary>
    TooLong,

    /// <summary>Ill-formed text: a lone surrogate or a control character.</summary>
    NotText,

    /// <summary>More words than a query is read for.</summary>
    TooManyTerms,

    /// <summary>Not a value of the field's form or list.</summary>
    NotOneOf,

    /// <summary>Not a day, or a day outside 1900–9999.</summary>
    NotADate,

    /// <summary>The first day after the last.</summary>
    FromAfterTo,

    /// <summary>Not a cursor of this order handed out by the platform.</summary>
    BadCursor,

    /// <summary>Not a whole number from 1 to 100.</summary>
    BadLimit,
}

/// <summary>
/// Reads a search from query-string values, for <c>GET /api/v1/search</c> and the search page alike,
/// refusing every value it cannot read with the field it came in (never a 500, never silently ignored).
/// </summary>
public static partial class SearchQueryReader
{
    /// <summary>The query-string fields a search reads.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["q", "body", "region", "industry", "state", "right", "pledged", "from", "to", "sort", "cursor", "limit"];

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The search asked for, or the errors by field.</summary>
    /// <param name="value">A field's value (null when absent).</param>
    /// <param name="rawQuery">The request's query string as sent (<see cref="IllFormedFields"/> reads it).</param>
    public static (SearchRequest? Request, IReadOnlyList<(string Field, SearchQueryError Error)> Errors) Read(Func<string, string?> value, string? rawQuery)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<(string, SearchQueryError)>();
        errors.AddRange(IllFormedFields(rawQuery).Select(f => (f, SearchQueryError.NotText)));
        var q = Text(value("q"), "q", SearchRequest.MaxQueryLength, errors);
        if (q is not null && SearchTerms.QueryTermCount(q) > SearchTerms.MaxQueryTerms)
        {
            errors.Add(("q", SearchQueryError.TooManyTerms));
        }

        var body = Matching(value("body"), "body", BodyCode(), errors);
        var region = Matching(value("region"), "region", RegionCode(), errors);
        var industry = Matching(value("industry"), "industry", IndustryCode(), errors)?.ToUpperInvariant();
        var state = Choice(value("state"), "state", SearchRequest.PublicStates, errors);
        var right = Choice(value("right"), "right", Enum.GetValues<DataRight>(), errors);
        var pledged = Choice(value("pledged"), "pledged", [false, true], errors);
        var from = Day(value("from"), "from", errors);
        var to = Day(value("to"), "to", errors);
        if (from > to)
        {
            errors.Add(("from", SearchQueryError.FromAfterTo));
        }

        var sort = Choice(value("sort"), "sort", Enum.GetValues<SearchSort>(), errors) ?? SearchSort.Newest;
        var cursorText = value("cursor");
        var cursor = string.IsNullOrEmpty(cursorText) ? null : SearchCursor.Decode(cursorText);
        if (!string.IsNullOrEmpty(cursorText) && cursor?.Sort != sort)
        {
            errors.Add(("cursor", SearchQueryError.BadCursor));
        }

        var limitText = value("limit");
        var limit = SearchRequest.DefaultLimit;
        if (!string.IsNullOrEmpty(limitText)
            && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= SearchRequest.MaxLimit))
        {
            errors.Add(("limit", SearchQueryError.BadLimit));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new SearchRequest(q, SearchTerms.ForQuery(q), body, region, industry, state, right, pledged, from, to, sort, cursor, limit), errors);
    }

    /// <summary>
    /// The fields whose percent-encoded bytes are not UTF-8 (an encoded lone surrogate, a stray
    /// byte): ASP.NET Core leaves such a sequence undecoded, so the value would read as other text.
    /// </summary>
    /// <param name="rawQuery">The query string as sent, with or without its leading '?'.</param>
    public static IReadOnlyList<string> IllFormedFields(string? rawQuery)
    {
        var fields = new List<string>();
        foreach (var pair in (rawQuery ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, encoded) = pair.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? (pair[..i], pair[(i + 1)..]) : (pair, "");
            if (Fields.Contains(name) && !fields.Contains(name) && !IsUtf8(encoded))
            {
                fields.Add(name);
            }
        }

        return fields;
    }

    private static bool IsUtf8(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (encoded[i] < 0x80)
            {
                bytes.Add((byte)encoded[i]);
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return System.Text.Unicode.Utf8.IsValid([.. bytes]);
    }

    /// <summary>The values a field takes, as the API names them (camelCase), or null for free text.</summary>
    public static IReadOnlyList<string>? Choices(string field) => field switch
    {
        "state" => [.. SearchRequest.PublicStates.Select(Name)],
        "right" => [.. Enum.GetValues<DataRight>().Select(Name)],
        "pledged" => ["false", "true"],
        "sort" => [.. Enum.GetValues<SearchSort>().Select(Name)],
        _ => null,
    };

    /// <summary>An enum value or flag as the API names it.</summary>
    public static string Name<T>(T value)
        where T : notnull
    {
        var text = value.ToString()!;
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string? Text(string? value, string field, int maxLength, List<(string, SearchQueryError)> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add((field, SearchQueryError.TooLong));
            return null;
        }

        // The register's rule for text (no control character, lone surrogate or noncharacter); and no
        // U+FFFD, which is what a query string's bytes that were not UTF-8 (an encoded surrogate) decode to.
        if (RegisterText.Problem(value, singleLine: false) is not null || value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            errors.Add((field, SearchQueryError.NotText));
            return null;
        }

        return value.Trim();
    }

    private static string? Matching(string? value, string field, Regex form, List<(string, SearchQueryError)> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!form.IsMatch(value))
        {
            errors.Add((field, SearchQueryError.NotOneOf));
            return null;
        }

        return value;
    }

    private static T? Choice<T>(string? value, string field, IEnumerable<T> choices, List<(string, SearchQueryError)> errors)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (string.Equals(Name(choice), value, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        errors.Add((field, SearchQueryError.NotOneOf));
        return null;
    }

    private static DateOnly? Day(string? value, string field, List<(string, SearchQueryError)> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < Earliest)
        {
            errors.Add((field, SearchQueryError.NotADate));
            return null;
        }

        return day;
    }

    [GeneratedRegex(@"^[0-9]{4}\z")]
    private static partial Regex BodyCode();

    [GeneratedRegex(@"^[0-9]{6}\z")]
    private static partial Regex RegionCode();

    [GeneratedRegex(@"^[A-Ta-t]([0-9]{2})?\z")]
    private static partial Regex IndustryCode();
}
