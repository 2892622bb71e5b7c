using System.Text.RegularExpressions;
using DataIp.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// An examiner does the first steps of an examination in the pages, in real Chromium against the
/// demo: from the list to the application, takes it up, forgets the reason of a correction request
/// (the error summary links to the box), gives it, and each act ends on a confirmation that says
/// what happens next; the applicant then sees the request and its last day on the same page. Each
/// step is checked with axe (no serious or critical violation) and photographed at 1280 and at 375
/// pixels wide, where the page must not scroll sideways, and read in English by the switch. On
/// SQLite and on PostgreSQL.
/// </summary>
public abstract class ExaminationJourneyTests(DemoRegistry registry, Chromium chromium)
{
    [Fact]
    public async Task Examiner_TakesUpAndRequestsACorrection_ApplicantSeesTheRequestAndItsLastDay()
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, registry.Provider);

        await journey.SignInAsync("examiner.4400@demo.dataip.cn");
        await page.GotoAsync("/applications");
        await page.GetByRole(AriaRole.Link, new() { Name = "药品流通追溯数据集" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "药品流通追溯数据集", Level = 1 })).ToBeVisibleAsync();
        await journey.StepAsync("examine-1-application");

        await page.GetByRole(AriaRole.Button, new() { Name = "开始形式审查" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("开始形式审查");
        await Expect(page.GetByText("形式审查已经开始")).ToBeVisibleAsync();
        await journey.StepAsync("examine-2-started");

        await page.GetByRole(AriaRole.Link, new() { Name = "返回申请" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "要求补正" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("出现问题");
        await journey.StepAsync("examine-3-missing-reason", switchLanguage: false);
        await summary.GetByRole(AriaRole.Link, new() { Name = "请说明申请人需要补正的内容。" }).ClickAsync();
        await Expect(page.Locator("#act-RequestCorrection")).ToBeFocusedAsync();
        await page.Locator("#act-RequestCorrection").FillAsync("请补充数据来源的授权证明。");
        await page.GetByRole(AriaRole.Button, new() { Name = "要求补正" }).ClickAsync();
        await Expect(page.GetByText(new Regex("申请人须在 \\d{4}年\\d{1,2}月\\d{1,2}日 前提交补正"))).ToBeVisibleAsync();
        await journey.StepAsync("examine-4-correction-requested");

        await using var applicantContext = await chromium.NewContextAsync(registry.BaseAddress);
        var applicant = await applicantContext.NewPageAsync();
        var applicantJourney = new Journey(applicant, registry.Provider);
        await applicantJourney.SignInAsync("applicant2@demo.dataip.cn");
        await applicant.GotoAsync("/applications");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "药品流通追溯数据集" }).ClickAsync();
        var notice = applicant.GetByRole(AriaRole.Region, new() { Name = "补正要求" });
        await Expect(notice).ToContainTextAsync("请补充数据来源的授权证明。");
        await Expect(notice).ToContainTextAsync("补正截止日");
        await Expect(applicant.GetByRole(AriaRole.Button, new() { Name = "提交补正" })).ToBeVisibleAsync();
        await applicantJourney.StepAsync("examine-5-applicant-sees-request");
    }
}

/// <summary><see cref="ExaminationJourneyTests"/> on SQLite.</summary>
public sealed class ExaminationJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : ExaminationJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="ExaminationJourneyTests"/> on PostgreSQL.</summary>
public sealed class ExaminationJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : ExaminationJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
