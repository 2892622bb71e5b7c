using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Applications;

/// <summary>Loads the working-day calendar as entered (DOMAIN §5).</summary>
public sealed class CalendarService(RegistryDbContext db)
{
    /// <summary>The calendar of every entered year.</summary>
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new WorkingDayCalendar(years.Select(y => y.ToDomain()));
    }
}
