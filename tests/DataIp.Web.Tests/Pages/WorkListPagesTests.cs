using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkListPage = DataIp.Web.Pages.Applications.IndexModel;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The examiner's work list (/applications) comes 50 to a page (a body's 500 applications made one
/// 326 KB page): the list is ordered by urgency as a whole and then cut, so the second page goes on
/// in the same order; the links between pages keep the filters; the caption counts every page; a
/// page beyond the end says so (200, not an error) and a page number out of range is clamped.
/// </summary>
public sealed partial class WorkListPagesTests
{
    private const int Extra = 60;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WorkList_MoreThan50_PagedInUrgencyOrderWithFiltersKept(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (bodyCode, submitted) = await AddSubmittedAsync(platform);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail(bodyCode), DemoSeeder.Password);
        const string list = "/applications?state=Submitted";

        var first = WebUtility.HtmlDecode(await examiner.GetStringAsync(list));
        var second = WebUtility.HtmlDecode(await examiner.GetStringAsync($"{list}&page=2"));
        var rows = Rows(first).Concat(Rows(second)).ToList();

        Assert.True(submitted.Count > WorkListPage.PageSize, $"{submitted.Count} submitted applications");
        Assert.Equal(WorkListPage.PageSize, Rows(first).Count);
        Assert.Contains("<a href=\"/applications?state=Submitted&page=2\" rel=\"next\">下一页</a>", first, StringComparison.Ordinal);
        Assert.Contains($"共 {submitted.Count} 件，待办的在前；第 1 页，共 2 页", first, StringComparison.Ordinal);
        Assert.Equal(submitted.Count - WorkListPage.PageSize, Rows(second).Count);
        Assert.Contains("<a href=\"/applications?state=Submitted&page=1\" rel=\"prev\">上一页</a>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        Assert.Equal(submitted, rows); // the examiner's moves, the longest waiting first, across both pages
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WorkList_PageOutOfRange_ClampedOrEmptyWithAMessage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (bodyCode, submitted) = await AddSubmittedAsync(platform);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail(bodyCode), DemoSeeder.Password);
        var firstPage = Rows(WebUtility.HtmlDecode(await examiner.GetStringAsync("/applications?state=Submitted")));

        foreach (var page in new[] { "0", "-1", "-2147483648" })
        {
            var html = WebUtility.HtmlDecode(await examiner.GetStringAsync($"/applications?state=Submitted&page={page}"));
            Assert.Equal(firstPage, Rows(html));
        }

        foreach (var page in new[] { "3", "99999", "2147483647" })
        {
            using var response = await examiner.GetAsync($"/applications?state=Submitted&deadline=None&page={page}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(Rows(html));
            Assert.Contains("<p class=\"empty\">这一页没有申请了。</p>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/applications?state=Submitted&deadline=None&page=1\">回到第一页</a>", html, StringComparison.Ordinal);
        }

        Assert.Equal(WorkListPage.PageSize, firstPage.Count);
        Assert.True(submitted.Count > WorkListPage.PageSize);
    }

    // Copies of a submitted application of the demo, each submitted at its own minute, in its body; the body's submitted applications (none has an objection), the longest waiting first.
    private static async Task<(string BodyCode, List<string> Submitted)> AddSubmittedAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var template = (await db.Applications.AsNoTracking().Where(a => a.State == ApplicationState.Submitted).ToListAsync())
            .OrderBy(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        for (var k = 1; k <= Extra; k++)
        {
            var copy = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == template.Id);
            (copy.Id, copy.ApplicationNumber) = (Guid.NewGuid(), $"{copy.ApplicationNumber}-{k:D3}");
            copy.SubmittedAt = template.SubmittedAt!.Value.AddMinutes(-k * 7 % 61);
            db.Applications.Add(copy);
        }

        await db.SaveChangesAsync();
        var bodyCode = await db.Bodies.Where(b => b.Id == template.BodyId).Select(b => b.Code).SingleAsync();
        var submitted = (await db.Applications.AsNoTracking().Where(a => a.BodyId == template.BodyId && a.State == ApplicationState.Submitted)
            .Select(a => new { a.Id, a.SubmittedAt, a.CreatedAt }).ToListAsync())
            .OrderBy(a => (a.SubmittedAt ?? a.CreatedAt).UtcTicks).Select(a => a.Id.ToString()).ToList();
        return (bodyCode, submitted);
    }

    private static List<string> Rows(string html) => [.. Row().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<th scope=\"row\"><a href=\"/applications/([0-9a-f-]{36})\">")]
    private static partial Regex Row();
}
