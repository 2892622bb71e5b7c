using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// A refusal a use case gives is shown on the page in the page's language: on a Chinese page a
/// Chinese sentence with no English in it, on the English page the English sentence of the same
/// key. Three refusals of three kinds, on three pages: a holder's licence that conflicts with a
/// recorded exclusive licence (a use case's conflict, registration page), a bank confirming a pledge
/// that is already registered (a rights table's state, bank desk), an objection after the notice
/// period ended (a lifecycle guard, notice page).
/// </summary>
public sealed partial class RefusalPageTests
{
    private const string Pledged = "深圳市城市交通流量数据集";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Licence_ConflictingExclusiveLicence_RefusedInThePagesLanguage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await RegistrationPageTests.NumberAsync(platform, Pledged);
        var page = $"/registrations/{number}";
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var (starts, ends) = await ExclusiveTermAsync(platform);
        var licence = new Dictionary<string, string>
        {
            ["NewLicence.LicenseeName"] = "深圳市冲突被许可有限公司",
            ["NewLicence.Kind"] = "nonExclusive",
            ["NewLicence.Rights"] = "productOperation",
            ["NewLicence.Scope"] = "内部研究",
            ["NewLicence.Territory"] = "中国大陆",
            ["NewLicence.StartsOn"] = starts,
            ["NewLicence.EndsOn"] = ends,
        };

        using var chinese = await PostFormAsync(holder, page, $"{page}?handler=Licence", licence);
        var chineseErrors = ErrorSummary(await chinese.Content.ReadAsStringAsync());
        await holder.GetStringAsync($"{page}?culture=en");
        using var english = await PostFormAsync(holder, page, $"{page}?handler=Licence", licence);
        var englishErrors = ErrorSummary(await english.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, chinese.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        var zh = Assert.Single(chineseErrors);
        Assert.StartsWith("未能办理：", zh, StringComparison.Ordinal);
        Assert.Contains($"许可{number}-L002（独占许可，数据产品经营权，", zh);
        Assert.Contains("已覆盖相同的权利和期限；该许可排除任何其他许可。", zh);
        Assert.DoesNotMatch(EnglishWords(), zh);
        var en = Assert.Single(englishErrors);
        Assert.Contains($"Not done: Licence {number}-L002 (Exclusive, Data product operation right, ", en);
        Assert.Contains("already covers the same right and term; it excludes any further licence.", en);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pledge_ConfirmedWhenRegistered_StateRefusalInThePagesLanguage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (registration, _, pledge) = await BankPageTests.DemoPledgeAsync(platform);
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var form = new Dictionary<string, string> { ["RegistrationNumber"] = registration, ["PledgeNumber"] = pledge };

        using var chinese = await PostFormAsync(bank, "/bank", "/bank?handler=Confirm", form);
        var chineseErrors = ErrorSummary(await chinese.Content.ReadAsStringAsync());
        await bank.GetStringAsync("/bank?culture=en");
        using var english = await PostFormAsync(bank, "/bank", "/bank?handler=Confirm", form);
        var englishErrors = ErrorSummary(await english.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, chinese.StatusCode);
        Assert.Equal(["未能办理：该质押的状态为“已登记”，不能确认质押。"], chineseErrors);
        Assert.Equal(["Not done: You cannot confirm the pledge: the pledge is “Registered”."], englishErrors);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Objection_AfterTheNoticeEnded_GuardRefusalInThePagesLanguage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (number, ended) = await NoticeAsync(platform);
        var page = $"/notices/{number}";
        var anyone = platform.CookieClient();
        await platform.SetTimeAsync(ended.AddMinutes(1)); // the sweeper has not registered it yet: the notice is still shown
        var china = ended.ToOffset(TimeSpan.FromHours(8));

        using var chinese = await PostObjectionAsync(anyone, page);
        var chineseErrors = ErrorSummary(await chinese.Content.ReadAsStringAsync());
        await anyone.GetStringAsync($"{page}?culture=en");
        using var english = await PostObjectionAsync(anyone, page);
        var englishErrors = ErrorSummary(await english.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, chinese.StatusCode);
        Assert.Equal([$"未能办理：现在不能提出异议：异议只能在公示期内提出，公示期已于{china:yyyy年M月d日 HH:mm}结束。"], chineseErrors);
        Assert.DoesNotMatch(EnglishWords(), chineseErrors[0]);
        var en = Assert.Single(englishErrors);
        Assert.StartsWith("Not done: You cannot file an objection now: objections may be filed only during the public notice period, which ended at ", en);
        Assert.DoesNotMatch("[\u4e00-\u9fff]", en);
    }

    // The error summary's messages, as the reader sees them.
    private static List<string> ErrorSummary(string html)
    {
        var summary = SummaryBlock().Match(html);
        Assert.True(summary.Success, "no error summary");
        return [.. SummaryLink().Matches(summary.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    private static async Task<HttpResponseMessage> PostObjectionAsync(HttpClient client, string page)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await SignInForm.AntiforgeryTokenAsync(client, page)), "__RequestVerificationToken" },
            { new StringContent("钱七"), "ObjectorName" },
            { new StringContent("qian7@example.cn"), "ObjectorContact" },
            { new StringContent("该数据集包含本公司采集的数据。"), "Grounds" },
        };
        return await client.PostAsync(page, form);
    }

    // The term of the demo's exclusive licence (of the product-operation right), as a licence form writes days.
    private static async Task<(string Starts, string Ends)> ExclusiveTermAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var licence = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Licences
            .Where(l => l.Kind == Domain.Rights.LicenceKind.Exclusive).SingleAsync();
        return (licence.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            licence.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<(string Number, DateTimeOffset Ends)> NoticeAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var notice = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications
            .Where(a => a.State == Domain.Registration.ApplicationState.PublicNotice)
            .Select(a => new { a.ApplicationNumber, a.NoticeEndsAt }).SingleAsync();
        return (notice.ApplicationNumber!, notice.NoticeEndsAt!.Value);
    }

    // Three English words in a row: an English sentence, which a Chinese page must not show.
    [GeneratedRegex("[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")]
    private static partial Regex EnglishWords();

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryBlock();

    [GeneratedRegex("<li><a href=\"#[^\"]*\">(.*?)</a></li>", RegexOptions.Singleline)]
    private static partial Regex SummaryLink();
}
