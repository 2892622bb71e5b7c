using DataIp.Data.Notifications;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// The signed-in account's webhooks (docs/notifications.md): subscribe, list, disable, read the
/// delivery log and replay deliveries. An account sees only its own; anyone else's is a 404.
/// </summary>
internal static class WebhookEndpoints
{
    private const int DefaultPage = 100;
    private const int MaxPage = 1000;

    public static void MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        // Built now, not at the first webhook: a malformed allow-list stops the node at start.
        _ = app.ServiceProvider.GetRequiredService<WebhookAddressPolicy>();
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to your notifications; the answer shows the signing secret, once (signed in).");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Your webhooks (signed in).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One of your webhooks (signed in).");
        group.MapDelete("/{id:guid}", DisableAsync).WithName("DisableWebhook")
            .WithSummary("Disable one of your webhooks: nothing more is sent to it; its delivery log stays (signed in).");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's delivery log in outbox order, after=CURSOR&limit=N (signed in).");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:long}/replay", ReplayOneAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplayWebhookDelivery").WithSummary("Send one delivery again, with the same webhook-id (signed in).");
        group.MapPost("/{id:guid}/replay", ReplayRangeAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplayWebhookDeliveries")
            .WithSummary("Send again every delivery after a delivery id (after=…; failedOnly=true for failed ones only), with their webhook-ids (signed in).");
    }

    private static async Task<Results<Created<WebhookView>, ValidationProblem>> CreateAsync(
        CreateWebhookRequest request, ClaimsPrincipal user, RegistryDbContext db, WebhookReceiverCheck check, TimeProvider clock, CancellationToken ct)
    {
        var (subscription, errors) = await WebhookDesk.CreateAsync(
            db, check, ActingParty.From(user).AccountId!.Value, request.Url, request.Description, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return subscription is null
            ? Problems.Validation(errors)
            : TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", WebhookView.From(subscription, withSecret: true));
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var accountId = ActingParty.From(user).AccountId;
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.AccountId == accountId).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).Select(w => WebhookView.From(w, withSecret: false)).ToList());
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct) =>
        await FindAsync(db, user, id, ct).ConfigureAwait(false) is { } subscription
            ? TypedResults.Ok(WebhookView.From(subscription, withSecret: false))
            : Problems.NotFound("The webhook");

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct) =>
        await WebhookDesk.DisableAsync(db, ActingParty.From(user).AccountId, id, clock.GetUtcNow(), ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound("The webhook");

    private static async Task<Results<Ok<DeliveryPage>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(Guid id, string? after, string? limit, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        if (Cursor.Parse(after, limit, DefaultPage, MaxPage) is not { } page)
        {
            return Cursor.Problem(after, limit, MaxPage);
        }

        if (await FindAsync(db, user, id, ct).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("The webhook");
        }

        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id && d.Id > page.After)
            .OrderBy(d => d.Id).Take(page.Limit).ToListAsync(ct).ConfigureAwait(false);
        var kinds = await KindsAsync(db, rows, ct).ConfigureAwait(false);
        return TypedResults.Ok(new DeliveryPage(
            [.. rows.Select(d => DeliveryView.From(d, kinds[d.NotificationId]))], rows.Count > 0 ? rows[^1].Id : page.Next));
    }

    private static async Task<Results<Accepted<DeliveryView>, ProblemHttpResult>> ReplayOneAsync(Guid id, long deliveryId, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, delivery) = await WebhookDesk.ReplayAsync(db, ActingParty.From(user).AccountId, id, deliveryId, clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (outcome != ReplayOutcome.Requeued)
        {
            return outcome == ReplayOutcome.Disabled ? Disabled() : Problems.NotFound("The delivery");
        }

        var kinds = await KindsAsync(db, [delivery!], ct).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", DeliveryView.From(delivery!, kinds[delivery!.NotificationId]));
    }

    private static async Task<Results<Accepted<ReplayView>, ValidationProblem, ProblemHttpResult>> ReplayRangeAsync(
        Guid id, string? after, bool? failedOnly, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (Cursor.Parse(after, null, DefaultPage, MaxPage) is not { } page)
        {
            return Cursor.Problem(after, null, MaxPage);
        }

        if (await FindAsync(db, user, id, ct).ConfigureAwait(false) is not { } subscription)
        {
            return Problems.NotFound("The webhook");
        }

        if (subscription.DisabledAt is not null)
        {
            return Disabled();
        }

        var now = clock.GetUtcNow();
        var query = db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Id > page.After && d.Status != WebhookDeliveryStatus.Pending);
        if (failedOnly == true)
        {
            query = query.Where(d => d.Status == WebhookDeliveryStatus.Failed);
        }

        var requeued = await query.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
            .SetProperty(d => d.Failures, 0)
            .SetProperty(d => d.NextAttemptAt, now), ct).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", new ReplayView(requeued));
    }

    private static ProblemHttpResult Disabled() =>
        Problems.Status(StatusCodes.Status409Conflict, "Webhook disabled", WebhookDesk.DisabledDetail);

    private static Task<WebhookSubscription?> FindAsync(RegistryDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        WebhookDesk.FindAsync(db, ActingParty.From(user).AccountId, id, ct);

    private static async Task<Dictionary<Guid, string>> KindsAsync(RegistryDbContext db, IReadOnlyCollection<WebhookDelivery> rows, CancellationToken ct)
    {
        var ids = rows.Select(d => d.NotificationId).Distinct().ToList();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Kind, ct).ConfigureAwait(false);
    }
}

/// <summary>A new webhook.</summary>
/// <param name="Url">The receiver: an absolute https URL (http where the operator allows it) whose host resolves only to public addresses.</param>
/// <param name="Description">What you call it.</param>
public sealed record CreateWebhookRequest(string? Url, string? Description);

/// <summary>A webhook as its account sees it; the secret only in the answer that created it.</summary>
public sealed record WebhookView(Guid Id, string Url, string? Description, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, string? Secret)
{
    internal static WebhookView From(WebhookSubscription w, bool withSecret) =>
        new(w.Id, w.Url, w.Description, w.CreatedAt, w.DisabledAt, withSecret ? w.Secret : null);
}

/// <summary>One delivery of the log.</summary>
public sealed record DeliveryView(
    long Id, string EventId, string Kind, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    internal static DeliveryView From(WebhookDelivery d, string kind) => new(
        d.Id, WebhookMessage.EventId(d.NotificationId), kind, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.LastStatusCode, d.LastError,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}

/// <summary>A page of the delivery log; <c>next</c> is the cursor for the following page.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Deliveries, long? Next);

/// <summary>How many deliveries a replay queued.</summary>
public sealed record ReplayView(int Requeued);
