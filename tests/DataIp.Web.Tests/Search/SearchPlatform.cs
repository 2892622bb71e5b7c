using System.Text.Json;
using DataIp.Data;
using DataIp.Data.Search;
using DataIp.Domain.Registration;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Search;

/// <summary>
/// A register made through the real commands for the search tests: two registrations (bodies 4400
/// and 4403), one application under notice, and two that are not public (a submitted one and a
/// draft), each with words found nowhere else.
/// </summary>
internal sealed record SearchPlatform(RegistryFactory Platform, string Transit, string Traffic, string Notice, string SubmittedId)
{
    /// <summary>Registered with 4400: found by "交通" inside its name, by its co-holder, scenario, summary and identifiers.</summary>
    public const string TransitName = "深圳市公共交通运营数据集";

    /// <summary>Its co-applicant, a holder.</summary>
    public const string CoHolder = "华南数据联合实验室";

    /// <summary>Its scenario.</summary>
    public const string Scenario = "智慧出行调度";

    /// <summary>Its product summary: accents and mixed scripts.</summary>
    public const string Summary = "Résumé corpus for AI 数据 products";

    /// <summary>Registered with 4403, TestContent's default name.</summary>
    public const string TrafficName = "城市交通流量数据集";

    /// <summary>Under notice with 4400.</summary>
    public const string NoticeName = "互联网医院问诊记录";

    /// <summary>Words only the applications that are not public carry.</summary>
    public const string SubmittedName = "斑马提交数据集 zebraword";

    public const string DraftName = "袋鼠草稿数据集 quokkaword";

    public static async Task<SearchPlatform> StartAsync(DatabaseProvider provider)
    {
        var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9));
        var examiner4400 = await platform.ExaminerAsync("4400");
        var examiner4403 = await platform.ExaminerAsync("4403");
        var transit = TestContent.Complete(TransitName) with
        {
            Applicant = TestContent.Complete().Applicant! with { CoApplicants = [new CoApplicant { Name = CoHolder, RegistrantType = RegistrantType.Enterprise, CreditCode = Web.Demo.DemoSeeder.Applicants[1].CreditCode }] },
            DataObject = TestContent.Complete().DataObject! with { DataName = TransitName, IndustryCode = "G54", ApplicationScenarios = [Scenario], ProductSummary = Summary },
            RightsClaimed = [new RightClaim { Right = DataRight.Holding, Basis = RightBasis.SelfGenerated }],
        };
        var transitId = await NoticedAsync(platform, examiner4400, "4400", transit);
        var trafficId = await NoticedAsync(platform, examiner4403, "4403", TestContent.Complete(TrafficName));
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 9, 30, 9));
        Assert.Equal(2, await platform.SweepAsync());
        var noticeId = await NoticedAsync(platform, examiner4400, "4400", TestContent.Complete(NoticeName) with
        {
            DataObject = TestContent.Complete().DataObject! with { DataName = NoticeName, IndustryCode = "Q84" },
        });
        var applicant = await platform.ApplicantAsync();
        var submitted = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete(SubmittedName) }).OkAsync()).Str("id");
        await applicant.PostJsonAsync($"/api/v1/applications/{submitted}/submit").OkAsync();
        await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete(DraftName) }).OkAsync();
        return new SearchPlatform(platform, await RegistrationNumberAsync(platform, transitId), await RegistrationNumberAsync(platform, trafficId),
            await ApplicationNumberAsync(platform, noticeId), submitted);
    }

    /// <summary>A new application of <paramref name="bodyCode"/> taken to its public notice.</summary>
    public static async Task<string> NoticedAsync(RegistryFactory platform, HttpClient examiner, string bodyCode, ApplicationContent content)
    {
        var applicant = await platform.ApplicantAsync();
        var id = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode, content }).OkAsync()).Str("id");
        await applicant.PostJsonAsync($"/api/v1/applications/{id}/submit").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        return id;
    }

    /// <summary>The search's answer to a query string.</summary>
    public async Task<JsonElement> SearchAsync(string query) => await Platform.CreateClient().GetAsync("/api/v1/search?" + query).OkAsync();

    /// <summary>The numbers (registration, or application before registration) a query finds, over every page.</summary>
    public async Task<List<string>> NumbersAsync(string query)
    {
        var numbers = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(query + "&limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(Number));
            cursor = Next(page);
        }
        while (cursor is not null);
        return numbers;
    }

    /// <summary>The next page's cursor, or null on the last page.</summary>
    public static string? Next(JsonElement page) => page.TryGetProperty("next", out var next) ? next.GetString() : null;

    public static string Number(JsonElement item) =>
        item.TryGetProperty("registrationNumber", out var number) ? number.GetString()! : item.Str("applicationNumber");

    /// <summary>Every search row as stored.</summary>
    public static async Task<List<SearchEntry>> RowsAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().SearchEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<string> RegistrationNumberAsync(RegistryFactory platform, string id)
    {
        await using var scope = platform.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.SingleAsync(a => a.Id == Guid.Parse(id))).RegistrationNumber!;
    }

    private static async Task<string> ApplicationNumberAsync(RegistryFactory platform, string id)
    {
        await using var scope = platform.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.SingleAsync(a => a.Id == Guid.Parse(id))).ApplicationNumber!;
    }
}
