using DataIp.Data.Notifications;
using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Pages.Notifications;

/// <summary>A webhook on the page, with its latest deliveries.</summary>
/// <param name="Subscription">The webhook.</param>
/// <param name="Deliveries">Its latest deliveries, newest first.</param>
public sealed record WebhookRow(WebhookSubscription Subscription, IReadOnlyList<WebhookDelivery> Deliveries);

/// <summary>
/// The signed-in account's webhooks (every role): each with its status and latest deliveries, a
/// form to add a receiver, and buttons to disable one and to replay a failed delivery. The same
/// functions as the API (<see cref="WebhookDesk"/>); the address policy's refusal is the form's
/// error with the API's message. Anyone else's webhook is not found (404).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WebhooksModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Deliveries shown per webhook.</summary>
    public const int RecentDeliveries = 5;

    /// <summary>Most webhooks listed.</summary>
    public const int MaxWebhooks = 50;

    /// <summary>The account's webhooks, oldest first.</summary>
    public IReadOnlyList<WebhookRow> Webhooks { get; private set; } = [];

    /// <summary>The receiver's URL typed.</summary>
    [BindProperty]
    public string? ReceiverUrl { get; set; }

    /// <summary>The description typed.</summary>
    [BindProperty]
    public string? Description { get; set; }

    /// <summary>The webhook a disable or replay is on.</summary>
    [BindProperty]
    public Guid? Id { get; set; }

    /// <summary>The delivery to replay.</summary>
    [BindProperty]
    public long? DeliveryId { get; set; }

    /// <summary>The webhook just created, with its secret shown this once.</summary>
    public WebhookSubscription? Created { get; private set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var account = ActingParty.From(User).AccountId!.Value;
        var check = HttpContext.RequestServices.GetRequiredService<WebhookReceiverCheck>(); // internal to the host, so not a constructor parameter
        var (created, errors) = await WebhookDesk.CreateAsync(db, check, account, ReceiverUrl, Description, clock.GetUtcNow(), ct).ConfigureAwait(false);
        await LoadAsync(ct).ConfigureAwait(false);
        if (created is null)
        {
            Errors = [.. errors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key == "url" ? "url" : "description", m)))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The secret is shown once, on this answer (as the API's 201 shows it), so it is not a redirect.
        Created = created;
        ReceiverUrl = Description = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        Id is { } id && await WebhookDesk.DisableAsync(db, ActingParty.From(User).AccountId, id, clock.GetUtcNow(), ct).ConfigureAwait(false)
            ? Redirect($"/notifications/webhooks#w-{id:N}")
            : NotFound();

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken ct)
    {
        if (Id is not { } id || DeliveryId is not { } delivery)
        {
            return NotFound();
        }

        var (outcome, _) = await WebhookDesk.ReplayAsync(db, ActingParty.From(User).AccountId, id, delivery, clock.GetUtcNow(), ct).ConfigureAwait(false);
        switch (outcome)
        {
            case ReplayOutcome.NotFound:
                return NotFound();
            case ReplayOutcome.Disabled:
                await LoadAsync(ct).ConfigureAwait(false);
                Errors = [new FieldError(ReplayId(delivery), Text.Get("Notify.Webhook.Disabled"))];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return Redirect($"/notifications/webhooks#w-{id:N}");
        }
    }

    /// <summary>The id of a delivery's replay button.</summary>
    public static string ReplayId(long delivery) => $"replay-{delivery}";

    // The webhooks, and their latest deliveries in one query (the newest first, a few per webhook).
    private async Task LoadAsync(CancellationToken ct)
    {
        var account = ActingParty.From(User).AccountId;
        var hooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.AccountId == account)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).Take(MaxWebhooks).ToListAsync(ct).ConfigureAwait(false);
        var ids = hooks.Select(w => w.Id).ToList();
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId))
            .OrderByDescending(d => d.Id).Take(RecentDeliveries * Math.Max(1, ids.Count)).ToListAsync(ct).ConfigureAwait(false);
        Webhooks = [.. hooks.Select(w => new WebhookRow(w, [.. deliveries.Where(d => d.SubscriptionId == w.Id).Take(RecentDeliveries)]))];
    }
}
