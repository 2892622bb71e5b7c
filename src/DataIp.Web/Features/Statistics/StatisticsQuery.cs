using System.Globalization;

namespace DataIp.Web.Features.Statistics;

/// <summary>A calendar month in China Standard Time, written <c>YYYY-MM</c>.</summary>
/// <param name="Year">2000–2099.</param>
/// <param name="Number">1–12.</param>
public readonly record struct StatisticsMonth(int Year, int Number) : IComparable<StatisticsMonth>
{
    /// <summary>The first month a filter may name.</summary>
    public static readonly StatisticsMonth First = new(2000, 1);

    /// <summary>The last month a filter may name.</summary>
    public static readonly StatisticsMonth Last = new(2099, 12);

    /// <summary>The month of a date in China.</summary>
    public static StatisticsMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month after this one.</summary>
    public StatisticsMonth Next() => Number == 12 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <inheritdoc/>
    public int CompareTo(StatisticsMonth other) => (Year * 12 + Number).CompareTo(other.Year * 12 + other.Number);

    /// <summary>Earlier than.</summary>
    public static bool operator <(StatisticsMonth left, StatisticsMonth right) => left.CompareTo(right) < 0;

    /// <summary>Later than.</summary>
    public static bool operator >(StatisticsMonth left, StatisticsMonth right) => left.CompareTo(right) > 0;

    /// <summary>Earlier than or the same.</summary>
    public static bool operator <=(StatisticsMonth left, StatisticsMonth right) => left.CompareTo(right) <= 0;

    /// <summary>Later than or the same.</summary>
    public static bool operator >=(StatisticsMonth left, StatisticsMonth right) => left.CompareTo(right) >= 0;

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}

/// <summary>What is wrong with a statistics filter value.</summary>
public enum StatisticsProblemCode
{
    /// <summary>Control character, lone surrogate or noncharacter.</summary>
    TextInvalid,

    /// <summary>Longer than any valid value.</summary>
    TooLong,

    /// <summary>Not <c>YYYY-MM</c>.</summary>
    MonthShape,

    /// <summary>A month outside 2000-01 … 2099-12 (or month 00 or 13).</summary>
    MonthOutOfRange,

    /// <summary><c>from</c> after <c>to</c>.</summary>
    RangeReversed,

    /// <summary>No registration body has that code.</summary>
    BodyUnknown,
}

/// <summary>A refused filter value: the field (<c>from</c>, <c>to</c> or <c>body</c>) and why.</summary>
/// <param name="Field">The query field.</param>
/// <param name="Code">What is wrong.</param>
public sealed record StatisticsProblem(string Field, StatisticsProblemCode Code)
{
    /// <summary>The problem in English, for the API.</summary>
    public string English => Code switch
    {
        StatisticsProblemCode.TextInvalid => $"{Field} contains a character that is never part of a valid value (a control character, a lone surrogate or a noncharacter).",
        StatisticsProblemCode.TooLong => $"{Field} is longer than any valid value.",
        StatisticsProblemCode.MonthShape => $"{Field} must be a month written YYYY-MM, such as 2025-09.",
        StatisticsProblemCode.MonthOutOfRange => $"{Field} must be a month from {StatisticsMonth.First} to {StatisticsMonth.Last}.",
        StatisticsProblemCode.RangeReversed => "from must not be later than to.",
        StatisticsProblemCode.BodyUnknown => $"{Field} is not the code of a registration body.",
        _ => throw new ArgumentOutOfRangeException(nameof(Code), Code, null),
    };
}

/// <summary>
/// The filters of the statistics as received (query strings, unchecked): the months of
/// <paramref name="From"/> to <paramref name="To"/> inclusive, and one body's code.
/// </summary>
/// <param name="From">First month, <c>YYYY-MM</c>, or empty for no limit.</param>
/// <param name="To">Last month, <c>YYYY-MM</c>, or empty for no limit.</param>
/// <param name="Body">A registration body's 4-digit code, or empty for all.</param>
public sealed record StatisticsQuery(string? From, string? To, string? Body)
{
    private const int MaxBodyLength = 16;

    /// <summary>No filter: the whole register.</summary>
    public static readonly StatisticsQuery All = new(null, null, null);

    /// <summary>The checked filter, or the problems of each field; the body is checked against <paramref name="bodyCodes"/>.</summary>
    /// <param name="bodyCodes">The codes of the registration bodies.</param>
    public (StatisticsFilter? Filter, IReadOnlyList<StatisticsProblem> Problems) Check(IEnumerable<string> bodyCodes)
    {
        ArgumentNullException.ThrowIfNull(bodyCodes);
        var problems = new List<StatisticsProblem>();
        var from = Month("from", From, problems);
        var to = Month("to", To, problems);
        if (from is { } f && to is { } t && f > t)
        {
            problems.Add(new StatisticsProblem("from", StatisticsProblemCode.RangeReversed));
        }

        var body = string.IsNullOrEmpty(Body) ? null : Body;
        if (body is not null)
        {
            var problem = Text(body, MaxBodyLength)
                ?? (bodyCodes.Contains(body, StringComparer.Ordinal) ? (StatisticsProblemCode?)null : StatisticsProblemCode.BodyUnknown);
            if (problem is { } code)
            {
                problems.Add(new StatisticsProblem("body", code));
            }
        }

        return problems.Count > 0 ? (null, problems) : (new StatisticsFilter(from, to, body), problems);
    }

    private static StatisticsMonth? Month(string field, string? value, List<StatisticsProblem> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var problem = Text(value, "YYYY-MM".Length);
        if (problem is null && (value.Length != 7 || value[4] != '-' || !value.Remove(4, 1).All(char.IsAsciiDigit)))
        {
            problem = StatisticsProblemCode.MonthShape;
        }

        if (problem is null)
        {
            var month = new StatisticsMonth(int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture));
            if (month.Number is >= 1 and <= 12 && month >= StatisticsMonth.First && month <= StatisticsMonth.Last)
            {
                return month;
            }

            problem = StatisticsProblemCode.MonthOutOfRange;
        }

        problems.Add(new StatisticsProblem(field, problem.Value));
        return null;
    }

    private static StatisticsProblemCode? Text(string value, int maxLength) =>
        RegisterText.Problem(value, singleLine: true) is not null ? StatisticsProblemCode.TextInvalid
        : value.Length > maxLength ? StatisticsProblemCode.TooLong
        : null;
}

/// <summary>A checked filter: months inclusive, either end open; one body or all.</summary>
/// <param name="From">First month counted, or null.</param>
/// <param name="To">Last month counted, or null.</param>
/// <param name="BodyCode">The one body counted, or null for all.</param>
public sealed record StatisticsFilter(StatisticsMonth? From, StatisticsMonth? To, string? BodyCode)
{
    /// <summary>Whether a day falls in the months of the filter.</summary>
    public bool Covers(DateOnly day)
    {
        var month = StatisticsMonth.Of(day);
        return (From is not { } from || month >= from) && (To is not { } to || month <= to);
    }
}
