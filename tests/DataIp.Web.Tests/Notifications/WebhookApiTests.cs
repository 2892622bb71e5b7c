using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Notifications;

/// <summary>The webhook endpoints refuse bad input with the field named, and keep each account's webhooks to itself.</summary>
public sealed class WebhookApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_BadUrl_ValidationProblemNamingUrl(DatabaseProvider provider)
    {
        await using var platform = await WebhookDeliveryTests.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();

        foreach (var body in new object[]
        {
            new { url = "/hooks" }, new { url = "ftp://example.cn/hooks" }, new { }, new { url = "https://user:pw@example.cn/" },
            new { url = "https://example.cn/" + new string('a', 2000) },
        })
        {
            var problem = await applicant.PostJsonAsync("/api/v1/webhooks", body).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["url"], problem.ErrorFields());
        }

        var tooLong = await applicant.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.cn/", description = new string('x', 201) })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["description"], tooLong.ErrorFields());
        Assert.Equal(0, (await applicant.GetAsync("/api/v1/webhooks").OkAsync()).GetArrayLength());
        await platform.CreateClient().PostJsonAsync("/api/v1/webhooks", new { url = "https://example.cn/" }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OtherAccount_CannotSeeReplayOrDisable_NotFound(DatabaseProvider provider)
    {
        await using var platform = await WebhookDeliveryTests.StartAsync(provider);
        var owner = await platform.ApplicantAsync();
        var other = await platform.ApplicantAsync();
        var created = await owner.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.cn/hooks" }).OkAsync();
        var id = created.Str("id");

        await other.GetAsync($"/api/v1/webhooks/{id}").ProblemAsync(HttpStatusCode.NotFound);
        await other.GetAsync($"/api/v1/webhooks/{id}/deliveries").ProblemAsync(HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/v1/webhooks/{id}/replay").ProblemAsync(HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/v1/webhooks/{id}/deliveries/1/replay").ProblemAsync(HttpStatusCode.NotFound);
        await other.DeleteAsync($"/api/v1/webhooks/{id}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.GetAsync("/api/v1/webhooks").OkAsync()).GetArrayLength());
        await owner.GetAsync($"/api/v1/webhooks/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
        await owner.PostJsonAsync($"/api/v1/webhooks/{id}/deliveries/999/replay").ProblemAsync(HttpStatusCode.NotFound);

        var mine = await owner.GetAsync($"/api/v1/webhooks/{id}").OkAsync();
        Assert.Equal("https://example.cn/hooks", mine.Str("url"));
        Assert.False(mine.TryGetProperty("secret", out _), "the secret is shown only when the webhook is created");
        using var disabled = await owner.DeleteAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.True((await owner.GetAsync($"/api/v1/webhooks/{id}").OkAsync()).TryGetProperty("disabledAt", out _));
        await owner.PostJsonAsync($"/api/v1/webhooks/{id}/replay").ProblemAsync(HttpStatusCode.Conflict);
        var badCursor = await owner.GetAsync($"/api/v1/webhooks/{id}/deliveries?after=x&limit=0").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["after", "limit"], badCursor.ErrorFields());
    }
}
