using DataIp.Data.Notifications;

namespace DataIp.Web.Features.Notifications;

/// <summary>What a replay of one delivery came to.</summary>
public enum ReplayOutcome
{
    /// <summary>Queued again, due at once.</summary>
    Requeued,

    /// <summary>No such delivery of the account's webhook.</summary>
    NotFound,

    /// <summary>The webhook is disabled: nothing is sent to it.</summary>
    Disabled,
}

/// <summary>
/// The account's webhooks as the API (<see cref="WebhookEndpoints"/>) and the page
/// (<c>/notifications/webhooks</c>) both change them: subscribe, disable, replay one delivery.
/// Each finds the webhook among the account's own only, so anyone else's is not found.
/// </summary>
internal static class WebhookDesk
{
    /// <summary>Most characters of a webhook's description.</summary>
    public const int MaxDescription = 200;

    /// <summary>The message of a replay on a disabled webhook.</summary>
    public const string DisabledDetail = "The webhook is disabled: nothing is sent to it. Create a new one to receive notifications again.";

    /// <summary>Subscribes <paramref name="url"/> for the account; or the problems by field (<c>url</c>, <c>description</c>), nothing saved.</summary>
    public static async Task<(WebhookSubscription? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        RegistryDbContext db, WebhookReceiverCheck check, Guid accountId, string? url, string? description, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(check);
        var errors = new Dictionary<string, string[]>();
        if (await check.UrlProblemAsync(url, ct).ConfigureAwait(false) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        if (description is { Length: > MaxDescription })
        {
            errors["description"] = [$"description may have at most {MaxDescription} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Url = url!.Trim(),
            Secret = WebhookMessage.NewSecret(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (subscription, errors);
    }

    /// <summary>Disables the account's webhook (the first time only); false when it has none of that id.</summary>
    public static async Task<bool> DisableAsync(RegistryDbContext db, Guid? accountId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        if (await FindAsync(db, accountId, id, ct).ConfigureAwait(false) is not { } subscription)
        {
            return false;
        }

        subscription.DisabledAt ??= now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Sends one delivery again under the same webhook-id: due at once, with the whole retry schedule
    /// again; being pending, it goes before its subscription's later deliveries.
    /// </summary>
    public static async Task<(ReplayOutcome Outcome, WebhookDelivery? Delivery)> ReplayAsync(
        RegistryDbContext db, Guid? accountId, Guid id, long deliveryId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await FindAsync(db, accountId, id, ct).ConfigureAwait(false) is not { } subscription
            || await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct).ConfigureAwait(false) is not { } delivery)
        {
            return (ReplayOutcome.NotFound, null);
        }

        if (subscription.DisabledAt is not null)
        {
            return (ReplayOutcome.Disabled, null);
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.Failures = 0;
        delivery.NextAttemptAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (ReplayOutcome.Requeued, delivery);
    }

    /// <summary>The account's webhook of that id, tracked; null for anyone else's.</summary>
    public static Task<WebhookSubscription?> FindAsync(RegistryDbContext db, Guid? accountId, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, ct);
    }
}
