using DataIp.Data.Calendar;
using DataIp.Domain.Calendar;
using DataIp.Web.Features.Calendar;

namespace DataIp.Web.Pages.Admin;

/// <summary>
/// The working-day calendar (national administrators): the years entered, and a form to enter a
/// year from the State Council's notice in its own order (one line per holiday or range, one per
/// extra working day; <see cref="CalendarLines"/>). "Preview" shows the year as months with its
/// holidays and extra working days marked, and the deadlines it gives under each body's policy,
/// counted by the function the lifecycle counts with (<see cref="WorkingDayCalendar.ComputePeriodEnd"/>);
/// "Save" enters it through the same use case as <c>PUT /api/v1/calendars/{year}</c>
/// (<see cref="CalendarEntry"/>). The preview keeps the typed lines in the form, so nothing is
/// stored between the two steps. A line that cannot be read, or a day the year may not hold, is
/// an error on its line, and nothing is written.
/// </summary>
[Authorize(Policy = Policies.NationalAdministrator)]
public sealed class CalendarsModel(RegistryDbContext db, CalendarEntry entry, TimeProvider clock) : PageModel
{
    /// <summary>The years entered, latest first.</summary>
    public IReadOnlyList<CalendarYearRecord> Years { get; private set; } = [];

    /// <summary>The year being entered, as typed.</summary>
    [BindProperty]
    public string? Year { get; set; }

    /// <summary>The notice's name and number.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>The holidays, one line per day or range.</summary>
    [BindProperty]
    public string? Holidays { get; set; }

    /// <summary>The extra working days (调休上班), one line each.</summary>
    [BindProperty]
    public string? WorkingDays { get; set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The year as it would be entered, after a preview without errors.</summary>
    public CalendarPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        Year = ((Years.Count == 0 ? ChinaTime.ToChinaDate(clock.GetUtcNow()).Year : Years.Max(y => y.Year)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Back from the preview to the form, with what was typed.</summary>
    public async Task OnPostEditAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        if (Read() is not { } year)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var calendar = await entry.WithAsync(year, ct).ConfigureAwait(false);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Code, b.Policy }).ToListAsync(ct).ConfigureAwait(false);
        Preview = CalendarPreview.Of(year, calendar, [.. bodies.Select(b => (b.Code, b.Policy))],
            Years.Any(y => y.Year == year.Year));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Read() is not { } year)
        {
            await LoadAsync(ct).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await entry.EnterAsync(year, Source, ActingParty.From(User), ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            await LoadAsync(ct).ConfigureAwait(false);
            Errors = [new FieldError("year", RefusalText.Sentence(refusal))];
            Response.StatusCode = refusal.Status();
            return Page();
        }

        return Redirect($"/admin/done/{outcome.Act!.Id}");
    }

    // The typed year, or null with the form's errors: lines that cannot be read, then what the year may not hold.
    private CalendarYear? Read()
    {
        var errors = new List<FieldError>();
        if (!int.TryParse(Year?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new FieldError("year", Text.Format("Admin.Calendars.YearError", CalendarYear.MinYear, CalendarYear.MaxYear)));
        }

        var (days, lineErrors) = CalendarLines.Read(Holidays, WorkingDays);
        errors.AddRange(lineErrors);
        var year = new CalendarYear(number, [.. days.Select(d => d.Day)]);
        if (errors.Count == 0)
        {
            errors.AddRange(CalendarLines.OnLines(CalendarEntry.Errors(year, Source), days));
        }
        else if (string.IsNullOrWhiteSpace(Source))
        {
            errors.Add(new FieldError("source", Text.Get("Admin.Calendars.SourceError")));
        }

        // In the form's order, each message once.
        string[] order = ["year", "source", CalendarLines.HolidaysId, CalendarLines.WorkingDaysId];
        Errors = [.. errors.DistinctBy(e => (e.FieldId, e.Message)).OrderBy(e => Array.IndexOf(order, e.FieldId))];
        return Errors.Count == 0 ? year : null;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).OrderByDescending(y => y.Year).ToListAsync(ct).ConfigureAwait(false);
}
