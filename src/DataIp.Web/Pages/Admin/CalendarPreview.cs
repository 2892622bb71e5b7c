using DataIp.Domain.Calendar;

namespace DataIp.Web.Pages.Admin;

/// <summary>A day of the preview's month grid.</summary>
/// <param name="Date">The day.</param>
/// <param name="Status">Working or not, by the calendar the year would make.</param>
/// <param name="Entered">Its line's kind, when the notice names it.</param>
/// <param name="Name">Its line's name.</param>
public sealed record PreviewDay(DateOnly Date, DayStatus Status, DayKind? Entered, string? Name);

/// <summary>One example deadline: a period started on a day, under the policies of some bodies.</summary>
/// <param name="Start">The day the notice starts or the correction is requested.</param>
/// <param name="Bodies">The codes of the bodies with this policy.</param>
/// <param name="Policy">The policy.</param>
/// <param name="NoticeEnd">The notice's last day.</param>
/// <param name="CorrectionEnd">The correction's last day.</param>
public sealed record DeadlineExample(DateOnly Start, IReadOnlyList<string> Bodies, BodyPolicy Policy, PeriodEnd NoticeEnd, PeriodEnd CorrectionEnd);

/// <summary>
/// A calendar year as it would be entered: its months with each day's status, and the deadlines
/// it gives when a notice starts (or a correction is requested) on the last working day before
/// each holiday, under each policy the bodies have, computed by <see cref="WorkingDayCalendar.ComputePeriodEnd"/>
/// exactly as the lifecycle computes them.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="Replaces">Whether it replaces a year entered before.</param>
/// <param name="Months">Each month's days, January first.</param>
/// <param name="Examples">The example deadlines.</param>
public sealed record CalendarPreview(CalendarYear Year, bool Replaces, IReadOnlyList<IReadOnlyList<PreviewDay>> Months, IReadOnlyList<DeadlineExample> Examples)
{
    /// <summary>The most days a preview takes periods from.</summary>
    public const int MaxStarts = 8;

    /// <summary>The preview of <paramref name="year"/> in <paramref name="calendar"/> (which holds it) under the bodies' policies.</summary>
    public static CalendarPreview Of(CalendarYear year, WorkingDayCalendar calendar, IReadOnlyList<(string Code, BodyPolicy Policy)> bodies, bool replaces)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(bodies);
        var entered = year.Days.ToDictionary(d => d.Date);
        var months = Enumerable.Range(1, 12).Select(m => (IReadOnlyList<PreviewDay>)[.. Enumerable.Range(1, DateTime.DaysInMonth(year.Year, m)).Select(d =>
        {
            var date = new DateOnly(year.Year, m, d);
            var day = entered.GetValueOrDefault(date);
            return new PreviewDay(date, calendar.Classify(date), day?.Kind, day?.Name);
        })]).ToList();
        var policies = bodies.GroupBy(b => b.Policy with { SubstantiveExamination = false, ValidityYears = 0, RenewalWindowDays = 0 })
            .Select(g => (Codes: (IReadOnlyList<string>)[.. g.Select(b => b.Code)], Policy: g.First().Policy)).ToList();
        var examples = Starts(year, calendar).SelectMany(start => policies.Select(p => new DeadlineExample(start, p.Codes, p.Policy,
            calendar.ComputePeriodEnd(start, p.Policy.NoticeLength, p.Policy.NoticeUnit),
            calendar.ComputePeriodEnd(start, p.Policy.CorrectionLength, p.Policy.CorrectionUnit)))).ToList();
        return new CalendarPreview(year, replaces, months, examples);
    }

    // The last working day before each run of holidays, within the year: where a period most
    // often runs into the holiday; at most MaxStarts of them.
    private static IEnumerable<DateOnly> Starts(CalendarYear year, WorkingDayCalendar calendar)
    {
        var firsts = year.Days.Where(d => d.Kind == DayKind.Holiday).Select(d => d.Date).Order()
            .Where(d => !year.Days.Any(o => o.Kind == DayKind.Holiday && o.Date == d.AddDays(-1)));
        var starts = new SortedSet<DateOnly>();
        foreach (var first in firsts)
        {
            var day = first.AddDays(-1);
            while (day.Year == year.Year && calendar.Classify(day) != DayStatus.Working)
            {
                day = day.AddDays(-1);
            }

            if (day.Year == year.Year)
            {
                starts.Add(day);
            }
        }

        if (starts.Count == 0)
        {
            starts.Add(new DateOnly(year.Year, 1, 1));
        }

        return starts.Take(MaxStarts);
    }
}
