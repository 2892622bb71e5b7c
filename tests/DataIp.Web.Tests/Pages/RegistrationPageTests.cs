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
/// A registration's page (/registrations/{n}) on the demo, on SQLite and PostgreSQL: anyone reads
/// its public record and nothing private; its holder records a licence, files a pledge, proposes a
/// transfer that the transferee accepts, asks for a change that the body's examiner approves,
/// renews in the renewal window and cancels, each through the API's use case, ending on a
/// confirmation page; a refused form shows the error summary and writes nothing; strangers are
/// offered no form and are refused each post.
/// </summary>
public sealed partial class RegistrationPageTests
{
    private const string Pledged = "深圳市城市交通流量数据集";
    private const string Renewed = "深圳市公交客流数据集";
    private const string Transferred = "广东省医疗健康诊疗数据集";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Anonymous_ReadsTheRecord_PublicDataOnlyAndNoForms(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var pledged = await NumberAsync(platform, Pledged);
        var transferred = await NumberAsync(platform, Transferred);
        var anonymous = platform.CookieClient();
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/registrations/{pledged}"));
        var transferPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/registrations/{transferred}"));
        var holderPage = WebUtility.HtmlDecode(await holder.GetStringAsync($"/registrations/{pledged}"));
        using var unknown = await anonymous.GetAsync("/registrations/2025114000000001X");

        Assert.Contains(Pledged, page);
        Assert.Contains(pledged, page);
        Assert.Contains("data-legal-status=\"Pledged\"", page);
        Assert.Contains("中国示范银行", page); // the pledgee of the registered pledge is public
        Assert.Contains("data-licences=\"2\"", page);
        Assert.Matches("href=\"/verify/\\d{17}\"", page);
        Assert.Matches("href=\"/api/v1/log/entries/\\d+\"", page);
        Assert.DoesNotContain("DBC-SZ-", page); // the pledge contract's number is the parties'
        Assert.DoesNotContain("91440300MA5G100", page); // the licensees' credit codes are private
        Assert.DoesNotContain("/pdf\"", page);
        Assert.DoesNotContain("<details class=\"act\"", page);
        Assert.DoesNotContain("GDDA-", transferPage); // the transfer contract, the reason of the offer, is private
        Assert.Contains("data-act=\"acceptTransfer\"", transferPage); // but that it was accepted is public
        Assert.Contains("DBC-SZ-", holderPage);
        Assert.Contains("91440300MA5G100", holderPage);
        Assert.Contains("/pdf\"", holderPage);
        Assert.Equal(["RecordLicence", "FilePledge", "ProposeTransfer", "RequestChange", "Cancel"], Offered(holderPage));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Holder_RecordsALicenceAndFilesAPledge_RefusedInputWritesNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Pledged);
        var page = $"/registrations/{number}";
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (start, end) = (today.ToString("yyyy-MM-dd"), today.AddMonths(6).ToString("yyyy-MM-dd"));
        var before = await WritesAsync(platform);

