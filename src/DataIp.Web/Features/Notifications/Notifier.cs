using DataIp.Data;
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
/// Tells accounts of what touches their interest: a notification in the app for each. Adds to the
/// caller's context and transaction and never saves, so a notice commits with the act that causes
/// it or not at all.
/// </summary>
public sealed class Notifier(RegistryDbContext db)
{
    /// <summary>Adds the notice for each of its accounts.</summary>
    /// <param name="notice">What to tell whom.</param>
    /// <param name="actId">The act that causes it, if any.</param>
    /// <param name="at">When (the act's time).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task NotifyAsync(Notice notice, Guid? actId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var accountId in notice.AccountIds.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                Kind = notice.Kind,
                ApplicationId = notice.ApplicationId,
                ActId = actId,
                Subject = notice.Subject,
                Body = notice.Body,
                CreatedAt = at,
            });
        }

        return Task.CompletedTask;
    }
}
