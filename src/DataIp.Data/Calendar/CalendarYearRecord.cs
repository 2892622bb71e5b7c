using DataIp.Domain.Calendar;

namespace DataIp.Data.Calendar;

/// <summary>A year of the working-day calendar as entered by an administrator (DOMAIN §5).</summary>
public sealed class CalendarYearRecord
{
    /// <summary>The calendar year; the key.</summary>
    public int Year { get; set; }

    /// <summary>Where the data comes from, e.g. the State Council notice's title and number.</summary>
    public string Source { get; set; } = "";

    /// <summary>Who entered the year (null for the shipped years).</summary>
    public Guid? EnteredById { get; set; }

    /// <summary>When the year was entered.</summary>
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Holidays and extra working days of the year.</summary>
    public List<CalendarDayRecord> Days { get; set; } = [];

    /// <summary>The domain value of this year.</summary>
    public CalendarYear ToDomain() =>
        new(Year, [.. Days.OrderBy(d => d.Date).Select(d => new CalendarDay(d.Date, d.Kind, d.Name))]);
}

/// <summary>One holiday or extra working day.</summary>
public sealed class CalendarDayRecord
{
    /// <summary>The date; the key.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The year it belongs to.</summary>
    public int Year { get; set; }

    /// <summary>Holiday or extra working day.</summary>
    public DayKind Kind { get; set; }

    /// <summary>Name of the holiday, e.g. 国庆节 National Day.</summary>
    public string Name { get; set; } = "";
}
