using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Calendar;

/// <summary>What entering a calendar year came to: the act recorded, or the refusal.</summary>
/// <param name="Act">The <c>enterCalendarYear</c> act.</param>
/// <param name="Source">The notice's name as stored.</param>
/// <param name="Refusal">Why nothing was entered.</param>
public sealed record CalendarEntryOutcome(Act? Act, string? Source, Refusal? Refusal);

/// <summary>
/// Entering a year of the working-day calendar from the State Council's notice (national
/// administrators): the one code that <c>PUT /api/v1/calendars/{year}</c> and the calendar page
/// run, and the calendar a year would make, for the page's preview of the deadlines it gives.
/// </summary>
public sealed class CalendarEntry(RegistryDbContext db, TimeProvider clock)
{
    /// <summary>The longest name of a notice.</summary>
    public const int MaxSourceLength = 500;

    /// <summary>What is wrong with an entry, keyed like the API's fields ("source", "year", "days[3].date"); empty when it is valid.</summary>
    public static Dictionary<string, RefusalMessage[]> Errors(CalendarYear year, string? source)
    {
        ArgumentNullException.ThrowIfNull(year);
        // The calendar's own checks are worded by the domain in English: the API keeps them, a page words them by field.
        var errors = year.Validate().ToDictionary(e => e.Key, e => e.Value.Select(m => RefusalMessage.Worded(m, RefusalKey.CalendarDayInvalid)).ToArray());
        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > MaxSourceLength)
        {
            errors["source"] = [new(RefusalKey.CalendarSource)];
        }

        return errors;
    }

    /// <summary>
    /// The calendar the register would count deadlines with once <paramref name="year"/> is entered:
    /// every stored year but the one it replaces, and it. <paramref name="year"/> must be valid.
    /// </summary>
    public async Task<WorkingDayCalendar> WithAsync(CalendarYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(year);
        var stored = await db.CalendarYears.AsNoTracking().Include(y => y.Days).Where(y => y.Year != year.Year).ToListAsync(ct).ConfigureAwait(false);
        return new WorkingDayCalendar([.. stored.Select(y => y.ToDomain()), year]);
    }

    /// <summary>Enters or replaces <paramref name="year"/> and records the act, in one transaction. Deadlines already set keep their dates.</summary>
    public async Task<CalendarEntryOutcome> EnterAsync(CalendarYear year, string? source, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(party);
        if (party.Role != AccountRole.Administrator || party.BodyId is not null)
        {
            return new(null, null, Refusal.NotPermitted(RefusalKey.CalendarNationalOnly));
        }

        var errors = Errors(year, source);
        if (errors.Count > 0)
        {
            return new(null, null, Refusal.Invalid(errors));
        }

        var name = source!.Trim();
        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        var now = transaction.Now;
        var existing = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year.Year, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            db.CalendarYears.Remove(existing);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        db.CalendarYears.Add(ReferenceData.ToRecord(year, name, party.AccountId, now));
        var recorded = await ActWriter.AppendAsync(db, party.Actor,
            new EnterCalendarYearAct { Year = year.Year, Source = name, Replaced = existing is not null, Days = [.. year.Days] },
            null, now, null, noticeStarted: false, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new(recorded.Act, name, null);
    }
}
