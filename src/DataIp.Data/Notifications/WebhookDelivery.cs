namespace DataIp.Data.Notifications;

/// <summary>
/// One notification to send to one webhook subscription, and what became of it: the outbox row and
/// the delivery log in one. Created in the transaction of the act that causes the notification, so
/// a delivery exists if and only if its act committed.
/// </summary>
/// <remarks>
/// <see cref="Id"/> increases in the order deliveries are created. Deliveries created by acts are
/// inserted after the act's transaction took its log index, which holds the log counter until the
/// commit, so their ids also follow commit order; the dispatcher sends a subscription's deliveries
/// in id order.
/// </remarks>
public sealed class WebhookDelivery
{
    /// <summary>Position in the outbox, assigned by the database; increasing.</summary>
    public long Id { get; set; }

    /// <summary>The subscription it goes to.</summary>
    public Guid SubscriptionId { get; set; }

    /// <summary>The notification it carries; its id is the event id (<c>webhook-id</c>), the same for every attempt and replay.</summary>
    public Guid NotificationId { get; set; }

    /// <summary>Pending, delivered or failed.</summary>
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>How many attempts were made (replays included).</summary>
    public int Attempts { get; set; }

    /// <summary>Failed attempts since it was last queued (created or replayed); decides the next retry delay and when to give up.</summary>
    public int Failures { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a pending delivery is next due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The HTTP status the receiver answered the last attempt with, if it answered.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed, when it did (a status line or a network error).</summary>
    public string? LastError { get; set; }

    /// <summary>When the receiver last accepted it (2xx).</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>
    /// A dispatcher that claimed the delivery holds it until then; no other claims it meanwhile.
    /// Cleared when the attempt is recorded; a crashed dispatcher's lease simply runs out.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver accepted it.</summary>
    Delivered,

    /// <summary>Every attempt failed; the dispatcher gave up (a replay queues it again).</summary>
    Failed,
}
