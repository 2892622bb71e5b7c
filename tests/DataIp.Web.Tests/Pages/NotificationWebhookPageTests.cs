using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The webhooks page (/notifications/webhooks), on SQLite and PostgreSQL: a receiver on a loopback
/// address is refused with the API's own message as the form's error, and nothing is saved; a
/// public receiver is added with its secret shown once; only its owner can disable it.
/// </summary>
public sealed class NotificationWebhookPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Webhooks_LoopbackRefusedAsTheApiRefusesIt_OwnerAddsAndDisables(DatabaseProvider provider)
    {
        // The receiver stands on 127.0.0.2, which the operator allows here; 127.0.0.1 stays refused.
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true,
            configure: b => b.UseSetting("DataIp:Webhooks:AllowedPrivateNetworks:0", "127.0.0.2/32"));
        platform.Resolver.Map("receiver.example.cn", IPAddress.Parse("127.0.0.2"));
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var applicant = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var bankApi = await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        using var apiRefusal = await bankApi.PostJsonAsync("/api/v1/webhooks", new { url = "https://127.0.0.1/hooks" });
        var apiMessage = JsonDocument.Parse(await apiRefusal.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("url")[0].GetString()!;
        var before = await WebhookCountAsync(platform);

        using var loopback = await PostAsync(bank, "Add", ("ReceiverUrl", "https://127.0.0.1/hooks"), ("Description", "ERP"));
        var loopbackHtml = WebUtility.HtmlDecode(await loopback.Content.ReadAsStringAsync());
        var afterRefusal = await WebhookCountAsync(platform);
        using var added = await PostAsync(bank, "Add", ("ReceiverUrl", "https://receiver.example.cn/hooks"), ("Description", "信贷系统"));
        var addedHtml = await added.Content.ReadAsStringAsync();
        var id = (await bankApi.GetAsync("/api/v1/webhooks").OkAsync()).EnumerateArray().Single().Str("id");
        using var stranger = await PostAsync(applicant, "Disable", ("Id", id));
        var activeAfterStranger = !Disabled(await bankApi.GetAsync($"/api/v1/webhooks/{id}").OkAsync());
        using var disabled = await PostAsync(bank, "Disable", ("Id", id));
        var view = await bankApi.GetAsync($"/api/v1/webhooks/{id}").OkAsync();
        var page = await bank.GetStringAsync("/notifications/webhooks");

        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
        Assert.Contains($"<a href=\"#url\">{apiMessage}</a>", loopbackHtml);
        Assert.Contains("value=\"https://127.0.0.1/hooks\"", loopbackHtml); // what was typed is kept
        Assert.Contains("<title>错误：", loopbackHtml);
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("data-secret=\"true\">whsec_", addedHtml);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.True(activeAfterStranger);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(Disabled(view));
        Assert.Contains("已停用", page);
    }

    private static bool Disabled(JsonElement webhook) =>
        webhook.TryGetProperty("disabledAt", out var at) && at.ValueKind != JsonValueKind.Null;

    private static async Task<int> WebhookCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().WebhookSubscriptions.CountAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, "/notifications/webhooks") };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync($"/notifications/webhooks?handler={handler}", new FormUrlEncodedContent(form));
    }
}
