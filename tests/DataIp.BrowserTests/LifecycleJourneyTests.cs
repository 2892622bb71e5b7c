using System.Text.Json;
using System.Text.RegularExpressions;
using DataIp.BrowserTests.Infrastructure;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataIp.BrowserTests;

/// <summary>
/// The whole lifecycle in the pages, in Chinese, in real Chromium (issue M7, item 9): an applicant
/// drafts over two sittings and hands the draft to a colleague, who submits; the examiner requests
/// a correction; the colleague answers it; the examiner passes the formal examination (Shenzhen
/// examines no substance, so the notice starts); a member of the public objects; the examiner
/// dismisses the objection; the notice ends; the examiner registers; anyone opens the
/// registration's record page and verifies its certificate by typing the number. Each page is
/// checked by <see cref="Journey.StepAsync"/> (axe, 1280 and 375 px, English by the switch). On
/// SQLite and on PostgreSQL.
/// </summary>
public abstract partial class LifecycleJourneyTests(DemoRegistry registry, Chromium chromium)
{
    private const string DataName = "城市道路停车泊位数据集";

    [Fact]
    public async Task Application_FromTwoSittingsToAVerifiedCertificate_InThePages()
    {
        var manifestPath = Manifest(registry.Clock);
        try
        {
            var id = await DraftAndHandOverAsync(manifestPath);
            await SubmitAsColleagueAsync(id);
            await RequestCorrectionAsync(id);
            await AnswerCorrectionAsync(id);
            var number = await PassAsync(id);
            await ObjectAsync(number);
            var lastDay = await DismissAsync(id);
            registry.Clock.SetUtcNow(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
            var registration = await RegisterAsync(id);
            await VerifyFromTheRecordAsync(registration);
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    // First sitting: a new application and two sections; second sitting: the rest, then handed over.
    private async Task<string> DraftAndHandOverAsync(string manifestPath)
    {
        string id;
        await using (var first = await chromium.NewContextAsync(registry.BaseAddress))
        {
            var journey = new Journey(await first.NewPageAsync(), registry.Provider);
            var page = journey.Page;
            await journey.SignInAsync("applicant1@demo.dataip.cn");
            await page.GotoAsync("/applications");
            await page.GetByRole(AriaRole.Link, new() { Name = "新建登记申请" }).ClickAsync();
            await journey.StepAsync("lifecycle-01-new");
            await page.GetByLabel("登记机构").SelectOptionAsync("4403");
            await page.GetByLabel("数据名称").FillAsync(DataName);
            await page.GetByRole(AriaRole.Button, new() { Name = "创建申请" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DataName, Level = 1 })).ToBeVisibleAsync();
            id = DraftId().Match(page.Url).Groups[1].Value;
            await journey.StepAsync("lifecycle-02-task-list");

            await SectionAsync(journey, id, "applicant", new()
            {
                ["Fields.Name"] = "深圳市数智交通科技有限公司",
                ["Fields.RegistrantType"] = "Enterprise",
                ["Fields.CreditCode"] = CreditCode,
                ["Fields.RegionCode"] = "440300",
                ["Fields.Address"] = "深圳市南山区科技园",
                ["Fields.ContactPerson"] = "李明",
                ["Fields.ContactPhone"] = "0755-8888 8888",
                ["Fields.ContactEmail"] = "liming@example.cn",
            }, step: "lifecycle-03-applicant");
            await SectionAsync(journey, id, "description", new()
            {
                ["Fields.IndustryCode"] = "I65",
                ["Fields.DataFormat"] = "csv",
                ["Fields.Structure[0].Name"] = "berth_id",
                ["Fields.Structure[0].Type"] = "string",
                ["Fields.Structure[0].Description"] = "泊位编号",
                ["Fields.Records"] = "1200000",
                ["Fields.Bytes"] = "300000000",
                ["Fields.UpdateFrequency"] = "Daily",
                ["Fields.ProcessingRules"] = "按 5 分钟聚合泊位占用，去除车牌等个人信息。",
                ["Fields.InnovationStatement"] = "融合地磁与视频识别数据。",
                ["Fields.ProductSummary"] = "城市停车诱导数据产品。",
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        }

        await using var second = await chromium.NewContextAsync(registry.BaseAddress);
        var resumed = new Journey(await second.NewPageAsync(), registry.Provider);
        await resumed.SignInAsync("applicant1@demo.dataip.cn");
        await resumed.Page.GotoAsync("/applications");
        await resumed.Page.GetByRole(AriaRole.Link, new() { Name = DataName }).ClickAsync();
        await resumed.Page.GetByRole(AriaRole.Link, new() { Name = "继续填写申请" }).ClickAsync();
        await Expect(resumed.Page.Locator("#status-applicant")).ToHaveTextAsync("已完成");
        await SectionAsync(resumed, id, "source", new() { ["Fields.DataSourceType"] = "SelfGenerated", ["Fields.DataSourceDescription"] = "自有路侧地磁和视频终端采集。" });
        await SectionAsync(resumed, id, "scenarios", new() { ["Fields.Scenarios"] = "停车诱导\n城市交通规划" });
        await SectionAsync(resumed, id, "rights", new()
        {
            ["Fields.Rights[0].Claimed"] = "true",
            ["Fields.Rights[0].Basis"] = "SelfGenerated",
            ["Fields.Rights[1].Claimed"] = "true",
            ["Fields.Rights[1].Basis"] = "SelfGenerated",
        });
        await SectionAsync(resumed, id, "evidence", new() { ["Fields.EvidenceReference"] = "BQ-2026-0310" }, ("Manifest", manifestPath), "lifecycle-04-evidence");
        await SectionAsync(resumed, id, "declarations", new() { ["Fields.LawfulSource"] = "true", ["Fields.Authenticity"] = "true", ["Fields.PersonalInformation"] = "Desensitised" });

        await resumed.Page.GetByLabel("同事的账户邮箱").FillAsync("colleague1@demo.dataip.cn");
        await resumed.Page.GetByLabel("说明（可不填）").FillAsync("请赵强核对后提交。");
        await resumed.Page.GetByRole(AriaRole.Button, new() { Name = "交给同事" }).ClickAsync();
        await Expect(resumed.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("移交申请");
        await Expect(resumed.Page.GetByText("申请已交给")).ToContainTextAsync("深圳市数智交通科技有限公司");
        await resumed.StepAsync("lifecycle-05-handed-over");
        return id;
    }

    private async Task SubmitAsColleagueAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("colleague1@demo.dataip.cn");
        await page.GotoAsync("/applications");
        await page.GetByRole(AriaRole.Link, new() { Name = DataName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "继续填写申请" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "核对申请信息" }).ClickAsync();
        await journey.StepAsync("lifecycle-06-check-answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("提交申请");
        await Expect(page.GetByText(new Regex("登记机构已收到申请 SQ4403"))).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-07-submitted");
        Assert.Contains($"/applications/{id}/done/", page.Url, StringComparison.Ordinal);
    }

    private async Task RequestCorrectionAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("examiner.4403@demo.dataip.cn");
        await page.GotoAsync("/applications");
        await journey.StepAsync("lifecycle-08-work-list");
        await page.GetByRole(AriaRole.Link, new() { Name = DataName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始形式审查" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "返回申请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审查要点" })).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-09-examination-file");
        await page.Locator("#act-RequestCorrection").FillAsync("请补充数据来源说明中地磁终端的布设范围。");
        await page.GetByRole(AriaRole.Button, new() { Name = "要求补正" }).ClickAsync();
        await Expect(page.GetByText(new Regex("申请人须在 \\d{4}年\\d{1,2}月\\d{1,2}日 前提交补正"))).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-10-correction-requested");
    }

    private async Task AnswerCorrectionAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("colleague1@demo.dataip.cn");
        await page.GotoAsync($"/applications/{id}");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "补正要求" })).ToContainTextAsync("地磁终端的布设范围");
        await page.GetByRole(AriaRole.Link, new() { Name = "补正申请内容" }).ClickAsync();
        await journey.StepAsync("lifecycle-11-correction-task-list");
        await SectionAsync(journey, id, "source", new() { ["Fields.DataSourceDescription"] = "自有路侧地磁和视频终端采集，布设于福田、南山两区 1,200 个泊位。" });
        await page.GetByRole(AriaRole.Link, new() { Name = "核对申请信息" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Expect(page.GetByText("补正已提交")).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-12-resubmitted");
    }

    // Returns the application number the notice is published under.
    private async Task<string> PassAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("examiner.4403@demo.dataip.cn");
        await page.GotoAsync($"/applications/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过形式审查" }).ClickAsync();
        await Expect(page.GetByText(new Regex("公示期至 \\d{4}年"))).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-13-notice-started");
        return (await page.Locator(".panel .code").InnerTextAsync()).Trim();
    }

    private async Task ObjectAsync(string number)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await page.GotoAsync("/notices");
        await page.GetByRole(AriaRole.Link, new() { Name = DataName }).ClickAsync();
        await Expect(page.GetByText(number)).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-14-notice");
        await page.GetByLabel("姓名或单位名称").FillAsync("孙八");
        await page.GetByLabel("联系方式").FillAsync("sun8@example.cn");
        await page.GetByLabel("异议理由").FillAsync("该数据集包含本公司布设的地磁终端采集的数据。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "异议已提交" })).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-15-objection-filed");
    }

