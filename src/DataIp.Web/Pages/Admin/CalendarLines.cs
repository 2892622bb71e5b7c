using System.Globalization;
using DataIp.Domain.Calendar;

namespace DataIp.Web.Pages.Admin;

/// <summary>A day read from a line of the calendar form, with where it came from.</summary>
/// <param name="Day">The day.</param>
/// <param name="FieldId">The box it was typed in.</param>
/// <param name="Line">Its line, counted from 1.</param>
public sealed record TypedDay(CalendarDay Day, string FieldId, int Line);

/// <summary>
/// The calendar form's quick format, one line per holiday or per extra working day, as the State
/// Council's notice lists them: a date or a range of dates, then the name
/// (<c>2027-01-01..2027-01-03 元旦</c>, <c>2027-02-07 春节调休</c>). Blank lines are skipped.
/// Only the format is checked here; what a calendar year may hold is
/// <see cref="CalendarYear.Validate"/>'s to say, reported on the line it came from.
/// </summary>
internal static class CalendarLines
{
    /// <summary>The holidays' box.</summary>
    public const string HolidaysId = "holidays";

    /// <summary>The extra working days' box.</summary>
    public const string WorkingDaysId = "working-days";

    /// <summary>The longest range a line may give (the Spring Festival is the longest, 8 or 9 days).</summary>
    public const int MaxRange = 31;

    /// <summary>The days of both boxes, holidays first, and the lines that could not be read.</summary>
    public static (List<TypedDay> Days, List<FieldError> Errors) Read(string? holidays, string? workingDays)
    {
        var days = new List<TypedDay>();
        var errors = new List<FieldError>();
        ReadBox(holidays, DayKind.Holiday, HolidaysId, days, errors);
        ReadBox(workingDays, DayKind.ExtraWorkingDay, WorkingDaysId, days, errors);
        return (days, errors);
    }

    private static void ReadBox(string? text, DayKind kind, string fieldId, List<TypedDay> days, List<FieldError> errors)
    {
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[])[' ', '\t', '\u3000'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var name = parts.Length > 1 ? parts[1] : "";
            if (Dates(parts[0]) is not { } range)
            {
                errors.Add(new FieldError(fieldId, Text.Format("Admin.Calendars.LineFormat", i + 1, line)));
                continue;
            }

            if (range.Last < range.First || range.Last.DayNumber - range.First.DayNumber >= MaxRange || (kind == DayKind.ExtraWorkingDay && range.Last != range.First))
            {
                errors.Add(new FieldError(fieldId, Text.Format(kind == DayKind.Holiday ? "Admin.Calendars.LineRange" : "Admin.Calendars.LineOneDay", i + 1, MaxRange)));
                continue;
            }

            for (var day = range.First; day <= range.Last; day = day.AddDays(1))
            {
                days.Add(new TypedDay(new CalendarDay(day, kind, name), fieldId, i + 1));
            }
        }
    }

    // "2027-01-01" or "2027-01-01..2027-01-03".
    private static (DateOnly First, DateOnly Last)? Dates(string text)
    {
        var ends = text.Split("..", 2);
        return Date(ends[0]) is { } first && (ends.Length == 1 ? first : Date(ends[1])) is { } last ? (first, last) : null;
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// The errors of <see cref="CalendarYear.Validate"/> (keyed "year", "days[3].kind"…) on the
    /// lines the days came from, in the page's language.
    /// </summary>
    public static IEnumerable<FieldError> OnLines(IReadOnlyDictionary<string, RefusalMessage[]> errors, IReadOnlyList<TypedDay> days)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(days);
        foreach (var key in errors.Keys)
        {
            if (key == "year")
            {
                yield return new FieldError("year", Text.Format("Admin.Calendars.YearError", CalendarYear.MinYear, CalendarYear.MaxYear));
                continue;
            }

            if (key == "source")
            {
                yield return new FieldError("source", Text.Get("Admin.Calendars.SourceError"));
                continue;
            }

            var open = key.IndexOf('[', StringComparison.Ordinal);
            var close = key.IndexOf(']', StringComparison.Ordinal);
            if (open < 0 || close < open || !int.TryParse(key.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture, out var index) || index >= days.Count)
            {
                yield return new FieldError(HolidaysId, Text.Get("Action.Refused") + string.Join(" ", errors[key].Select(RefusalText.ForPage)));
                continue;
            }

            var typed = days[index];
            var date = typed.Day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return key[(close + 1)..] switch
            {
                ".date" => new FieldError(typed.FieldId, Text.Format("Admin.Calendars.DateError", typed.Line, date)),
                ".kind" => new FieldError(typed.FieldId, Text.Format("Admin.Calendars.KindError", typed.Line, date)),
                ".name" => new FieldError(typed.FieldId, Text.Format("Admin.Calendars.NameError", typed.Line)),
                _ => new FieldError(typed.FieldId, Text.Get("Action.Refused") + string.Join(" ", errors[key].Select(RefusalText.ForPage))),
            };
        }
    }
}
