using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Calendar;

/// <summary>A year of the working-day calendar as entered from the State Council's notice.</summary>
/// <param name="Source">The notice it comes from (title and number).</param>
/// <param name="Days">Holidays and extra working days.</param>
public sealed record CalendarYearRequest(string? Source, IReadOnlyList<CalendarDay>? Days);

/// <summary>A calendar year as shown.</summary>
public sealed record CalendarYearView(int Year, string Source, DateTimeOffset EnteredAt, IReadOnlyList<CalendarDay> Days);

/// <summary>The working-day calendar (DOMAIN §5).</summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendars").WithTags("Working-day calendar");
        group.MapGet("/", ListAsync).AllowAnonymous().WithName("ListCalendarYears").WithSummary("The years that have a calendar (anyone).");
        group.MapGet("/{year:int}", GetAsync).AllowAnonymous().WithName("GetCalendarYear").WithSummary("One year's holidays and extra working days (anyone).");
        group.MapPut("/{year:int}", PutAsync).RequireAuthorization(Policies.NationalAdministrator)
            .WithName("EnterCalendarYear").WithSummary("Enter or replace a year from the State Council's holiday notice (national administrator). Deadlines already set keep their dates.");
    }

    private static async Task<Ok<List<int>>> ListAsync(RegistryDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<CalendarYearView>, ProblemHttpResult>> GetAsync(int year, RegistryDbContext db, CancellationToken ct)
    {
        var record = await db.CalendarYears.AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct).ConfigureAwait(false);
        return record is null
            ? Problems.NotFound($"The calendar of {year}")
            : TypedResults.Ok(new CalendarYearView(record.Year, record.Source, record.EnteredAt, record.ToDomain().Days));
    }

    private static async Task<Results<Ok<CalendarYearView>, ValidationProblem, ProblemHttpResult>> PutAsync(int year, CalendarYearRequest request, ClaimsPrincipal user, CalendarEntry entry, CancellationToken ct)
    {
        var calendarYear = new CalendarYear(year, request.Days ?? []);
        var outcome = await entry.EnterAsync(calendarYear, request.Source, ActingParty.From(user), ct).ConfigureAwait(false);
        return outcome.Refusal is { } refusal
            ? refusal.ToProblem().AnswerFor<Ok<CalendarYearView>>()
            : TypedResults.Ok(new CalendarYearView(year, outcome.Source!, outcome.Act!.At, calendarYear.Days));
    }
}
