using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DataIp.Data.Notifications;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Notifications;

/// <summary>
/// Sends the webhook outbox: each subscription's first pending delivery, once due, is claimed,
/// POSTed and its outcome recorded; a 2xx delivers it, anything else schedules a retry after the
/// next delay of <see cref="WebhookOptions.Delays"/>, and after the last it fails for good.
/// </summary>
/// <remarks>
/// Ordering: a delivery is not sent while an earlier one of its subscription is pending, so a
/// receiver gets its events in order, also after an outage. Several nodes may dispatch from one
/// database: a delivery is claimed with a conditional update of its lease, which only one
/// dispatcher wins, and its outcome is recorded only by the holder of that lease. Thread-safe.
/// </remarks>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory httpClients, TimeProvider clock, IOptions<PlatformOptions> options, ILogger<WebhookDispatcher> logger)
{
    /// <summary>The named HTTP client for receivers.</summary>
    public const string HttpClientName = "webhooks";

    // A safety bound on the rounds of one run: a round sends each subscription's next delivery.
    private const int MaxRounds = 1000;
    private const int BatchSize = 100;
    private const int MaxErrorLength = 500;

    private WebhookOptions Settings => options.Value.Webhooks;

    /// <summary>Sends what is due, round after round, until nothing is; returns the attempts made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = await DueAsync(cancellationToken).ConfigureAwait(false);
            var made = 0;
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Settings.MaxConcurrency), CancellationToken = cancellationToken },
                async (id, ct) =>
                {
                    if (await AttemptAsync(id, ct).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref made);
                    }
                }).ConfigureAwait(false);
            attempts += made;
            if (made == 0)
            {
                break;
            }
        }

        return attempts;
    }

    /// <summary>The first pending delivery of each active subscription, when it is due and not leased.</summary>
    private async Task<List<long>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = clock.GetUtcNow();
        return await Due(db, now).OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<WebhookDelivery> Due(RegistryDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.DisabledAt == null))
            .Where(d => !db.WebhookDeliveries.Any(e => e.SubscriptionId == d.SubscriptionId && e.Status == WebhookDeliveryStatus.Pending && e.Id < d.Id));

    /// <summary>Claims, sends and records one delivery; false when another dispatcher had it.</summary>
    private async Task<bool> AttemptAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = clock.GetUtcNow();
        // Whole milliseconds: PostgreSQL keeps microseconds, and the lease is compared for equality.
        var leaseUntil = now + Settings.Lease;
        leaseUntil = leaseUntil.AddTicks(-(leaseUntil.Ticks % TimeSpan.TicksPerMillisecond));
        // The claim repeats the whole due condition, so a delivery that another dispatcher sent,
        // or that is no longer first of its subscription, is left alone.
        var claimed = await Due(db, now).Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken).ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }

        var message = await LoadAsync(db, id, cancellationToken).ConfigureAwait(false);
        var outcome = await SendAsync(message, now, cancellationToken).ConfigureAwait(false);
        await RecordAsync(db, message.Delivery, outcome, now, leaseUntil, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<Message> LoadAsync(RegistryDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await (
            from d in db.WebhookDeliveries.AsNoTracking()
            join s in db.WebhookSubscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
            join n in db.Notifications.AsNoTracking() on d.NotificationId equals n.Id
            where d.Id == id
            select new { Delivery = d, s.Url, s.Secret, Notification = n }).SingleAsync(cancellationToken).ConfigureAwait(false);
        // The act is read now, when its log index is known (it is set when the act is saved).
        Act? act = null;
        if (row.Notification.ActId is { } actId)
        {
            act = await db.Acts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actId, cancellationToken).ConfigureAwait(false);
        }

        return new Message(row.Delivery, row.Url, row.Secret, WebhookMessage.EventId(row.Notification.Id), WebhookMessage.Body(row.Notification, act));
    }

    private async Task<Outcome> SendAsync(Message message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        // HTTP/1.1 (or lower): HTTP/3 would open QUIC connections around the WebhookConnector.
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new ByteArrayContent(message.Body),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", message.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookMessage.Sign(message.Secret, message.EventId, timestamp, message.Body));
        using var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Outcome(true, status, null)
                : new Outcome(false, status, $"The receiver answered {status} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookRefusedException refused)
        {
            // Retried like any failure: the name may resolve to a public address again, or the
            // operator allow the network; the message is the same whatever listens there.
            return new Outcome(false, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, null, $"Couldn't reach the receiver: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, null, $"The receiver did not answer within {client.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private async Task RecordAsync(
        RegistryDbContext db, WebhookDelivery delivery, Outcome outcome, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var delays = Settings.Delays;
        var failures = outcome.Delivered ? delivery.Failures : delivery.Failures + 1;
        var status = outcome.Delivered ? WebhookDeliveryStatus.Delivered
            : failures > delays.Count ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Pending;
        var next = status == WebhookDeliveryStatus.Pending && !outcome.Delivered ? now + delays[failures - 1] : delivery.NextAttemptAt;
        var deliveredAt = outcome.Delivered ? now : delivery.DeliveredAt;
        var error = outcome.Error is { Length: > MaxErrorLength } text ? text[..MaxErrorLength] : outcome.Error;
        // Only the lease's holder records: if the lease ran out and another dispatcher claimed the
        // delivery meanwhile, that one's attempt counts.
        var recorded = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseUntil == leaseUntil)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.Failures, failures)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.DeliveredAt, deliveredAt)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
        if (recorded == 0)
        {
            logger.LogWarning("Webhook delivery {Id}: the lease ran out before the attempt was recorded; another dispatcher has it.", delivery.Id);
        }
        else if (!outcome.Delivered)
        {
            logger.LogInformation("Webhook delivery {Id} failed ({Error}); {Next}.", delivery.Id, error,
                status == WebhookDeliveryStatus.Failed ? "giving up after the last retry" : $"retrying at {next:O}");
        }
    }

    private sealed record Message(WebhookDelivery Delivery, string Url, string Secret, string EventId, byte[] Body);

    private sealed record Outcome(bool Delivered, int? StatusCode, string? Error);
}

/// <summary>
/// Runs the <see cref="WebhookDispatcher"/> every <see cref="WebhookOptions.PollInterval"/>. A
/// receiver's failure is recorded on its delivery; a failed step is the database failing.
/// </summary>
internal sealed class WebhookDispatchJob(WebhookDispatcher dispatcher, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<WebhookDispatchJob> logger)
    : PeriodicJob(options, clock, logger)
{
    protected override string Failure => "Couldn't dispatch webhooks";

    protected override bool IsEnabled(PlatformOptions settings) => settings.Webhooks.RunDispatcher;

    protected override TimeSpan Interval(PlatformOptions settings) => settings.Webhooks.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.RunOnceAsync(cancellationToken);
}
