using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Rights;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// A pledge's release on a court order from the registration's page (/registrations/{n}), on SQLite
/// and PostgreSQL: an examiner of the registration's body is offered a form for each registered
/// pledge (the order's number, the court, the order's date, the order, the reasons); a form missing
/// any of them, with an order of the wrong type, a date after today or before 1949-10-01 or a
/// court's name with a line break, answers 400 with the error summary and writes nothing; a complete one
/// runs the API's release (CourtOrderRelease) and ends on the confirmation page; the pledge is gone
/// from the register and its pledgee is told. The holder, the pledgee bank, another applicant and
/// another body's examiner are offered no form, and their forged posts are refused, as is
/// anonymous's, writing nothing.
/// </summary>
public sealed partial class CourtOrderReleasePageTests
{
    private const string Pledged = "深圳市城市交通流量数据集";
    private const string OrderNumber = "（2026）粤03民初123号";
    private const string Court = "深圳市中级人民法院";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExaminerOfTheBody_ReleasesOnACourtOrder_RefusedFormsWriteNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await RegistrationPageTests.NumberAsync(platform, Pledged);
        var page = $"/registrations/{number}";
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var html = await examiner.GetStringAsync(page);
        var pledge = Assert.Single(Releases(html));
        var before = await WritesAsync(platform);

