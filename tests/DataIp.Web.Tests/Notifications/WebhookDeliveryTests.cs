using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Notifications;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// Issue M5's acceptance on SQLite and PostgreSQL: acts done over HTTP reach a real receiver as
/// signed webhooks, exactly once and in order after an outage; the delivery log shows the failed
/// attempts; a replay re-sends under the same webhook-id. The dispatcher is driven by hand, with
/// retry delays of 5 s and 30 s (so three attempts) on the test's clock.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly string[] ApplicantLearns = ["startExamination", "requestCorrection", "passFormalExamination", "fileObjection", "dismissObjection"];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Outage_ReceiverRecovers_EveryEventOnceInOrderSigned(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await StartAsync(provider);
        var (applicant, examiner) = (await platform.ApplicantAsync(), await platform.ExaminerAsync("4400"));
        var webhook = await SubscribeAsync(applicant, receiver);
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        Assert.Equal(1, await DispatchAsync(platform));

        receiver.Down = true;
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "请补充算法规则说明。" }).OkAsync();
        await applicant.PostJsonAsync($"/api/v1/applications/{id}/resubmit", new { reason = "已补充。" }).OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 26, 10));
        var notice = await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        await LifecycleWalkTests.FileObjectionAsync(platform, notice.Str("applicationNumber")).OkAsync();
        var objectionId = (await examiner.GetAsync($"/api/v1/applications/{id}/objections").OkAsync())[0].Str("id");
        await examiner.PostJsonAsync($"/api/v1/objections/{objectionId}/dismiss", new { reason = "无证据。" }).OkAsync();
        // Head of line: only the first undelivered event is tried while it fails.
        Assert.Equal(1, await DispatchAsync(platform));
        await AdvanceAsync(platform, TimeSpan.FromSeconds(4));
        Assert.Equal(0, await DispatchAsync(platform));
        await AdvanceAsync(platform, TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DispatchAsync(platform));

        var during = await DeliveriesAsync(applicant, webhook);
        Assert.Equal(["delivered", "pending", "pending", "pending", "pending"], during.Select(d => d.Str("status")));
        Assert.Equal(2, during[1].GetProperty("attempts").GetInt32());
        Assert.Equal(503, during[1].GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("503", during[1].Str("lastError"), StringComparison.Ordinal);
        Assert.Equal(platform.Clock.GetUtcNow().AddSeconds(30), during[1].GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.All(during.Skip(2), d => Assert.Equal(0, d.GetProperty("attempts").GetInt32()));

        receiver.Down = false;
        await AdvanceAsync(platform, TimeSpan.FromSeconds(30));
        Assert.Equal(4, await DispatchAsync(platform));
        Assert.Equal(0, await DispatchAsync(platform));

        var accepted = receiver.Accepted;
        var log = await DeliveriesAsync(applicant, webhook);
        Assert.Equal(ApplicantLearns, accepted.Select(r => r.Body.Str("type")));
        Assert.Equal(log.Select(d => d.Str("eventId")), accepted.Select(r => r.Id));
        Assert.Equal(accepted.Count, accepted.Select(r => r.Id).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid, $"signature of {r.Id}"));
        Assert.All(accepted, r => Assert.Equal(r.Id, r.Body.Str("id")));
        var logIndices = accepted.Select(r => r.Body.GetProperty("act").GetProperty("logIndex").GetInt64()).ToList();
        Assert.Equal(logIndices.Order(), logIndices);
        Assert.Equal(platform.Clock.GetUtcNow().ToUnixTimeSeconds(), accepted[^1].Timestamp);
        var inApp = await applicant.GetAsync("/api/v1/notifications").OkAsync();
        Assert.Equal(inApp.EnumerateArray().Select(n => n.Str("id")).Order(), accepted.Select(r => r.Id).Order());
        Assert.All(log, d => Assert.Equal("delivered", d.Str("status")));
        Assert.Equal(3, log[1].GetProperty("attempts").GetInt32());
        Assert.Equal(204, log[1].GetProperty("lastStatusCode").GetInt32());
        Assert.False(log[1].TryGetProperty("lastError", out _));

        var replayed = await applicant.PostJsonAsync($"/api/v1/webhooks/{webhook}/deliveries/{log[1].GetProperty("id").GetInt64()}/replay").OkAsync();
        Assert.Equal("pending", replayed.Str("status"));
        Assert.Equal(1, await DispatchAsync(platform));
        Assert.Equal(log[1].Str("eventId"), receiver.Accepted[^1].Id);
        var range = await applicant.PostJsonAsync($"/api/v1/webhooks/{webhook}/replay?after={log[2].GetProperty("id").GetInt64()}").OkAsync();
        Assert.Equal(2, range.GetProperty("requeued").GetInt32());
        Assert.Equal(2, await DispatchAsync(platform));
        Assert.Equal(log.Skip(3).Select(d => d.Str("eventId")), receiver.Accepted.TakeLast(2).Select(r => r.Id));
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid, $"signature of {r.Id}"));
        // Every connection the receiver saw was dialed through the test's loopback-only dialer.
        Assert.Equal(receiver.Requests.Count, receiver.Connections.Count);
        Assert.Equal(receiver.Connections, platform.Dialer.Dials);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Retries_AllFail_FailedLaterEventsGoOnReplaySendsSameId(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await StartAsync(provider);
        var (applicant, examiner) = (await platform.ApplicantAsync(), await platform.ExaminerAsync("4400"));
        var webhook = await SubscribeAsync(applicant, receiver);
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        receiver.Down = true;
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();

        foreach (var wait in new[] { 0, 5, 30 })
        {
            await AdvanceAsync(platform, TimeSpan.FromSeconds(wait));
            Assert.Equal(1, await DispatchAsync(platform));
        }

        await AdvanceAsync(platform, TimeSpan.FromHours(1));
        Assert.Equal(0, await DispatchAsync(platform));
        var failed = Assert.Single(await DeliveriesAsync(applicant, webhook));
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.False(failed.TryGetProperty("nextAttemptAt", out _));

        receiver.Down = false;
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "补充材料。" }).OkAsync();
        Assert.Equal(1, await DispatchAsync(platform));
        await applicant.PostJsonAsync($"/api/v1/webhooks/{webhook}/replay?failedOnly=true").OkAsync();
        Assert.Equal(1, await DispatchAsync(platform));

        Assert.Equal(["requestCorrection", "startExamination"], receiver.Accepted.Select(r => r.Body.Str("type")));
        Assert.Equal(failed.Str("eventId"), receiver.Accepted[1].Id);
        Assert.Equal(3, receiver.Requests.Count(r => r.Id == failed.Str("eventId") && !r.Accepted));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SeveralDispatchers_SameOutbox_EachEventSentOnce(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await StartAsync(provider);
        var (applicant, examiner) = (await platform.ApplicantAsync(), await platform.ExaminerAsync("4400"));
        await SubscribeAsync(applicant, receiver);
        for (var i = 0; i < 3; i++)
        {
            var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
            await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
            await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "补充材料。" }).OkAsync();
        }

        // Four nodes' dispatchers on the one database, started together.
        var services = platform.Services;
        var nodes = Enumerable.Range(0, 4).Select(_ => new WebhookDispatcher(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IHttpClientFactory>(), platform.Clock,
            services.GetRequiredService<IOptions<PlatformOptions>>(), NullLogger<WebhookDispatcher>.Instance)).ToList();
        var attempts = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunOnceAsync(CancellationToken.None))));

        Assert.Equal(6, attempts.Sum());
        Assert.Equal(6, receiver.Requests.Count);
        Assert.Equal(6, receiver.Accepted.Select(r => r.Id).Distinct().Count());
        Assert.Equal(
            [.. Enumerable.Repeat<string[]>(["startExamination", "requestCorrection"], 3).SelectMany(t => t)],
            receiver.Accepted.Select(r => r.Body.Str("type")));
    }

    /// <summary>
    /// A platform whose webhooks may go to loopback: receivers here are on this machine, so the
    /// operator's allow-list admits 127.0.0.0/8 and plain http is allowed. <c>example.cn</c>
    /// resolves to 127.0.0.1 (it stands for a receiver on the internet; nothing may leave the machine).
    /// </summary>
    internal static Task<RegistryFactory> StartAsync(DatabaseProvider provider) =>
        StartAsync(provider, b => b
            .UseSetting("DataIp:Webhooks:AllowPlainHttp", "true")
            .UseSetting("DataIp:Webhooks:AllowedPrivateNetworks:0", "127.0.0.0/8"));

    /// <summary>A platform with retry delays of 5 s and 30 s and <paramref name="settings"/>; <c>example.cn</c> resolves to 127.0.0.1.</summary>
    internal static async Task<RegistryFactory> StartAsync(DatabaseProvider provider, Action<IWebHostBuilder> settings)
    {
        var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 24, 9), configure: b =>
        {
            b.UseSetting("DataIp:Webhooks:RetryDelays:0", "00:00:05").UseSetting("DataIp:Webhooks:RetryDelays:1", "00:00:30");
            settings(b);
        });
        platform.Resolver.Map("example.cn", IPAddress.Loopback);
        return platform;
    }

    internal static Task<int> DispatchAsync(RegistryFactory platform) =>
        platform.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);

    internal static Task AdvanceAsync(RegistryFactory platform, TimeSpan by) => platform.SetTimeAsync(platform.Clock.GetUtcNow() + by);

    internal static async Task<string> SubscribeAsync(HttpClient account, WebhookReceiver receiver, string? url = null)
    {
        using var response = await account.PostJsonAsync("/api/v1/webhooks", new { url = url ?? receiver.Url, description = "ERP" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var webhook = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        receiver.Secret = webhook.Str("secret");
        Assert.StartsWith("whsec_", receiver.Secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(receiver.Secret["whsec_".Length..]).Length);
        return webhook.Str("id");
    }

    internal static async Task<List<JsonElement>> DeliveriesAsync(HttpClient account, string webhook) =>
        [.. (await account.GetAsync($"/api/v1/webhooks/{webhook}/deliveries").OkAsync()).GetProperty("deliveries").EnumerateArray()];
}
