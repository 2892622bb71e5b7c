using DataIp.Domain.Calendar;

namespace DataIp.Web.Demo;

/// <summary>The working-day calendars the demo enters besides the shipped ones.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>What every calendar year entered by the demo says of itself (its <c>source</c>).</summary>
    public const string DemoCalendarSource =
        "演示用工作日历：仅周六、周日休息，不含法定节假日和调休，并非国务院办公厅节假日安排通知。"
        + "Entered for the demo: Saturdays and Sundays are rest days, with no public holidays or make-up working days. "
        + "NOT the State Council's holiday notice: enter the official notice for this year before any real use.";

    /// <summary>
    /// Enters, for every year of <see cref="DemoTimeline.CalendarYears"/> that has no calendar, a
    /// year with weekends as rest days and no holidays, labelled as entered for the demo. Only the
    /// demo does this: without <c>--demo</c> a year with no calendar is refused, never guessed
    /// (DOMAIN §5), and an operator enters each year from the State Council's notice.
    /// </summary>
    private async Task SeedDemoCalendarsAsync(DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var entered = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = timeline.CalendarYears.Except(entered).ToList();
        foreach (var year in missing)
        {
            db.CalendarYears.Add(ReferenceData.ToRecord(new CalendarYear(year, []), DemoCalendarSource, null, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            logger.LogInformation(
                "Demo: entered working-day calendars for {Years}: weekends only, no public holidays; NOT official. Deadlines in these years are for the demo only.",
                string.Join(", ", missing));
        }
    }
}