        using var empty = await PostAsync(examiner, page, pledge, null, null, null, court: null, date: null);
        var emptyHtml = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        using var noOrder = await PostAsync(examiner, page, pledge, OrderNumber, null, "法院裁定解除质押。");
        var noOrderHtml = WebUtility.HtmlDecode(await noOrder.Content.ReadAsStringAsync());
        using var wrongType = await PostAsync(examiner, page, pledge, OrderNumber, ("order.txt", "not a court order"u8.ToArray()), "法院裁定解除质押。");
        var wrongTypeHtml = WebUtility.HtmlDecode(await wrongType.Content.ReadAsStringAsync());
        using var tooLong = await PostAsync(examiner, page, pledge, new string('号', 101), ("order.pdf", Pdf), "法院裁定解除质押。");
        var tooLongHtml = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        var tomorrow = DataIp.Domain.Calendar.ChinaTime.ToChinaDate(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var future = await PostAsync(examiner, page, pledge, OrderNumber, ("order.pdf", Pdf), "法院裁定解除质押。", date: tomorrow);
        var futureHtml = WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync());
        using var early = await PostAsync(examiner, page, pledge, OrderNumber, ("order.pdf", Pdf), "法院裁定解除质押。", court: "深圳市\n中级人民法院", date: "1949-09-30");
        var earlyHtml = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync());
        var afterRefusals = await WritesAsync(platform);
        using var released = await PostAsync(examiner, page, pledge, OrderNumber, ("order.pdf", Pdf), "人民法院裁定解除该质押。");
        var done = WebUtility.HtmlDecode(await examiner.GetStringAsync(released.RedirectTarget()));
        var record = WebUtility.HtmlDecode(await platform.CookieClient().GetStringAsync(page));
        var examinerAfter = await examiner.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<title>错误：", emptyHtml);
        Assert.Contains($"<a href=\"#release-{pledge}-number\">请填写裁判文书的案号。</a>", emptyHtml);
        Assert.Contains($"<a href=\"#release-{pledge}-order\">请上传法院裁判文书。</a>", emptyHtml);
        Assert.Contains($"<a href=\"#release-{pledge}-reason\">请说明解除质押的理由。</a>", emptyHtml);
        Assert.Contains($"<a href=\"#release-{pledge}-court\">请填写作出裁判的法院。</a>", emptyHtml);
        Assert.Contains($"<a href=\"#release-{pledge}-date\">请填写裁判文书的作出日期。</a>", emptyHtml);
        Assert.Contains($"<label for=\"release-{pledge}-court\">作出裁判的法院</label>", emptyHtml);
        Assert.Contains($"id=\"release-{pledge}-date\" name=\"Release.Date\" type=\"date\"", emptyHtml);
        Assert.Contains($"<details class=\"act\" open=\"open\" data-act=\"ReleasePledge\" data-pledge=\"{pledge}\"", emptyHtml); // the posted form stays open
        Assert.Equal(HttpStatusCode.BadRequest, noOrder.StatusCode);
        Assert.Contains($"value=\"{OrderNumber}\"", noOrderHtml); // what was typed is kept
        Assert.Contains("法院裁定解除质押。</textarea>", noOrderHtml);
        Assert.DoesNotContain($"href=\"#release-{pledge}-number\"", noOrderHtml);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains($"<a href=\"#release-{pledge}-order\">未能办理：「order.txt」是 纯文本 文件，这里只接受 PDF、PNG或JPEG 文件。</a>", wrongTypeHtml);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains($"<a href=\"#release-{pledge}-number\">未能办理：", tooLongHtml);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains($"<a href=\"#release-{pledge}-date\">未能办理：裁判文书的日期", futureHtml);
        Assert.Contains($"value=\"{tomorrow}\"", futureHtml); // what was typed is kept
        Assert.Contains($"value=\"{Court}\"", futureHtml);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains($"<a href=\"#release-{pledge}-date\">未能办理：裁判文书的日期不能早于 1949年10月1日。</a>", earlyHtml); // both fields, each linked
        Assert.Contains($"<a href=\"#release-{pledge}-court\">未能办理：法院名称须为一行文字，不含控制字符。</a>", earlyHtml);
        Assert.Equal(before, afterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Matches($"^/registrations/{number}/done/[0-9a-f-]{{36}}$", released.RedirectTarget());
        Assert.Contains($"质押 {pledge} 已依{Court}2026年1月5日作出的裁判文书（案号 {OrderNumber}）解除", done);
        Assert.Contains("质权人已收到通知", done);
        Assert.Contains("data-pledges=\"0\"", record); // no encumbrance left in the public record
        Assert.DoesNotContain("data-legal-status=\"Pledged\"", record);
        Assert.Contains("人民法院裁定解除该质押。", record); // the reasons are public, in the registration's history
        Assert.Contains($"{Court}2026年1月5日作出的裁判文书（案号 {OrderNumber}）", record); // and the court order: its court, date and number
        Assert.Contains($"data-court-release=\"{pledge}\"", examinerAfter); // the register of rights shows the released pledge's order to its parties
        Assert.Empty(Releases(examinerAfter));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var stored = await db.Pledges.SingleAsync(p => p.Number == pledge);
        Assert.Equal((PledgeStatus.Released, OrderNumber, Court, new DateOnly(2026, 1, 5)), (stored.Status, stored.CourtOrderNumber, stored.CourtName, stored.CourtOrderDate));
        Assert.NotNull(await db.Attachments.SingleOrDefaultAsync(a => a.Id == stored.CourtOrderAttachmentId));
        var bank = await db.Users.SingleAsync(u => u.Email == DemoSeeder.BankEmail);
        Assert.True(await db.Notifications.AnyAsync(n => n.AccountId == bank.Id && n.Kind == "releasePledge"), "the pledgee is told of the release");
    }

    // The holder, the pledgee itself (it releases from its desk, without a court order), another applicant, another body's examiner, anonymous.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OthersThanTheBodysExaminers_AreOfferedNoFormAndRefused_NothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await RegistrationPageTests.NumberAsync(platform, Pledged);
        var page = $"/registrations/{number}";
        var pledge = Assert.Single(Releases(await (await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password)).GetStringAsync(page)));
        var others = new Dictionary<string, HttpClient>
        {
            ["holder"] = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password),
            ["bank"] = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password),
            ["applicant2"] = await platform.SignedInAsync(DemoSeeder.Applicants[1].Email, DemoSeeder.Password),
            ["examiner.4400"] = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password),
        };
        var before = await WritesAsync(platform);
        var failures = new List<string>();

        foreach (var (who, client) in others)
        {
            if (Releases(await client.GetStringAsync(page)).Count > 0)
            {
                failures.Add($"{who} is offered a court-order release");
            }

            using var response = await PostAsync(client, page, pledge, OrderNumber, ("order.pdf", Pdf), "伪造的解除。");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("未能办理：只有本登记所属登记机构的审查员", StringComparison.Ordinal))
            {
                failures.Add($"{who}: {(int)response.StatusCode}");
            }
        }

        using var anonymous = await PostAsync(platform.CookieClient(), page, pledge, OrderNumber, ("order.pdf", Pdf), "伪造的解除。");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.RedirectTarget(), StringComparison.Ordinal);
        Assert.Empty(Releases(await platform.CookieClient().GetStringAsync(page)));
        Assert.Equal(before, await WritesAsync(platform));
    }

    /// <summary>The pledges a page offers to release on a court order, in order.</summary>
    internal static List<string> Releases(string html) => [.. ReleaseForm().Matches(html).Select(m => m.Groups[1].Value)];

    // Posts the release form as a browser does (multipart, with the page's antiforgery token, or the sign-in page's for a client offered no form).
    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string pledge, string? orderNumber, (string Name, byte[] Content)? order, string? reason, string? court = Court, string? date = "2026-01-05")
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html) is { Success: true } m ? m.Groups[1].Value : await SignInForm.AntiforgeryTokenAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(pledge), "Release.Pledge" },
            { new StringContent(orderNumber ?? ""), "Release.Number" },
            { new StringContent(court ?? ""), "Release.Court" },
            { new StringContent(date ?? ""), "Release.Date" },
            { new StringContent(reason ?? ""), "Reason" },
        };
        if (order is { } file)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.Name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "text/plain");
            form.Add(content, "Release.Order", file.Name);
        }

        return await client.PostAsync($"{page}?handler=Release", form);
    }

    private static async Task<string> WritesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return string.Join(", ", await db.Acts.CountAsync(), await db.Attachments.CountAsync(), await db.Notifications.CountAsync(),
            string.Join("/", await db.Pledges.OrderBy(p => p.Number).Select(p => p.Status).ToListAsync()),
            string.Join("/", await db.Applications.OrderBy(a => a.Id).Select(a => a.Version).ToListAsync()));
    }

    [GeneratedRegex("<details class=\"act\"[^>]*data-act=\"ReleasePledge\" data-pledge=\"([^\"]+)\"")]
    private static partial Regex ReleaseForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
