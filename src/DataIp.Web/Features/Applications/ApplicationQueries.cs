namespace DataIp.Web.Features.Applications;

/// <summary>
/// Lists of applications, shared by the API (<c>GET /api/v1/applications</c>) and the pages
/// (<c>/applications</c>), so that both apply one visibility rule.
/// </summary>
internal static class ApplicationQueries
{
    /// <summary>The most applications one list returns.</summary>
    public const int MaxListed = 500;

    /// <summary>
    /// The applications the party may see in a list, newest first, at most <see cref="MaxListed"/>,
    /// optionally in one state: an applicant's own (drafts included); an examiner's or body
    /// administrator's body's, once submitted; every submitted one for a national administrator;
    /// none for anyone else. The list form of <see cref="ApplicationAccess.CanSee"/>.
    /// </summary>
    public static Task<List<ApplicationSummary>> ListAsync(RegistryDbContext db, ActingParty party, ApplicationState? state, CancellationToken ct) =>
        ListAsync(db, party, state is { } one ? [one] : null, bodyCode: null, where: null, oldestFirst: false, MaxListed, ct);

    /// <summary>
    /// The applications the party may see (the rule above) in one of <paramref name="states"/> (any
    /// state when null), of one body (any when <paramref name="bodyCode"/> is null) and passing
    /// <paramref name="where"/> (e.g. the work list's deadline filter), at most
    /// <paramref name="limit"/>: the newest, or with <paramref name="oldestFirst"/> the longest
    /// waiting (a work list's cut keeps the oldest work, not the newest).
    /// </summary>
    public static async Task<List<ApplicationSummary>> ListAsync(
        RegistryDbContext db, ActingParty party, IReadOnlyCollection<ApplicationState>? states, string? bodyCode,
        System.Linq.Expressions.Expression<Func<ApplicationRecord, bool>>? where, bool oldestFirst, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        var query = VisibleTo(db.Applications.AsNoTracking(), party);
        if (states is not null)
        {
            query = query.Where(a => states.Contains(a.State));
        }

        if (bodyCode is not null)
        {
            query = query.Where(a => a.Body.Code == bodyCode);
        }

        if (where is not null)
        {
            query = query.Where(where);
        }

        query = oldestFirst ? query.OrderBy(a => a.CreatedAt) : query.OrderByDescending(a => a.CreatedAt);
        return await query.Take(Math.Min(limit, MaxListed))
            .Select(a => new ApplicationSummary(a.Id, a.ApplicationNumber, a.Body.Code, a.State, a.DataName, a.CreatedAt, a.RegistrationNumber,
                a.SubmittedAt, a.State == ApplicationState.CorrectionRequested ? a.CorrectionLastDay : null, a.NoticeLastDay,
                db.Objections.Count(o => o.ApplicationId == a.Id && o.Status == ObjectionStatus.Open)))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    private static IQueryable<ApplicationRecord> VisibleTo(IQueryable<ApplicationRecord> query, ActingParty party) => party.Role switch
    {
        AccountRole.Applicant => query.Where(a => a.ApplicantId == party.AccountId),
        AccountRole.Examiner => query.Where(a => a.BodyId == party.BodyId && a.State != ApplicationState.Draft),
        AccountRole.Administrator when party.BodyId is not null => query.Where(a => a.BodyId == party.BodyId && a.State != ApplicationState.Draft),
        AccountRole.Administrator => query.Where(a => a.State != ApplicationState.Draft),
        _ => query.Where(a => false),
    };
}
