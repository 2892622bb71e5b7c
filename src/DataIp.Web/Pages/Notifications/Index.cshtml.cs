using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Pages.Notifications;

/// <summary>
/// The signed-in account's notifications (every role), newest first, a page at a time, each in
/// the page's language (<see cref="NotificationText"/>) with a link to what it is about and a form
/// to mark it read (the API's <c>POST /api/v1/notifications/{id}/read</c>, one shared function).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Notifications on one page of the list.</summary>
    public const int PageSize = 20;

    /// <summary>The page of the list asked for, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The notifications of this page.</summary>
    public IReadOnlyList<NotificationRow> Rows { get; private set; } = [];

    /// <summary>Whether a later page exists.</summary>
    public bool HasNext { get; private set; }

    /// <summary>The notification to mark read.</summary>
    [BindProperty]
    public Guid? Id { get; set; }

    /// <summary>How many of the user's notifications are unread: one query, for the menu.</summary>
    public static Task<int> UnreadAsync(RegistryDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = ActingParty.From(user).AccountId;
        return db.Notifications.CountAsync(n => n.AccountId == account && n.ReadAt == null, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Pager.Clamp(PageNumber);
        var account = ActingParty.From(User).AccountId;
        var page = await db.Notifications.AsNoTracking().Where(n => n.AccountId == account)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct).ConfigureAwait(false);
        HasNext = page.Count > PageSize;
        page = [.. page.Take(PageSize)];
        // What the notifications are about: one query for their acts, one for their applications.
        var actIds = page.Where(n => n.ActId != null).Select(n => n.ActId!.Value).Distinct().ToList();
        var appIds = page.Where(n => n.ApplicationId != null).Select(n => n.ApplicationId!.Value).Distinct().ToList();
        var acts = await db.Acts.AsNoTracking().Where(a => actIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        var apps = await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        Rows = [.. page.Select(n => NotificationText.Of(n,
            n.ActId is { } act ? acts.GetValueOrDefault(act) : null,
            n.ApplicationId is { } app ? apps.GetValueOrDefault(app) : null))];
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var account = ActingParty.From(User).AccountId;
        if (Id is not { } id || await NotificationEndpoints.MarkOwnReadAsync(db, account, id, clock.GetUtcNow(), ct).ConfigureAwait(false) is null)
        {
            return NotFound(); // not one of the account's notifications
        }

        return Redirect(PageNumber > 1 ? $"/notifications?page={PageNumber}#n-{id:N}" : $"/notifications#n-{id:N}");
    }
}
