using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataIp.Data.Notifications;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// A webhook's body and headers as the Standard Webhooks specification
/// (https://www.standardwebhooks.com) has them: <c>webhook-id</c>, <c>webhook-timestamp</c> and
/// <c>webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;</c> over <c>{id}.{timestamp}.{body}</c>.
/// </summary>
public static class WebhookMessage
{
    /// <summary>The secret's prefix, as the specification writes secrets.</summary>
    public const string SecretPrefix = "whsec_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A new secret: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The event's id (<c>webhook-id</c>): the id of the notification, as the in-app notifications
    /// show it, so the same for every attempt and replay.
    /// </summary>
    public static string EventId(Guid notificationId) => notificationId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The JSON body of a notification's event (UTF-8); the act, when it names one, with its log index.</summary>
    public static byte[] Body(Notification notification, Act? act)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var payload = new WebhookEvent(
            EventId(notification.Id), notification.Kind, notification.CreatedAt, notification.ApplicationId,
            act is null ? null : new WebhookAct(act.Id, act.Type, act.LogIndex, act.At, act.ActorRole, act.ActorName),
            notification.Subject, notification.Body);
        return JsonSerializer.SerializeToUtf8Bytes(payload, Json);
    }

    /// <summary>The <c>webhook-signature</c> value: <c>v1,</c> and base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")).</summary>
    /// <exception cref="ArgumentException">The secret is not <c>whsec_</c> and base64.</exception>
    public static string Sign(string secret, string eventId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(eventId);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A webhook secret starts with {SecretPrefix}.", nameof(secret));
        }

        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{eventId}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}

/// <summary>The body of a webhook: one notification.</summary>
/// <param name="Id">The event id, as in <c>webhook-id</c>.</param>
/// <param name="Type">The notice's kind, e.g. <c>evidenceOverlap</c>, <c>requestCorrection</c>.</param>
/// <param name="OccurredAt">When (the act's time).</param>
/// <param name="ApplicationId">The application it is about, if any.</param>
/// <param name="Act">The act that caused it, if any.</param>
/// <param name="Subject">One line.</param>
/// <param name="Body">The message.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset OccurredAt, Guid? ApplicationId, WebhookAct? Act, string Subject, string Body);

/// <summary>The act a webhook's notification names.</summary>
/// <param name="Id">The act's id.</param>
/// <param name="Type">Its type, e.g. <c>register</c>.</param>
/// <param name="LogIndex">Its entry's index in the public log (and in <c>GET /api/v1/events</c>).</param>
/// <param name="At">When it took effect.</param>
/// <param name="ActorRole">Who acted: applicant, examiner, public, system, ….</param>
/// <param name="ActorName">The actor's name as recorded.</param>
public sealed record WebhookAct(Guid Id, string Type, long LogIndex, DateTimeOffset At, string ActorRole, string ActorName);
