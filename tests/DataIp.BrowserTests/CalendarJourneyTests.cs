using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// The national administrator enters a calendar year from the State Council's notice in the pages,
/// in real Chromium (issue M7, item 9): a mistyped line is an error naming its line, the corrected
/// year is previewed with the days marked and the deadlines it gives, then saved, and the API
/// serves it. Each page is checked by <see cref="Journey.StepAsync"/>. On SQLite and on PostgreSQL.
/// </summary>
public abstract class CalendarJourneyTests(DemoRegistry registry, Chromium chromium)
{
    private const string Holidays = "2031-01-01 元旦\n2031-01-22..2031-01-28 春节\n2031-10-01..2031-10-07 国庆节";
    private const string WorkingDays = "2031-01-19 春节调休\n2031-02-08 春节调休\n2031-09-28 国庆节调休\n2031-10-11 国庆节调休";

    [Fact]
    public async Task Administrator_EntersACalendarYear_ThroughThePreview()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("admin@demo.dataip.cn");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await journey.StepAsync("calendar-01-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await journey.StepAsync("calendar-02-form");

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "年份" }).FillAsync("2031");
        await page.GetByLabel("通知名称").FillAsync("国务院办公厅关于2031年部分节假日安排的通知");
        await page.GetByLabel("放假日期").FillAsync("2031-01-01 元旦\n2031-02-30 春节");
        await page.GetByLabel("调休上班日期").FillAsync(WorkingDays);
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("第 2 行");
        await journey.StepAsync("calendar-03-line-error", switchLanguage: false);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByLabel("放假日期")).ToBeFocusedAsync();

        await page.GetByLabel("放假日期").FillAsync(Holidays);
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.Locator("[data-day='2031-01-22']")).ToHaveClassAsync("day-holiday");
        await Expect(page.Locator("[data-day='2031-02-08']")).ToHaveClassAsync("day-extra");
        await journey.StepAsync("calendar-04-preview", switchLanguage: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存 2031 年日历" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await journey.StepAsync("calendar-05-saved");

        using var api = registry.CreateClient();
        var year = await api.GetStringAsync("/api/v1/calendars/2031");
        Assert.Contains("国务院办公厅关于2031年部分节假日安排的通知", year, StringComparison.Ordinal);
    }
}

/// <summary><see cref="CalendarJourneyTests"/> on SQLite.</summary>
public sealed class CalendarJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : CalendarJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="CalendarJourneyTests"/> on PostgreSQL.</summary>
public sealed class CalendarJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : CalendarJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
