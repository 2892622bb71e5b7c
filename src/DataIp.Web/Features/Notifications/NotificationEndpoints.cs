namespace DataIp.Web.Features.Notifications;

/// <summary>The signed-in account's notifications.</summary>
internal static class NotificationEndpoints
{
    private const int MaxPage = 200;

    /// <summary>Notifications and webhooks (<see cref="WebhookEndpoints"/>).</summary>
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapWebhooksApi();
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync)
            .WithName("ListNotifications").WithSummary("Your notifications, newest first; unread=true for unread ones only (signed in).");
        group.MapPost("/{id:guid}/read", MarkReadAsync)
            .WithName("MarkNotificationRead").WithSummary("Mark one of your notifications read (signed in).");
    }

    private static async Task<Ok<List<NotificationView>>> ListAsync(ClaimsPrincipal user, RegistryDbContext db, bool? unread, CancellationToken ct)
    {
        var accountId = ActingParty.From(user).AccountId;
        var query = db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId);
        if (unread == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await query.ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.OrderByDescending(n => n.CreatedAt).Take(MaxPage)
            .Select(n => new NotificationView(n.Id, n.Kind, n.ApplicationId, n.Subject, n.Body, n.CreatedAt, n.ReadAt)).ToList());
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkReadAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var notification = await MarkOwnReadAsync(db, ActingParty.From(user).AccountId, id, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return notification is null
            ? Problems.NotFound("The notification")
            : TypedResults.Ok(new NotificationView(notification.Id, notification.Kind, notification.ApplicationId, notification.Subject, notification.Body, notification.CreatedAt, notification.ReadAt));
    }

    /// <summary>
    /// Marks the account's notification read (the first time only) and saves; null when the
    /// account has no such notification (anyone else's is not found). The API and the pages both call it.
    /// </summary>
    public static async Task<Data.Notifications.Notification?> MarkOwnReadAsync(RegistryDbContext db, Guid? accountId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.AccountId == accountId, ct).ConfigureAwait(false);
        if (notification is null)
        {
            return null;
        }

        notification.ReadAt ??= now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return notification;
    }
}

/// <summary>A notification as its account sees it.</summary>
public sealed record NotificationView(Guid Id, string Kind, Guid? ApplicationId, string Subject, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
