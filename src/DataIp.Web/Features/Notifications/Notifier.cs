using DataIp.Data.Notifications;

namespace DataIp.Web.Features.Notifications;

/// <summary>What to tell which accounts.</summary>
/// <param name="AccountIds">The accounts to tell (duplicates are told once).</param>
/// <param name="Kind">The kind of notice, e.g. <c>evidenceOverlap</c>, <c>licence</c>.</param>
/// <param name="ApplicationId">The application or registration it is about, if any.</param>
/// <param name="Subject">One line.</param>
/// <param name="Body">The message.</param>
public sealed record Notice(IReadOnlyCollection<Guid> AccountIds, string Kind, Guid? ApplicationId, string Subject, string Body);

/// <summary>
/// Tells accounts of what touches their interest: a notification in the app for each, and a
/// webhook delivery for each of the account's active subscriptions (the outbox the
/// <see cref="WebhookDispatcher"/> sends from). Adds to the caller's context and transaction and
/// never saves, so a notice and its deliveries commit with the act that causes them or not at all.
/// Not thread-safe, like the context it adds to.
/// </summary>
public sealed class Notifier(RegistryDbContext db)
{
    // The columns' lengths (NotificationConfiguration): a long reason quoted in a notice must not fail its act.
    private const int MaxSubject = 300;
    private const int MaxBody = 4000;

    /// <summary>Adds the notice for each of its accounts, and a delivery per active webhook of each.</summary>
    /// <param name="notice">What to tell whom.</param>
    /// <param name="actId">The act that causes it, if any.</param>
    /// <param name="at">When (the act's time).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task NotifyAsync(Notice notice, Guid? actId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var accountIds = notice.AccountIds.Distinct().ToList();
        if (accountIds.Count == 0)
        {
            return;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(w => accountIds.Contains(w.AccountId) && w.DisabledAt == null)
            .Select(w => new { w.Id, w.AccountId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var accountId in accountIds)
        {
            var notification = new Notification
            {
                Id = Guid.CreateVersion7(at),
                AccountId = accountId,
                Kind = notice.Kind,
                ApplicationId = notice.ApplicationId,
                ActId = actId,
                Subject = Shorten(notice.Subject, MaxSubject),
                Body = Shorten(notice.Body, MaxBody),
                CreatedAt = at,
            };
            db.Notifications.Add(notification);
            foreach (var subscription in subscriptions.Where(s => s.AccountId == accountId).OrderBy(s => s.Id))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = subscription.Id,
                    NotificationId = notification.Id,
                    Status = WebhookDeliveryStatus.Pending,
                    CreatedAt = at,
                    NextAttemptAt = at,
                });
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
