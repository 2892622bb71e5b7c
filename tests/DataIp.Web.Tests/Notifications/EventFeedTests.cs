using System.Net;
using System.Text.Json.Nodes;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Notifications;

/// <summary>The public event feed pages through the whole log by cursor and serves each entry as the log holds it.</summary>
public sealed class EventFeedTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_SmallLimit_EveryActOnceMatchingTheLog(DatabaseProvider provider)
    {
        await using var platform = await WebhookDeliveryTests.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        for (var i = 0; i < 3; i++)
        {
            var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
            await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        }

        var anyone = platform.CreateClient();
        var seen = new List<JsonNode>();
        string? cursor = null;
        while (true)
        {
            var page = await anyone.GetAsync("/api/v1/events?limit=4" + (cursor is null ? "" : $"&after={cursor}")).OkAsync();
            var events = page.GetProperty("events");
            Assert.True(events.GetArrayLength() <= 4);
            cursor = page.GetProperty("next").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (events.GetArrayLength() == 0)
            {
                break;
            }

            seen.AddRange(events.EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText())!));
        }

        var checkpoint = await platform.PublishLogAsync();
        Assert.Equal(checkpoint.TreeSize, seen.Count);
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => (long)i), seen.Select(e => (long)e["index"]!));
        Assert.Equal(seen.Count - 1, long.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, seen.Count(e => (string)e["type"]! == "startExamination"));
        foreach (var e in seen)
        {
            var entry = await anyone.GetAsync($"/api/v1/log/entries/{(long)e["index"]!}").OkAsync();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(entry.Str("canonical")), e["entry"]), $"entry {e["index"]}");
            Assert.Equal((string)e["entry"]!["actId"]!, (string)e["actId"]!);
            Assert.Equal((string)e["entry"]!["at"]!, (string)e["at"]!);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Page_MalformedCursorOrLimit_ValidationProblemNamingTheField(DatabaseProvider provider)
    {
        await using var platform = await WebhookDeliveryTests.StartAsync(provider);
        var anyone = platform.CreateClient();

        Assert.Equal(["after"], (await anyone.GetAsync("/api/v1/events?after=abc").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["after"], (await anyone.GetAsync("/api/v1/events?after=-1").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["limit"], (await anyone.GetAsync("/api/v1/events?limit=0").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["limit"], (await anyone.GetAsync("/api/v1/events?limit=1001").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var beyond = await anyone.GetAsync("/api/v1/events?after=1000000&limit=1000").OkAsync();
        Assert.Equal(0, beyond.GetProperty("events").GetArrayLength());
        Assert.Equal(1000000, beyond.GetProperty("next").GetInt64());
    }
}