    // Returns the notice's last day.
    private async Task<DateOnly> DismissAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("examiner.4403@demo.dataip.cn");
        await page.GotoAsync($"/applications/{id}");
        var objection = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "孙八" });
        await Expect(objection).ToContainTextAsync("sun8@example.cn");
        await objection.GetByLabel("异议不成立（继续公示）：理由").FillAsync("异议人未能证明其对该数据享有权益。");
        await objection.GetByRole(AriaRole.Button, new() { Name = "异议不成立（继续公示）" }).ClickAsync();
        await Expect(page.GetByText("异议不成立，公示继续")).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-16-objection-dismissed");

        using var api = registry.CreateClient();
        var notices = await api.GetStringAsync("/api/v1/notices");
        var notice = JsonDocument.Parse(notices).RootElement.EnumerateArray().Single(n => n.GetProperty("dataName").GetString() == DataName);
        return DateOnly.Parse(notice.GetProperty("noticeLastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    // Returns the registration number.
    private async Task<string> RegisterAsync(string id)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await journey.SignInAsync("examiner.4403@demo.dataip.cn");
        await page.GotoAsync($"/applications/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "准予登记并颁发证书" }).ClickAsync();
        var next = page.Locator("[data-next]");
        await Expect(next).ToContainTextAsync("已颁发");
        await journey.StepAsync("lifecycle-17-registered");
        return RegistrationNumber().Match(await next.InnerTextAsync()).Value;
    }

    private async Task VerifyFromTheRecordAsync(string registration)
    {
        await using var context = await chromium.NewContextAsync(registry.BaseAddress);
        var journey = new Journey(await context.NewPageAsync(), registry.Provider);
        var page = journey.Page;
        await page.GotoAsync($"/registrations/{registration}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DataName, Level = 1 })).ToBeVisibleAsync();
        await journey.StepAsync("lifecycle-18-record");
        var certificate = CertificateNumber().Match(await page.Locator("main").InnerTextAsync()).Value;
        Assert.False(string.IsNullOrEmpty(certificate), "the record page shows no certificate number");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "证书查验" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "证书编号", Exact = true }).FillAsync(certificate);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator(".cert-status")).ToContainTextAsync("有效");
        await journey.StepAsync("lifecycle-19-verified");
    }

    // Opens a section from the task list, answers it and saves; back on the task list, the section is not "not started".
    private static async Task SectionAsync(Journey journey, string id, string section, Dictionary<string, string> answers, (string Name, string Path)? file = null, string? step = null)
    {
        var page = journey.Page;
        await page.Locator($"a[href='/applications/{id}/draft/{section}']").First.ClickAsync();
        await journey.FillAsync(answers);

        if (file is { } upload)
        {
            await page.Locator($"[name='{upload.Name}']").SetInputFilesAsync(upload.Path);
        }

        if (step is not null)
        {
            await journey.StepAsync(step + "-form", switchLanguage: false);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{id}/draft$"));
        await Expect(page.Locator($"#status-{section}")).Not.ToHaveTextAsync("未开始");
    }

    // The manifest `dataip fingerprint --rows csv` writes for a small dataset, at the platform's time.
    private static string Manifest(TimeProvider clock)
    {
        var directory = Directory.CreateTempSubdirectory("dataip-journey-");
        var data = Path.Combine(directory.FullName, "parking.csv");
        File.WriteAllText(data, "泊位,时间,占用\nFT-0001,2026-03-01T08:00,1\nNS-0002,2026-03-01T08:05,0\n");
        var manifest = Fingerprinter.FingerprintRows(data, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), clock, "dataip journey");
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, FingerprintJson.WriteManifest(manifest));
        directory.Delete(recursive: true);
        return path;
    }

    // Applicant 1's organisation (the demo pads its code's stem with 0 and adds the GB 32100 check character).
    private static string CreditCode => "91440300MA5G00010" + UnifiedSocialCreditCode.ComputeCheckCharacter("91440300MA5G00010");

    [GeneratedRegex("/applications/([0-9a-f-]{36})/draft")]
    private static partial Regex DraftId();

    [GeneratedRegex("(?<![0-9])[0-9]{15}[0-9X](?![0-9X])")]
    private static partial Regex RegistrationNumber();

    [GeneratedRegex("(?<![0-9])[0-9]{6}4403[0-9]{7}(?![0-9])")]
    private static partial Regex CertificateNumber();
}

/// <summary><see cref="LifecycleJourneyTests"/> on SQLite.</summary>
public sealed class LifecycleJourneyOnSqliteTests(DemoRegistry registry, Chromium chromium)
    : LifecycleJourneyTests(registry, chromium), IClassFixture<DemoRegistry>;

/// <summary><see cref="LifecycleJourneyTests"/> on PostgreSQL.</summary>
public sealed class LifecycleJourneyOnPostgresTests(PostgresDemoRegistry registry, Chromium chromium)
    : LifecycleJourneyTests(registry, chromium), IClassFixture<PostgresDemoRegistry>;
