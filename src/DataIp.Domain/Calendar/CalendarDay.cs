namespace DataIp.Domain.Calendar;

/// <summary>
/// One date named in the State Council's yearly holiday notice (DOMAIN §5). A plain value: it is
/// checked only as part of its <see cref="CalendarYear"/> (see <see cref="CalendarYear.Validate"/>).
/// </summary>
/// <param name="Date">The date, in China Standard Time.</param>
/// <param name="Kind">Whether the date is a day off or a weekend day made a working day.</param>
/// <param name="Name">The occasion in Chinese and English, e.g. "元旦 New Year"; must not be blank.</param>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);
