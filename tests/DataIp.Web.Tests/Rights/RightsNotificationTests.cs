using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using DataIp.Web.Tests.Notifications;
using static DataIp.Web.Tests.Rights.RightsTests;

namespace DataIp.Web.Tests.Rights;

/// <summary>
/// Issue M5, notifications: each party to a registration (holder, licensee, pledgee, transferee)
/// is told of the acts that touch its interest, in the app and by signed webhook, and a bank's
/// receiver that was down gets every such event exactly once when it recovers.
/// </summary>
public sealed class RightsNotificationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Parties_ToldOfActsTouchingTheirInterest_BankReceiverGetsEachOnceAfterAnOutage(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9), configure: b => b
            .UseSetting("DataIp:Certificates:PlaceholderSeal", "true")
            .UseSetting("DataIp:Webhooks:RetryDelays:0", "00:00:05")
            .UseSetting("DataIp:Webhooks:RetryDelays:1", "00:00:30")
            .UseSetting("DataIp:Webhooks:AllowPlainHttp", "true")
            .UseSetting("DataIp:Webhooks:AllowedPrivateNetworks:0", "127.0.0.0/8"));
        var (holder, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = await RegistrationNumberAsync(holder, id);
        var (bank, bankId) = await PledgeeAsync(platform, "示范银行");
        var licensee = await platform.ApplicantAsync();
        var licenseeId = await AccountIdAsync(licensee);
        var buyer = await platform.ApplicantAsync();
        var buyerId = await AccountIdAsync(buyer);
        var webhook = await WebhookDeliveryTests.SubscribeAsync(bank, receiver);

        // Before the pledge the bank is no party: a licence is none of its business.
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"]) with { LicenseeName = "甲公司" }).CreatedAsync();
        var pledge = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/pledges", Pledge(bankId)).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("pledge").Str("number");
        Assert.Equal(1, await WebhookDeliveryTests.DispatchAsync(platform));
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/confirm").OkAsync();

        // The bank's receiver goes down while the holder licenses, offers a transfer and the buyer accepts.
        receiver.Down = true;
        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", new
        {
            licenseeName = "乙公司",
            licenseeAccountId = licenseeId,
            kind = "nonExclusive",
            rights = new[] { "processingAndUse" },
            scope = "内部分析",
            territory = "中国大陆",
            startsOn = "2025-10-01",
            endsOn = "2026-09-30",
            subLicensing = false,
        }).CreatedAsync();
        var transfer = (await holder.PostJsonAsync($"/api/v1/registrations/{number}/transfers", new { transfereeAccountId = buyerId }).AcceptedAsync())
            .GetProperty("act").GetProperty("payload").GetProperty("transfer").Str("number");
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/consents", new { purpose = "transfer", reference = transfer }).CreatedAsync();
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/transfers/{transfer}/accept").OkAsync();
        Assert.Equal(1, await WebhookDeliveryTests.DispatchAsync(platform));
        Assert.Equal(0, await WebhookDeliveryTests.DispatchAsync(platform));

        receiver.Down = false;
        await WebhookDeliveryTests.AdvanceAsync(platform, TimeSpan.FromSeconds(5));
        Assert.Equal(3, await WebhookDeliveryTests.DispatchAsync(platform));

        // The bank releases; once its pledge is gone it is no longer told of the registration's acts.
        await bank.PostJsonAsync($"/api/v1/registrations/{number}/pledges/{pledge}/release", new { reason = "loan repaid" }).OkAsync();
        await buyer.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence("nonExclusive", ["holding"], "2026-01-01", "2026-06-30") with { LicenseeName = "丙公司" }).CreatedAsync();
        Assert.Equal(0, await WebhookDeliveryTests.DispatchAsync(platform));

        var accepted = receiver.Accepted;
        Assert.Equal(["filePledge", "recordLicence", "proposeTransfer", "acceptTransfer"], accepted.Select(r => r.Body.Str("type")));
        Assert.Equal(accepted.Count, accepted.Select(r => r.Id).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid, $"signature of {r.Id}"));
        Assert.Single(receiver.Requests, r => !r.Accepted);
        var inApp = await bank.GetAsync("/api/v1/notifications").OkAsync();
        Assert.Equal(accepted.Select(r => r.Id).Order(), inApp.EnumerateArray().Select(n => n.Str("id")).Order());

        // The licensee with an account hears from its licence on; the buyer from the offer on; the
        // former holder, gone after the transfer, not of the last licence.
        // (Acts at one instant of the test clock have no order among them: compared as sets.)
        Assert.Equal(Sorted("recordLicence", "proposeTransfer", "consentToAct", "acceptTransfer", "releasePledge", "recordLicence"), Kinds(await licensee.GetAsync("/api/v1/notifications").OkAsync()));
        Assert.Equal(Sorted("proposeTransfer", "consentToAct", "releasePledge"), Kinds(await buyer.GetAsync("/api/v1/notifications").OkAsync()));
        var holderKinds = Kinds(await holder.GetAsync("/api/v1/notifications").OkAsync());
        Assert.Equal(Sorted("register", "confirmPledge", "consentToAct", "acceptTransfer"), holderKinds.Where(k => k is not ("startExamination" or "passFormalExamination")));
    }

    private static string[] Sorted(params string[] kinds) => [.. kinds.Order(StringComparer.Ordinal)];

    private static string[] Kinds(JsonElement notifications) =>
        [.. notifications.EnumerateArray().Select(n => n.Str("kind")).Order(StringComparer.Ordinal)];
}
