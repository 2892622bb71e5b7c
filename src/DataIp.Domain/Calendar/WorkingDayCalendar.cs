namespace DataIp.Domain.Calendar;

/// <summary>
/// Working days in China as set by the State Council's yearly holiday notices, and procedural period
/// ends counted over them (DOMAIN §5). Knows only the years it was built from: a question about any
/// other year is answered with <see cref="DayStatus.YearMissing"/> or a refused
/// <see cref="PeriodEnd"/>, never a guess. Immutable once built, so safe to share between threads.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The shortest period <see cref="ComputePeriodEnd"/> accepts, in days.</summary>
    public const int MinLength = 1;

    /// <summary>The longest period <see cref="ComputePeriodEnd"/> accepts, in days (about ten years).</summary>
    public const int MaxLength = 3650;

    private readonly HashSet<int> _years = [];
    private readonly Dictionary<DateOnly, DayKind> _days = [];

    /// <summary>Builds a calendar from valid years, each given at most once.</summary>
    /// <param name="years">The years to know; each must pass <see cref="CalendarYear.Validate"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">A year is invalid or given twice.</exception>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            if (ProblemWith(year) is { } problem)
            {
                throw new ArgumentException(problem, nameof(years));
            }

            _years.Add(year.Year);
            foreach (var day in year.Days)
            {
                _days.Add(day.Date, day.Kind);
            }
        }
    }

    /// <summary>The years this calendar knows, in ascending order.</summary>
    public IEnumerable<int> Years => _years.Order();

    /// <summary>Whether a calendar for <paramref name="year"/> was given.</summary>
    /// <param name="year">A Gregorian year.</param>
    /// <returns>True when dates in that year can be classified.</returns>
    public bool HasYear(int year) => _years.Contains(year);

    /// <summary>
    /// Whether <paramref name="date"/> is a working day: Monday to Friday and not a holiday, or an
    /// extra working day. <see cref="DayStatus.YearMissing"/> when its year has no calendar.
    /// </summary>
    /// <param name="date">A date in China Standard Time.</param>
    /// <returns>The status of the date.</returns>
    public DayStatus Classify(DateOnly date)
    {
        if (!HasYear(date.Year))
        {
            return DayStatus.YearMissing;
        }

        if (_days.TryGetValue(date, out var kind))
        {
            return kind == DayKind.Holiday ? DayStatus.NonWorking : DayStatus.Working;
        }

        return CalendarYear.IsWeekend(date) ? DayStatus.NonWorking : DayStatus.Working;
    }

    /// <summary>
    /// The last day of a period of <paramref name="length"/> units starting on
    /// <paramref name="start"/>, counted as Chinese procedural law counts (DOMAIN §5): the start day
    /// does not count and the period runs from the next day. In working days, the end is the
    /// <paramref name="length"/>-th working day after the start. In calendar days, the end is
    /// <paramref name="start"/> + <paramref name="length"/> days, moved forward to the next working
    /// day if it is not one. The period ends at the end of that day (<see cref="PeriodEnd.EndsAt"/>).
    /// If a day that must be examined lies in a year without a calendar, the result is a refusal
    /// naming that year. The start day itself is never examined, so its year need not be known.
    /// </summary>
    /// <param name="start">The day the period starts (e.g. the day a notice is published).</param>
    /// <param name="length">The number of units, from <see cref="MinLength"/> to <see cref="MaxLength"/>.</param>
    /// <param name="unit">Working days or calendar days.</param>
    /// <returns>The computed last day, or a refusal naming the missing year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> or <paramref name="unit"/> is out of range (a caller bug).
    /// </exception>
    public PeriodEnd ComputePeriodEnd(DateOnly start, int length, PeriodUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        return unit switch
        {
            PeriodUnit.WorkingDays => CountWorkingDays(start, length),
            PeriodUnit.CalendarDays => FirstWorkingDayFrom(start.AddDays(length)),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "The period unit must be WorkingDays or CalendarDays."),
        };
    }

    private PeriodEnd CountWorkingDays(DateOnly start, int length)
    {
        var day = start;
        var counted = 0;
        while (counted < length)
        {
            day = day.AddDays(1);
            switch (Classify(day))
            {
                case DayStatus.YearMissing:
                    return PeriodEnd.Refused(day.Year);
                case DayStatus.Working:
                    counted++;
                    break;
            }
        }

        return PeriodEnd.Computed(day);
    }

    private PeriodEnd FirstWorkingDayFrom(DateOnly day)
    {
        // Ends at the latest on the first day of a year with no calendar; in practice within a few days.
        while (true)
        {
            switch (Classify(day))
            {
                case DayStatus.YearMissing:
                    return PeriodEnd.Refused(day.Year);
                case DayStatus.Working:
                    return PeriodEnd.Computed(day);
            }

            day = day.AddDays(1);
        }
    }

    private string? ProblemWith(CalendarYear year)
    {
        if (year.Validate() is { Count: > 0 } errors)
        {
            var (field, messages) = errors.First();
            return $"The calendar for {year.Year} is invalid: {field}: {messages[0]}";
        }

        return HasYear(year.Year) ? $"The calendar for {year.Year} is given more than once." : null;
    }
}
