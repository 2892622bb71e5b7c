using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Calendar;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Features.Applications;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// /admin/calendars on the demo, on SQLite and PostgreSQL: the national administrator types a
/// year in the notice's order, previews it (its holidays and extra working days marked, and the
/// deadlines it gives, which equal what the stored calendar computes once saved), then saves it
/// (an <c>enterCalendarYear</c> act the API shows). A line that cannot be read, or a day the year
/// may not hold, is an error on its line, and nothing is written.
/// </summary>
public sealed partial class AdminCalendarPageTests
{
    private const string Holidays = "2031-01-01 元旦\n2031-01-22..2031-01-28 春节\n2031-10-01..2031-10-07 国庆节\n";
    private const string WorkingDays = "2031-01-19 春节调休\n2031-02-08 春节调休\n2031-09-28 国庆节调休\n2031-10-11 国庆节调休";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnterYear_PreviewThenSave_DeadlinesAsTheLifecycleCountsThem(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var fields = Fields("2031", Holidays, WorkingDays);
        var before = await AdminForm.ActsAsync(platform);

        using var preview = await AdminForm.PostAsync(admin, "/admin/calendars?handler=preview", fields, tokenFrom: "/admin/calendars");
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        var afterPreview = await AdminForm.ActsAsync(platform);
        using var saved = await AdminForm.PostAsync(admin, "/admin/calendars?handler=save", fields, tokenFrom: "/admin/calendars");
        var done = await admin.GetStringAsync(saved.RedirectTarget());
        var year = await platform.CreateClient().GetAsync("/api/v1/calendars/2031").OkAsync();
        var calendar = await CalendarAsync(platform);
        var policy = await PolicyAsync(platform, "4403");
        var example = Example().Matches(previewHtml).Select(m => m.Groups).First(g => g[2].Value.Contains("4403", StringComparison.Ordinal));
        var start = DateOnly.ParseExact(example[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("class=\"day-holiday\" data-day=\"2031-01-22\"", previewHtml);
        Assert.Contains("class=\"day-extra\" data-day=\"2031-02-08\"", previewHtml);
        Assert.Contains("class=\"day-off\" data-day=\"2031-01-04\"", previewHtml);
        Assert.Equal(before, afterPreview);
        Assert.Equal(new DateOnly(2031, 1, 21), start); // the last working day before the Spring Festival
        Assert.Equal(calendar.ComputePeriodEnd(start, policy.NoticeLength, policy.NoticeUnit).LastDay, Day(example[3].Value));
        Assert.Equal(calendar.ComputePeriodEnd(start, policy.CorrectionLength, policy.CorrectionUnit).LastDay, Day(example[4].Value));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h1>录入工作日历</h1>", done);
        Assert.Equal(before + 1, await AdminForm.ActsAsync(platform));
        Assert.Equal(19, year.GetProperty("days").GetArrayLength());
        Assert.Equal("国务院办公厅关于2031年部分节假日安排的通知", year.Str("source"));
    }

    [Fact]
    public async Task EnterYear_BadLines_ErrorsOnTheirLinesAndNothingWritten()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var before = await AdminForm.ActsAsync(platform);
        var unreadable = Fields("2031", "2031-01-01 元旦\n2031-02-30 错误日期", WorkingDays);
        var weekday = Fields("2031", Holidays, "2031-01-19 春节调休\n2031-01-29 调休");

        using var first = await AdminForm.PostAsync(admin, "/admin/calendars?handler=preview", unreadable, tokenFrom: "/admin/calendars");
        var firstHtml = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        using var second = await AdminForm.PostAsync(admin, "/admin/calendars?handler=save", weekday, tokenFrom: "/admin/calendars");
        var secondHtml = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("<a href=\"#holidays\">第 2 行“2031-02-30 错误日期”无法识别", firstHtml);
        Assert.Contains("2031-02-30 错误日期</textarea>", firstHtml);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("<a href=\"#working-days\">第 2 行：2031-01-29 不是周六或周日；调休上班日须为周末。</a>", secondHtml);
        Assert.Equal(before, await AdminForm.ActsAsync(platform));
        using var missing = await platform.CreateClient().GetAsync("/api/v1/calendars/2031");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Dictionary<string, string> Fields(string year, string holidays, string workingDays) => new()
    {
        ["Year"] = year,
        ["Source"] = "国务院办公厅关于2031年部分节假日安排的通知",
        ["Holidays"] = holidays,
        ["WorkingDays"] = workingDays,
    };

    private static DateOnly Day(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<WorkingDayCalendar> CalendarAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<CalendarService>().LoadAsync(CancellationToken.None);
    }

    private static async Task<Domain.Registration.BodyPolicy> PolicyAsync(RegistryFactory platform, string code)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Bodies.Where(b => b.Code == code).Select(b => b.Policy).SingleAsync();
    }

    [GeneratedRegex("<tr data-start=\"([0-9-]+)\">.*?<span class=\"code\">([^<]*)</span>.*?data-notice-end=\"([0-9-]+)\".*?data-correction-end=\"([0-9-]+)\"", RegexOptions.Singleline)]
    private static partial Regex Example();
}
