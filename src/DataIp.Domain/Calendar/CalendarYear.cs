using System.Globalization;

namespace DataIp.Domain.Calendar;

/// <summary>
/// The dates one year's State Council holiday notice names (国务院办公厅关于 YYYY 年部分节假日安排的通知,
/// DOMAIN §5). Dates it does not list follow the ordinary week. An administrator enters it per year;
/// <see cref="Validate"/> says what is wrong with an entry before it is used.
/// </summary>
/// <param name="Year">The Gregorian year the notice covers; valid from 2000 to 2100.</param>
/// <param name="Days">The holidays and extra working days, each dated within <paramref name="Year"/>.</param>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>The earliest year a calendar may be entered for.</summary>
    public const int MinYear = 2000;

    /// <summary>The latest year a calendar may be entered for.</summary>
    public const int MaxYear = 2100;

    /// <summary>
    /// Checks the entry and returns field errors keyed like a form ("year", "days[3].date",
    /// "days[3].name", "days[3].kind"). An empty dictionary means the year is valid. Rules: the
    /// year lies in <see cref="MinYear"/>..<see cref="MaxYear"/>; every day lies in that year and
    /// appears once; every name is non-blank; an extra working day is a Saturday or Sunday (a
    /// holiday may fall on any day, including a weekend).
    /// </summary>
    /// <returns>Error messages per field; never null.</returns>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        if (Year is < MinYear or > MaxYear)
        {
            Add(errors, "year", Invariant($"The year must be from {MinYear} to {MaxYear}; found {Year}."));
        }

        if (Days is null)
        {
            Add(errors, "days", "The list of days is missing.");
        }
        else
        {
            ValidateDays(errors);
        }

        return errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    private void ValidateDays(Dictionary<string, List<string>> errors)
    {
        var firstIndexOf = new Dictionary<DateOnly, int>();
        for (var i = 0; i < Days.Count; i++)
        {
            var day = Days[i];
            var prefix = Invariant($"days[{i}]");
            if (day is null)
            {
                Add(errors, prefix, "The day is missing.");
                continue;
            }

            ValidateDate(errors, prefix, day);
            if (!firstIndexOf.TryAdd(day.Date, i))
            {
                Add(errors, prefix + ".date", Invariant($"{Format(day.Date)} is already listed at days[{firstIndexOf[day.Date]}]."));
            }

            ValidateKind(errors, prefix, day);
            if (string.IsNullOrWhiteSpace(day.Name))
            {
                Add(errors, prefix + ".name", "The name must not be empty.");
            }
        }
    }

    private void ValidateDate(Dictionary<string, List<string>> errors, string prefix, CalendarDay day)
    {
        if (day.Date.Year != Year)
        {
            Add(errors, prefix + ".date", Invariant($"{Format(day.Date)} is not in {Year}."));
        }
    }

    private static void ValidateKind(Dictionary<string, List<string>> errors, string prefix, CalendarDay day)
    {
        if (!Enum.IsDefined(day.Kind))
        {
            Add(errors, prefix + ".kind", "The kind must be Holiday or ExtraWorkingDay.");
        }
        else if (day.Kind == DayKind.ExtraWorkingDay && !IsWeekend(day.Date))
        {
            // 调休 only ever turns a weekend day into a working day; a weekday already is one.
            Add(errors, prefix + ".kind", Invariant($"{Format(day.Date)} is a {day.Date.DayOfWeek}; an extra working day must be a Saturday or Sunday."));
        }
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            list = [];
            errors[key] = list;
        }

        list.Add(message);
    }
}
