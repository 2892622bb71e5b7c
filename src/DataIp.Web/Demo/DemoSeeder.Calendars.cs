using DataIp.Data;
using DataIp.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Demo;

/// <summary>The working-day calendars the demo enters besides the shipped ones.</summary>
internal sealed partial class DemoSeeder
{
    private const string EnteredForDemo = "(entered for the demo; check against the official notice before production use)";

    // Entered for the demo only, so that the registration renewed in 2026 could be examined and
    // noticed in January 2024 (DemoSeeder.Rights.cs); from 国务院办公厅关于2024年部分节假日安排的通知
    // (国办发明电〔2023〕7号).
    private static readonly CalendarYear Demo2024 = new(2024,
    [
        new(new DateOnly(2024, 1, 1), DayKind.Holiday, "元旦 New Year"),
        .. Days(2024, 2, 10, 17, DayKind.Holiday, "春节 Spring Festival"),
        new(new DateOnly(2024, 2, 4), DayKind.ExtraWorkingDay, "春节调休 Spring Festival make-up day"),
        new(new DateOnly(2024, 2, 18), DayKind.ExtraWorkingDay, "春节调休 Spring Festival make-up day"),
        .. Days(2024, 4, 4, 6, DayKind.Holiday, "清明节 Qingming"),
        new(new DateOnly(2024, 4, 7), DayKind.ExtraWorkingDay, "清明节调休 Qingming make-up day"),
        .. Days(2024, 5, 1, 5, DayKind.Holiday, "劳动节 Labour Day"),
        new(new DateOnly(2024, 4, 28), DayKind.ExtraWorkingDay, "劳动节调休 Labour Day make-up day"),
        new(new DateOnly(2024, 5, 11), DayKind.ExtraWorkingDay, "劳动节调休 Labour Day make-up day"),
        new(new DateOnly(2024, 6, 10), DayKind.Holiday, "端午节 Dragon Boat Festival"),
        .. Days(2024, 9, 15, 17, DayKind.Holiday, "中秋节 Mid-Autumn Festival"),
        new(new DateOnly(2024, 9, 14), DayKind.ExtraWorkingDay, "中秋节调休 Mid-Autumn make-up day"),
        .. Days(2024, 10, 1, 7, DayKind.Holiday, "国庆节 National Day"),
        new(new DateOnly(2024, 9, 29), DayKind.ExtraWorkingDay, "国庆节调休 National Day make-up day"),
        new(new DateOnly(2024, 10, 12), DayKind.ExtraWorkingDay, "国庆节调休 National Day make-up day"),
    ]);

    // Entered for the demo only, so that notices and corrections can start today; an operator
    // enters the year from the official notice (DOMAIN §5) before production use.
    private static readonly CalendarYear Demo2026 = new(2026,
    [
        .. Days(2026, 1, 1, 3, DayKind.Holiday, "元旦 New Year"),
        new(new DateOnly(2026, 1, 4), DayKind.ExtraWorkingDay, "元旦调休 New Year make-up day"),
        .. Days(2026, 2, 15, 23, DayKind.Holiday, "春节 Spring Festival"),
        new(new DateOnly(2026, 2, 14), DayKind.ExtraWorkingDay, "春节调休 Spring Festival make-up day"),
        new(new DateOnly(2026, 2, 28), DayKind.ExtraWorkingDay, "春节调休 Spring Festival make-up day"),
        .. Days(2026, 4, 4, 6, DayKind.Holiday, "清明节 Qingming"),
        .. Days(2026, 5, 1, 5, DayKind.Holiday, "劳动节 Labour Day"),
        new(new DateOnly(2026, 5, 9), DayKind.ExtraWorkingDay, "劳动节调休 Labour Day make-up day"),
        .. Days(2026, 6, 19, 21, DayKind.Holiday, "端午节 Dragon Boat Festival"),
        .. Days(2026, 9, 25, 27, DayKind.Holiday, "中秋节 Mid-Autumn Festival"),
        new(new DateOnly(2026, 9, 20), DayKind.ExtraWorkingDay, "国庆节调休 National Day make-up day"),
        .. Days(2026, 10, 1, 7, DayKind.Holiday, "国庆节 National Day"),
        new(new DateOnly(2026, 10, 10), DayKind.ExtraWorkingDay, "国庆节调休 National Day make-up day"),
    ]);

    private static IEnumerable<CalendarDay> Days(int year, int month, int first, int last, DayKind kind, string name) =>
        Enumerable.Range(first, last - first + 1).Select(d => new CalendarDay(new DateOnly(year, month, d), kind, name));

    private async Task SeedDemoCalendarAsync(CancellationToken cancellationToken)
    {
        foreach (var year in new[] { Demo2024, Demo2026 })
        {
            if (!await db.CalendarYears.AnyAsync(y => y.Year == year.Year, cancellationToken).ConfigureAwait(false))
            {
                db.CalendarYears.Add(ReferenceData.ToRecord(year, $"国务院办公厅关于{year.Year}年部分节假日安排的通知 {EnteredForDemo}", null, clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
