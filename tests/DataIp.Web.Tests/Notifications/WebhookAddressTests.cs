using System.Net;
using DataIp.Data;
using DataIp.Data.Notifications;
using DataIp.Testing;
using DataIp.Web.Features.Notifications;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using DataIp.Web.Tests.Rights;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static DataIp.Web.Tests.Notifications.WebhookDeliveryTests;

namespace DataIp.Web.Tests.Notifications;

/// <summary>
/// Issue M6, defect 6: no account can make the platform POST into the operator's network. A
/// receiver on loopback, private, link-local or unique-local addresses is refused at registration
/// (a 400 naming <c>url</c> that says only the rule) and again at every connection (a name that
/// rebinds to loopback after registration; a URL stored before the policy), and a real receiver on
/// loopback proves that nothing connected. Names resolve through the test's stub resolver only.
/// </summary>
public sealed class WebhookAddressTests
{
    private const string AllowPlainHttp = "DataIp:Webhooks:AllowPlainHttp";
    private const string AllowList = "DataIp:Webhooks:AllowedPrivateNetworks:0";
    private const string RefusedAtDelivery = "Refused by the platform's address policy: " + WebhookReceiverCheck.AddressRule;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_InternalReceiver_ValidationProblemNamingUrlNothingSent(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await StartAsync(provider, b => b.UseSetting(AllowPlainHttp, "true"));
        var internalNames = new Dictionary<string, string>
        {
            ["ten.example"] = "10.0.0.5",
            ["home.example"] = "192.168.1.1",
            ["metadata.example"] = "169.254.169.254",
            ["ula.example"] = "fd00::1",
            ["link.example"] = "fe80::1",
        };
        foreach (var (name, address) in internalNames)
        {
            platform.Resolver.Map(name, IPAddress.Parse(address));
        }

        var applicant = await platform.ApplicantAsync();
        string[] hosts = ["127.0.0.1", "localhost", "2130706433", "[::1]", .. internalNames.Keys];
        var messages = new List<string>();
        foreach (var host in hosts)
        {
            var problem = await applicant.PostJsonAsync("/api/v1/webhooks", new { url = $"http://{host}:{receiver.Port}/hooks" })
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["url"], problem.ErrorFields());
            messages.Add(problem.GetProperty("errors").GetProperty("url")[0].GetString()!);
        }

        // One message for all, naming no address: the answer maps nothing of the network.
        Assert.Equal(WebhookReceiverCheck.AddressRule, Assert.Single(messages.Distinct()));
        Assert.All(new[] { "127.0.0.1", "10.0.0.5", "192.168", "169.254", "fd00", "fe80", receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            s => Assert.DoesNotContain(s, messages[0], StringComparison.Ordinal));
        Assert.Equal(0, (await applicant.GetAsync("/api/v1/webhooks").OkAsync()).GetArrayLength());
        Assert.Empty(receiver.Connections);
        Assert.Empty(platform.Dialer.Dials);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deliver_NameRebindsToLoopbackAfterRegistration_RefusedWithoutConnecting(DatabaseProvider provider)
    {
        // One receiver on two loopback addresses and one port: 127.0.0.2 stands for the name's public
        // address (the allow-list admits it), 127.0.0.1 is the platform's own loopback.
        var outside = IPAddress.Parse("127.0.0.2");
        await using var receiver = await WebhookReceiver.StartAsync(outside, IPAddress.Loopback);
        await using var platform = await StartAsync(provider, b => b.UseSetting(AllowPlainHttp, "true").UseSetting(AllowList, "127.0.0.2/32"));
        platform.Resolver.Map("rebind.example", outside);
        var (applicant, examiner) = (await platform.ApplicantAsync(), await platform.ExaminerAsync("4400"));
        var webhook = await SubscribeAsync(applicant, receiver, $"http://rebind.example:{receiver.Port}/hooks");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        Assert.Equal(1, await DispatchAsync(platform));
        var delivered = new IPEndPoint(outside, receiver.Port);
        Assert.Equal<IPEndPoint>([delivered], receiver.Connections);

        // The name's DNS now answers 127.0.0.1; the delivery is refused at each of its three attempts.
        platform.Resolver.Map("rebind.example", IPAddress.Loopback);
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/request-correction", new { reason = "请补充。" }).OkAsync();
        foreach (var wait in new[] { 0, 5, 30 })
        {
            await AdvanceAsync(platform, TimeSpan.FromSeconds(wait));
            Assert.Equal(1, await DispatchAsync(platform));
        }

        var log = await DeliveriesAsync(applicant, webhook);
        Assert.Equal(["delivered", "failed"], log.Select(d => d.Str("status")));
        Assert.Equal(3, log[1].GetProperty("attempts").GetInt32());
        Assert.False(log[1].TryGetProperty("lastStatusCode", out _));
        Assert.Equal(RefusedAtDelivery, log[1].Str("lastError"));
        Assert.Equal<IPEndPoint>([delivered], receiver.Connections);
        Assert.Equal<IPEndPoint>([delivered], platform.Dialer.Dials);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deliver_LoopbackUrlStoredBeforeThePolicy_RefusedWithoutConnecting(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await StartAsync(provider, b => b.UseSetting(AllowPlainHttp, "true"));
        var (applicant, examiner) = (await platform.ApplicantAsync(), await platform.ExaminerAsync("4400"));
        var webhook = Guid.CreateVersion7();
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.WebhookSubscriptions.Add(new WebhookSubscription
            {
                Id = webhook,
                AccountId = Guid.Parse(await RightsTests.AccountIdAsync(applicant)),
                Url = $"http://2130706433:{receiver.Port}/hooks",
                Secret = WebhookMessage.NewSecret(),
                CreatedAt = platform.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();

        Assert.Equal(1, await DispatchAsync(platform));
        var attempt = Assert.Single(await DeliveriesAsync(applicant, $"{webhook}"));
        Assert.Equal("pending", attempt.Str("status"));
        Assert.Equal(RefusedAtDelivery, attempt.Str("lastError"));
        Assert.Empty(receiver.Connections);
        Assert.Empty(platform.Dialer.Dials);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_PlainHttpOutsideDevelopment_ValidationProblemNamingUrl(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, b => b.UseSetting(AllowList, "127.0.0.0/8"));
        var applicant = await platform.ApplicantAsync();

        var problem = await applicant.PostJsonAsync("/api/v1/webhooks", new { url = "http://example.cn/hooks" }).ProblemAsync(HttpStatusCode.BadRequest);
        var created = await applicant.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.cn/hooks" }).OkAsync();

        Assert.Equal(["url"], problem.ErrorFields());
        Assert.Equal(WebhookReceiverCheck.HttpsRule, problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Equal("https://example.cn/hooks", created.Str("url"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_PlainHttpInDevelopment_Created(DatabaseProvider provider)
    {
        await using var platform = await StartAsync(provider, b => b.UseEnvironment("Development").UseSetting(AllowList, "127.0.0.0/8"));
        var applicant = await platform.ApplicantAsync();

        var created = await applicant.PostJsonAsync("/api/v1/webhooks", new { url = "http://example.cn/hooks" }).OkAsync();

        Assert.Equal("http://example.cn/hooks", created.Str("url"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_MalformedAllowList_FailsNamingTheSetting(DatabaseProvider provider)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var platform = await StartAsync(provider, b => b.UseSetting(AllowList, "10.0.0.0/33"));
        });

        Assert.Contains(AllowList, e.ToString(), StringComparison.Ordinal);
    }
}
