namespace DataIp.Domain.Calendar;

/// <summary>
/// China Standard Time (北京时间): a fixed offset of UTC+08:00 with no daylight saving since 1992, so
/// no time-zone database is needed. Every date in a <see cref="WorkingDayCalendar"/> is a date here.
/// </summary>
public static class ChinaTime
{
    /// <summary>The offset from UTC: exactly +08:00, all year round.</summary>
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>The date in China at <paramref name="instant"/>, whatever offset the instant carries.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The calendar date in China Standard Time.</returns>
    public static DateOnly ToChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant <paramref name="date"/> begins in China: 00:00 +08:00.</summary>
    /// <param name="date">A date in China Standard Time.</param>
    /// <returns>The first instant of the date, with offset +08:00.</returns>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>
    /// The instant <paramref name="date"/> ends in China: 00:00 +08:00 of the next day, exclusive. A
    /// period "ends at the end of its last day" (DOMAIN §5), so anything before this instant is in time.
    /// </summary>
    /// <param name="date">A date in China Standard Time, before <see cref="DateOnly.MaxValue"/>.</param>
    /// <returns>The start of the following day, with offset +08:00.</returns>
    public static DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));
}
