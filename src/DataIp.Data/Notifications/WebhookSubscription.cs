namespace DataIp.Data.Notifications;

/// <summary>
/// An account's webhook: every notification for the account is also POSTed to <see cref="Url"/>,
/// signed with <see cref="Secret"/> (Standard Webhooks, docs/notifications.md). Disabled, never
/// deleted, so that its delivery log stays readable.
/// </summary>
public sealed class WebhookSubscription
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The account whose notifications are sent.</summary>
    public Guid AccountId { get; set; }

    /// <summary>The receiver: an absolute http or https URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The signing secret: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
    public string Secret { get; set; } = "";

    /// <summary>What the account calls it.</summary>
    public string? Description { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was disabled; from then on no delivery is created or sent.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
