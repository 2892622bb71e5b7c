namespace DataIp.Web.Pages.Applications;

/// <summary>
/// The applications the signed-in user may see, by the same rule as <c>GET /api/v1/applications</c>:
/// an applicant's own, an examiner's body's, and so on. A role that sees none (a pledgee) gets the
/// access-denied page rather than an empty list, and no menu item leads it here (<see cref="SiteMenu"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db, CalendarService calendars, TimeProvider clock) : PageModel
{
    private Dictionary<string, string> _bodyNames = [];

    /// <summary>Change requests of registered applications waiting for this body's decision.</summary>
    public const int MaxChanges = 50;

    /// <summary>Applications on one page of the work list.</summary>
    public const int PageSize = 50;

    /// <summary>The applications of this page of the work list, the most urgent first (<see cref="WorkList"/>).</summary>
    public IReadOnlyList<WorkItem> Applications { get; private set; } = [];

    /// <summary>The applications the list holds, on every page (at most <see cref="ApplicationQueries.MaxListed"/>).</summary>
    public int Total { get; private set; }

    /// <summary>
    /// Whether the list was cut at <see cref="ApplicationQueries.MaxListed"/>: there may be more,
    /// less urgent ones, found by the filters (the caption says so rather than a false total).
    /// </summary>
    public bool Capped => Total >= ApplicationQueries.MaxListed;

    /// <summary>The page of the list asked for, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many pages the list fills.</summary>
    public int PageCount => (Total + PageSize - 1) / PageSize;

    /// <summary>Whether a later page exists.</summary>
    public bool HasNext => PageNumber * (long)PageSize < Total;

    /// <summary>The links to the other pages, with the filters.</summary>
    public Pager Pages => new("/applications", PageNumber, HasNext, Text.Get("Queue.Pages"),
        [new("state", State?.ToString()), new("deadline", Deadline?.ToString()), new("body", SeesEveryBody ? Body : null)]);

    /// <summary>
    /// The examiner's other work: holders' change requests waiting for its body's decision, the
    /// oldest first (at most <see cref="MaxChanges"/>), each leading to the registration's page where it is decided.
    /// </summary>
    public IReadOnlyList<PendingChange> Changes { get; private set; } = [];

    /// <summary>The state filter, if any.</summary>
    [FromQuery(Name = "state")]
    public ApplicationState? State { get; set; }

    /// <summary>The body filter, if any (national administrators, who see every body's).</summary>
    [FromQuery(Name = "body")]
    public string? Body { get; set; }

    /// <summary>The deadline filter, if any: overdue, within 3 or 10 working days, none.</summary>
    [FromQuery(Name = "deadline")]
    public DeadlineFilter? Deadline { get; set; }

    /// <summary>The year with no working-day calendar that kept the deadline filter from counting working days ahead, if any.</summary>
    public int? CalendarMissing { get; private set; }

    /// <summary>Whether any filter is applied.</summary>
    public bool Filtered => State is not null || !string.IsNullOrEmpty(Body) || Deadline is not null;

    /// <summary>Whether the viewer sees several bodies' applications, so that the body filter means something.</summary>
    public bool SeesEveryBody { get; private set; }

    /// <summary>The bodies, by code, with their names in the page's language.</summary>
    public IReadOnlyDictionary<string, string> Bodies => _bodyNames;

    /// <summary>The page's heading, which says whose applications these are.</summary>
    public Words Heading { get; private set; } = new("Menu.Applications");

    /// <summary>Which applications the list holds, for the signed-in role.</summary>
    public Words Scope { get; private set; } = new("Applications.Scope.All");

    /// <summary>Whether this page lists anything for <paramref name="user"/>: applicants, examiners and administrators.</summary>
    public static bool IsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(nameof(AccountRole.Applicant)) || user.IsInRole(nameof(AccountRole.Examiner)) || user.IsInRole(nameof(AccountRole.Administrator));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsFor(User))
        {
            return Forbid();
        }

        var party = ActingParty.From(User);
        SeesEveryBody = party.Role == AccountRole.Administrator && party.BodyId is null;
        Deadline = Deadline is { } d && Enum.IsDefined(d) ? d : null;
        var due = Deadline is { } deadline ? await DueAsync(deadline, ct).ConfigureAwait(false) : null;
        State = State is { } s && Enum.IsDefined(s) ? s : null;
        var listed = await ListAsync(party, State, SeesEveryBody && !string.IsNullOrEmpty(Body) ? Body : null, due, ct)
            .ConfigureAwait(false);
        // The whole list is ordered by urgency, then cut into pages, so that the pages follow one order.
        var ordered = WorkList.Order(listed, party.Role == AccountRole.Applicant ? NextMove.Applicant : NextMove.Examiner);
        PageNumber = Pager.Clamp(PageNumber);
        Total = ordered.Count;
        Applications = [.. ordered.Skip((int)Math.Min((PageNumber - 1L) * PageSize, int.MaxValue)).Take(PageSize)];
        if (party.Role == AccountRole.Examiner && party.BodyId is { } bodyId)
        {
            Changes = await db.ChangeRequests.AsNoTracking().Where(c => c.Status == ChangeStatus.Pending)
                .Join(db.Applications.Where(a => a.BodyId == bodyId && a.RegistrationNumber != null), c => c.ApplicationId, a => a.Id,
                    (c, a) => new { a.RegistrationNumber, a.DataName, c.RequestedAt })
                .OrderBy(c => c.RequestedAt).Take(MaxChanges)
                .Select(c => new PendingChange(c.RegistrationNumber!, c.DataName, c.RequestedAt)).ToListAsync(ct).ConfigureAwait(false);
        }

        var english = Text.InEnglish;
        _bodyNames = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => english ? b.NameEn : b.Name, ct).ConfigureAwait(false);
        (Heading, Scope) = party.Role switch
        {
            AccountRole.Applicant => (new Words("Applications.Heading.Mine"), new Words("Applications.Scope.Mine")),
            AccountRole.Examiner => (new Words("Applications.Heading.Body"), new Words("Applications.Scope.Body")),
            AccountRole.Administrator when party.BodyId is not null => (new Words("Applications.Heading.Body"), new Words("Applications.Scope.Body")),
            _ => (new Words("Applications.Heading.All"), new Words("Applications.Scope.All")),
        };
        return Page();
    }

    // At most ApplicationQueries.MaxListed, filtered in the database (a filter after the cut would
    // miss what the cut left out): first the applications waiting for someone's move, the longest
    // waiting first, so that a long register cannot push old work off the list; then, to fill it,
    // the decided ones, newest first.
    private async Task<List<ApplicationSummary>> ListAsync(
        ActingParty party, ApplicationState? state, string? body, System.Linq.Expressions.Expression<Func<ApplicationRecord, bool>>? due, CancellationToken ct)
    {
        var (open, decided) = (new List<ApplicationState>(), new List<ApplicationState>());
        foreach (var s in Enum.GetValues<ApplicationState>().Where(s => (state is null || s == state) && (Deadline is not { } d || WorkList.CanPass(s, d))))
        {
            (WorkList.MoveOf(s) == NextMove.None ? decided : open).Add(s);
        }

        var listed = open.Count == 0 ? []
            : await ApplicationQueries.ListAsync(db, party, open, body, due, oldestFirst: true, ApplicationQueries.MaxListed, ct).ConfigureAwait(false);
        if (listed.Count < ApplicationQueries.MaxListed && decided.Count > 0)
        {
            listed.AddRange(await ApplicationQueries.ListAsync(db, party, decided, body, due, oldestFirst: false, ApplicationQueries.MaxListed - listed.Count, ct)
                .ConfigureAwait(false));
        }

        return listed;
    }

    // The filter as a query: today in China, and for "within n working days" the n-th working day
    // after today, counted as the lifecycle counts a period (the same calendar and function that
    // set the deadlines). A year with no calendar is not guessed: every deadline from today on is
    // listed, and the page says why.
    private async Task<System.Linq.Expressions.Expression<Func<ApplicationRecord, bool>>> DueAsync(DeadlineFilter filter, CancellationToken ct)
    {
        var today = DataIp.Domain.Calendar.ChinaTime.ToChinaDate(clock.GetUtcNow());
        DateOnly? lastDay = null;
        if (WorkList.WorkingDaysAhead(filter) is { } days)
        {
            var calendar = await calendars.LoadAsync(ct).ConfigureAwait(false);
            var end = calendar.ComputePeriodEnd(today, days, DataIp.Domain.Calendar.PeriodUnit.WorkingDays);
            (lastDay, CalendarMissing) = end.IsComputed ? (end.LastDay, null) : ((DateOnly?)null, end.MissingYear);
        }

        return WorkList.Due(filter, today, lastDay);
    }

    /// <summary>The name of a body in the page's language, or its code if unknown.</summary>
    public string BodyName(string code) => _bodyNames.GetValueOrDefault(code, code);
}

/// <summary>A holder's change request waiting for the body's decision.</summary>
/// <param name="RegistrationNumber">The registration it changes.</param>
/// <param name="DataName">The data's name as registered.</param>
/// <param name="RequestedAt">When it was requested.</param>
public sealed record PendingChange(string RegistrationNumber, string DataName, DateTimeOffset RequestedAt);