        using var noName = await PostAsync(holder, page, "Licence", Licence("", start, end));
        var noNameHtml = WebUtility.HtmlDecode(await noName.Content.ReadAsStringAsync());
        using var badDay = await PostAsync(holder, page, "Licence", Licence("矩阵被许可有限公司", "2026-13-40", end));
        var badDayHtml = WebUtility.HtmlDecode(await badDay.Content.ReadAsStringAsync());
        using var unknownBank = await PostAsync(holder, page, "Pledge", Pledge("nobody@demo.dataip.cn", start, end));
        var unknownBankHtml = WebUtility.HtmlDecode(await unknownBank.Content.ReadAsStringAsync());
        var afterRefusals = await WritesAsync(platform);
        using var licensed = await PostAsync(holder, page, "Licence", Licence("深圳市测试被许可有限公司", start, end));
        var licensedDone = await holder.GetStringAsync(licensed.RedirectTarget());
        using var pledged = await PostAsync(holder, page, "Pledge", Pledge(DemoSeeder.BankEmail, start, end));
        var pledgedDone = await holder.GetStringAsync(pledged.RedirectTarget());
        var after = WebUtility.HtmlDecode(await holder.GetStringAsync(page));

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("<title>错误：", noNameHtml);
        Assert.Contains("<a href=\"#licence-licenseeName\">未能办理：", noNameHtml);
        Assert.Contains("value=\"中国大陆\"", noNameHtml); // what was typed is kept
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("<a href=\"#licence-startsOn\">请按 年-月-日 填写日期", badDayHtml);
        Assert.Equal(HttpStatusCode.BadRequest, unknownBank.StatusCode);
        Assert.Contains("<a href=\"#pledge-pledgeeEmail\">平台上没有使用该电子邮箱的质权人账户。</a>", unknownBankHtml);
        Assert.Equal(before, afterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, licensed.StatusCode);
        Assert.Matches($"^/registrations/{number}/done/[0-9a-f-]{{36}}$", licensed.RedirectTarget());
        Assert.Contains($"许可 {number}-L003 已登记", licensedDone);
        Assert.Contains($"质押 {number}-P002 已提交，等待 中国示范银行", pledgedDone);
        Assert.Contains("深圳市测试被许可有限公司", after);
        Assert.Contains("待确认", after); // the pledge awaits the bank
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Holder_ProposesATransfer_TransfereeAcceptsOnThePage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Renewed);
        var page = $"/registrations/{number}";
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var transferee = await platform.SignedInAsync(DemoSeeder.Applicants[2].Email, DemoSeeder.Password);

        using var toSelf = await PostAsync(holder, page, "Transfer", new() { ["Transfer.TransfereeEmail"] = DemoSeeder.Applicants[0].Email });
        var toSelfHtml = WebUtility.HtmlDecode(await toSelf.Content.ReadAsStringAsync());
        using var proposed = await PostAsync(holder, page, "Transfer", new() { ["Transfer.TransfereeEmail"] = DemoSeeder.Applicants[2].Email, ["Transfer.Reason"] = "转让合同 TEST-1" });
        var proposedDone = await holder.GetStringAsync(proposed.RedirectTarget());
        var transfereePage = await transferee.GetStringAsync(page);
        var item = ItemOf(transfereePage, "AcceptTransfer");
        using var accepted = await PostAsync(transferee, page, "Item", new() { ["Trigger"] = "AcceptTransfer", ["Item"] = item });
        var acceptedDone = await transferee.GetStringAsync(accepted.RedirectTarget());
        var list = WebUtility.HtmlDecode(await transferee.GetStringAsync("/registrations"));
        var formerHolderPage = await holder.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, toSelf.StatusCode);
        Assert.Contains("<a href=\"#transfer-transfereeEmail\">未能办理：", toSelfHtml);
        Assert.Contains("等待 上海市金融数据服务有限公司 接受", proposedDone);
        Assert.Equal(["AcceptTransfer", "DeclineTransfer"], ItemTriggers(transfereePage));
        Assert.Empty(Offered(transfereePage)); // not a holder yet
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains($"转让 {item} 已生效", acceptedDone);
        Assert.Contains($"href=\"/registrations/{number}\"", list);
        Assert.Empty(Offered(formerHolderPage));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Holder_RequestsAChange_ExaminerOfTheBodyApprovesIt_NewCertificate(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Renewed);
        var page = $"/registrations/{number}";
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var otherBody = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password);

        using var nothing = await PostAsync(holder, page, "Change", new() { ["Change.Reason"] = "无" });
        using var requested = await PostAsync(holder, page, "Change", new() { ["Change.DataName"] = "深圳市公交客流数据集（2025版）", ["Change.UpdateFrequency"] = "Daily" });
        var holderAfter = await holder.GetStringAsync(page);
        var examinerPage = await examiner.GetStringAsync(page);
        var otherPage = await otherBody.GetStringAsync(page);
        var examinerQueue = await examiner.GetStringAsync("/applications");
        var otherQueue = await otherBody.GetStringAsync("/applications");
        var change = ItemOf(examinerPage, "ApproveChange");
        using var strangerApproves = await PostAsync(otherBody, page, "Item", new() { ["Trigger"] = "ApproveChange", ["Item"] = change });
        using var noReasons = await PostAsync(examiner, page, "Item", new() { ["Trigger"] = "RefuseChange", ["Item"] = change, ["Reason"] = " " });
        var noReasonsHtml = WebUtility.HtmlDecode(await noReasons.Content.ReadAsStringAsync());
        using var approved = await PostAsync(examiner, page, "Item", new() { ["Trigger"] = "ApproveChange", ["Item"] = change });
        var done = await examiner.GetStringAsync(approved.RedirectTarget());
        var record = WebUtility.HtmlDecode(await platform.CookieClient().GetStringAsync(page));
        var queueAfter = await examiner.GetStringAsync("/applications");

        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.DoesNotContain("RequestChange", Offered(holderAfter)); // one request waits at a time
        Assert.Equal(["ApproveChange", "RefuseChange"], ItemTriggers(examinerPage));
        Assert.Contains($"<li data-change-waiting=\"{number}\"><a class=\"code\" href=\"{page}\">", examinerQueue); // the body's work list leads to it
        Assert.DoesNotContain("data-change-waiting=", otherQueue);
        Assert.Empty(ItemTriggers(otherPage));
        Assert.DoesNotContain("data-change=", otherPage);
        Assert.Equal(HttpStatusCode.Forbidden, strangerApproves.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Contains($"<a href=\"#item-RefuseChange-{change}\">请说明驳回变更的理由。</a>", noReasonsHtml);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Matches("新证书 \\d{17} 已颁发", done);
        Assert.Contains("深圳市公交客流数据集（2025版）", record);
        Assert.DoesNotContain("data-change-waiting=", queueAfter); // decided: no longer waiting
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Holder_RenewsInTheWindowThenCancels_WithAReason(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Renewed);
        DateOnly validUntil;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            validUntil = (await db.Applications.SingleAsync(a => a.RegistrationNumber == number)).ValidUntil!.Value;
        }

        var page = $"/registrations/{number}";
        var before = Offered(await (await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password)).GetStringAsync(page));
        // Thirty days before validity ends, in the renewal window.
        await platform.SetTimeAsync(new DateTimeOffset(validUntil.AddDays(-30).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
        var holder = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var inWindow = Offered(await holder.GetStringAsync(page));
        using var renewed = await PostAsync(holder, page, "Renew", []);
        var renewedDone = await holder.GetStringAsync(renewed.RedirectTarget());
        using var noReason = await PostAsync(holder, page, "Cancel", new() { ["Reason"] = "" });
        var noReasonHtml = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        using var cancelled = await PostAsync(holder, page, "Cancel", new() { ["Reason"] = "数据停止运营。" });
        var cancelledDone = await holder.GetStringAsync(cancelled.RedirectTarget());
        var after = await platform.CookieClient().GetStringAsync(page);

        Assert.DoesNotContain("Renew", before);
        Assert.Contains("Renew", inWindow);
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        Assert.Contains("登记已续展，有效期至", renewedDone);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("<a href=\"#cancel-reason\">请说明注销登记的理由。</a>", noReasonHtml);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("登记已注销", cancelledDone);
        Assert.Contains("data-legal-status=\"Cancelled\"", after);
    }

    // Strangers to the registration: another applicant, another body's examiner, a bank with no pledge on it, anonymous.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Strangers_AreOfferedNoFormAndRefusedEachPost_NothingWritten(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Renewed);
        var page = $"/registrations/{number}";
        var strangers = new Dictionary<string, HttpClient>
        {
            ["applicant2"] = await platform.SignedInAsync(DemoSeeder.Applicants[1].Email, DemoSeeder.Password),
            ["examiner.4400"] = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password),
            ["bank"] = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password),
        };
        var anonymous = platform.CookieClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var posts = new (string Handler, Dictionary<string, string> Fields)[]
        {
            ("Licence", Licence("陌生人有限公司", today, today)),
            ("Pledge", Pledge(DemoSeeder.BankEmail, today, today)),
            ("Transfer", new() { ["Transfer.TransfereeEmail"] = DemoSeeder.Applicants[1].Email }),
            ("Change", new() { ["Change.DataName"] = "被篡改的名称" }),
            ("Renew", []),
            ("Cancel", new() { ["Reason"] = "陌生人注销" }),
        };
        var before = await WritesAsync(platform);
        var failures = new List<string>();

        foreach (var (who, client) in strangers)
        {
            var html = await client.GetStringAsync(page);
            if (Offered(html).Count > 0 || ItemTriggers(html).Count > 0)
            {
                failures.Add($"{who} is offered {string.Join(", ", Offered(html).Concat(ItemTriggers(html)))}");
            }

            // A bank may file a pledge naming itself, for the holder to confirm, as in the API: that is the bank's own act, not a stranger's.
            foreach (var (handler, fields) in posts.Where(p => !(who == "bank" && p.Handler == "Pledge")))
            {
                using var response = await PostAsync(client, page, handler, fields);
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                if ((int)response.StatusCode is not (403 or 404 or 409) || !body.Contains("未能办理：", StringComparison.Ordinal))
                {
                    failures.Add($"{who} {handler}: {(int)response.StatusCode}");
                }
            }
        }

        foreach (var (handler, fields) in posts)
        {
            using var response = await PostAsync(anonymous, page, handler, fields);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.RedirectTarget().StartsWith("/account/sign-in", StringComparison.Ordinal))
            {
                failures.Add($"anonymous {handler}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await WritesAsync(platform));
    }

    internal static async Task<string> NumberAsync(RegistryFactory platform, string dataName)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Applications.Where(a => a.DataName == dataName).Select(a => a.RegistrationNumber!).SingleAsync();
    }

    private static Dictionary<string, string> Licence(string name, string start, string end) => new()
    {
        ["NewLicence.LicenseeName"] = name,
        ["NewLicence.Kind"] = "nonExclusive",
        ["NewLicence.Rights"] = "holding",
        ["NewLicence.Scope"] = "内部研究",
        ["NewLicence.Territory"] = "中国大陆",
        ["NewLicence.StartsOn"] = start,
        ["NewLicence.EndsOn"] = end,
    };

    private static Dictionary<string, string> Pledge(string bank, string start, string end) => new()
    {
        ["Pledge.PledgeeEmail"] = bank,
        ["Pledge.ContractNumber"] = "TEST-ZY-0009",
        ["Pledge.SecuredAmount"] = "1000000.00",
        ["Pledge.Currency"] = "CNY",
        ["Pledge.StartsOn"] = start,
        ["Pledge.EndsOn"] = end,
        ["Pledge.Rights"] = "holding",
    };

    // Posts a form of the page as a browser would, with the antiforgery token of the page (or, for a client offered no form, of the sign-in page).
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html) is { Success: true } m ? m.Groups[1].Value : await SignInForm.AntiforgeryTokenAsync(client);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(body));
    }

    /// <summary>The acts on the registration a page offers, by each form's marker, in order.</summary>
    internal static List<string> Offered(string html) => [.. OfferedAct().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> ItemTriggers(string html) => [.. ItemTrigger().Matches(html).Select(m => m.Groups[1].Value)];

    private static string ItemOf(string html, string trigger) =>
        Regex.Match(html, $"name=\"Trigger\" value=\"{trigger}\">\\s*<input type=\"hidden\" name=\"Item\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<string> WritesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return string.Join(", ", await db.Acts.CountAsync(), await db.Licences.CountAsync(), await db.Pledges.CountAsync(), await db.Transfers.CountAsync(),
            await db.ChangeRequests.CountAsync(), string.Join("/", await db.Applications.OrderBy(a => a.Id).Select(a => a.Version).ToListAsync()));
    }

    [GeneratedRegex("<details class=\"act\"[^>]*data-act=\"([A-Za-z]+)\"")]
    private static partial Regex OfferedAct();

    [GeneratedRegex("<input type=\"hidden\" name=\"Trigger\" value=\"([A-Za-z]+)\">")]
    private static partial Regex ItemTrigger();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
