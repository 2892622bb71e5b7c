namespace DataIp.Domain.Calendar;

/// <summary>
/// Calendars shipped with the application, copied from the State Council's notices. Other years are
/// entered by an administrator; a year absent from both is refused, never guessed (DOMAIN §5).
/// </summary>
public static class ShippedCalendars
{
    private const string SpringFestivalMakeUp = "春节调休 Spring Festival make-up working day";
    private const string NationalDayMakeUp = "国庆节调休 National Day make-up working day";

    /// <summary>
    /// 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号) as tabled in DOMAIN §5:
    /// 28 holidays and 5 extra working days. Passes <see cref="CalendarYear.Validate"/>.
    /// </summary>
    public static CalendarYear Year2025 { get; } = new(2025,
    [
        .. Holidays(On2025(1, 1), On2025(1, 1), "元旦 New Year"),
        .. Holidays(On2025(1, 28), On2025(2, 4), "春节 Spring Festival"),
        Extra(On2025(1, 26), SpringFestivalMakeUp),
        Extra(On2025(2, 8), SpringFestivalMakeUp),
        .. Holidays(On2025(4, 4), On2025(4, 6), "清明节 Qingming Festival"),
        .. Holidays(On2025(5, 1), On2025(5, 5), "劳动节 Labour Day"),
        Extra(On2025(4, 27), "劳动节调休 Labour Day make-up working day"),
        .. Holidays(On2025(5, 31), On2025(6, 2), "端午节 Dragon Boat Festival"),
        .. Holidays(On2025(10, 1), On2025(10, 8), "国庆节、中秋节 National Day and Mid-Autumn Festival"),
        Extra(On2025(9, 28), NationalDayMakeUp),
        Extra(On2025(10, 11), NationalDayMakeUp),
    ]);

    /// <summary>Every shipped calendar, in ascending year order, each year once.</summary>
    public static IReadOnlyList<CalendarYear> All { get; } = [Year2025];

    private static DateOnly On2025(int month, int day) => new(2025, month, day);

    private static IEnumerable<CalendarDay> Holidays(DateOnly first, DateOnly last, string name)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            yield return new CalendarDay(date, DayKind.Holiday, name);
        }
    }

    private static CalendarDay Extra(DateOnly date, string name) => new(date, DayKind.ExtraWorkingDay, name);
}
