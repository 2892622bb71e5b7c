using System.Net;
using DataIp.Data;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The administrator's forms refuse everyone else: a body's examiner, an applicant, a bank and the
/// anonymous visitor (sent to the access-denied page or to sign in), a body administrator on the
/// national administrator's forms and on another body's policy; and none of their posts writes
/// anything. (Who may open each page is in the authorization matrix.)
/// </summary>
public sealed class AdminAccessTests
{
    private static readonly Dictionary<string, string> Body = new() { ["RegionCode"] = "659001", ["Name"] = "陌生人登记机构" };

    private static readonly Dictionary<string, string> Policy = new()
    {
        ["NoticeLength"] = "1",
        ["NoticeUnit"] = "CalendarDays",
        ["CorrectionLength"] = "1",
        ["CorrectionUnit"] = "CalendarDays",
        ["ValidityYears"] = "1",
        ["RenewalWindowDays"] = "1",
    };

    private static readonly Dictionary<string, string> Year = new()
    {
        ["Year"] = "2041",
        ["Source"] = "国务院办公厅关于2041年部分节假日安排的通知",
        ["Holidays"] = "2041-01-01 元旦",
        ["WorkingDays"] = "",
    };

    [Fact]
    public async Task AdminPosts_ByStrangers_RefusedAndWriteNothing()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email = "bodyadmin.3100@test.dataip.cn", password = RegistryFactory.Password, displayName = "上海管理员", role = "administrator", bodyCode = "3100" })
            .CreatedAsync();
        var strangers = new Dictionary<string, HttpClient>
        {
            ["examiner.4403"] = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password),
            ["applicant1"] = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password),
            ["bank"] = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password),
            ["anonymous"] = platform.CookieClient(),
        };
        var bodyAdmin = await platform.SignedInAsync("bodyadmin.3100@test.dataip.cn");
        var examinerAccount = (await admin.GetAsync("/api/v1/accounts/?role=examiner&bodyCode=4403").OkAsync()).GetProperty("accounts")[0].Str("id");
        var before = await AdminForm.ActsAsync(platform);
        var failures = new List<string>();

        foreach (var (who, client) in strangers)
        {
            foreach (var (page, fields) in Posts().Concat(AccountPosts(examinerAccount)))
            {
                using var response = await AdminForm.PostAsync(client, page, fields, tokenFrom: "/account/sign-in");
                var target = response.StatusCode == HttpStatusCode.Redirect ? response.RedirectTarget() : "";
                if (!target.StartsWith(who == "anonymous" ? "/account/sign-in" : "/account/access-denied", StringComparison.Ordinal))
                {
                    failures.Add($"{who} POST {page}: {(int)response.StatusCode} {target}");
                }
            }
        }

        foreach (var (page, fields) in new[] { ("/admin/bodies", Body), ("/admin/bodies/4403", Policy), ("/admin/calendars?handler=save", Year) })
        {
            using var response = await AdminForm.PostAsync(bodyAdmin, page, fields, tokenFrom: "/admin");
            var target = response.StatusCode == HttpStatusCode.Redirect ? response.RedirectTarget() : "";
            if (!target.StartsWith("/account/access-denied", StringComparison.Ordinal))
            {
                failures.Add($"bodyAdmin.3100 POST {page}: {(int)response.StatusCode} {target}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await AdminForm.ActsAsync(platform));
    }

    // The accounts' forms, on the Shenzhen examiner's account.
    private static IEnumerable<(string Page, Dictionary<string, string> Fields)> AccountPosts(string account) =>
    [
        ("/admin/accounts/new", new() { ["DisplayName"] = "陌生人", ["Email"] = "stranger@test.dataip.cn", ["Role"] = "Examiner", ["BodyCode"] = "4403", ["Password"] = RegistryFactory.Password }),
        ($"/admin/accounts/{account}?handler=Role", new() { ["NewRole"] = "Pledgee", ["NewBody"] = "", ["Reason"] = "陌生人" }),
        ($"/admin/accounts/{account}?handler=Disable", new() { ["Reason"] = "陌生人" }),
        ($"/admin/accounts/{account}?handler=Enable", new() { ["Reason"] = "陌生人" }),
        ($"/admin/accounts/{account}?handler=Verify", new() { ["Decision"] = "Refused", ["Evidence"] = "陌生人", ["Reason"] = "陌生人" }),
    ];

    private static IEnumerable<(string Page, Dictionary<string, string> Fields)> Posts() =>
    [
        ("/admin/bodies", Body),
        ("/admin/bodies/4403", Policy),
        ("/admin/calendars?handler=preview", Year),
        ("/admin/calendars?handler=save", Year),
    ];
}
