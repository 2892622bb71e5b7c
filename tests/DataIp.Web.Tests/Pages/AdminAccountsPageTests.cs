using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// /admin/accounts on the demo: the national administrator opens a staff account, changes its role,
/// disables and enables it, and decides on an applicant's claimed identity through the forms, which
/// run the API's use cases (the API and the log then show each act); a refused form is an error
/// linked from the summary with what was typed kept, and writes nothing; a body administrator sees
/// only its body's staff and its region's applicants.
/// </summary>
public sealed class AdminAccountsPageTests
{
    private const string NewEmail = "new.examiner@test.dataip.cn";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StaffAccount_OpenedChangedDisabledEnabled_ThroughTheForms(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        using var created = await AdminForm.PostAsync(admin, "/admin/accounts/new", NewAccount(RegistryFactory.Password));
        var createdPage = await admin.GetStringAsync(created.RedirectTarget());
        var id = await IdAsync(platform, NewEmail);
        var accountPath = $"/admin/accounts/{id}";
        var examiner = await platform.SignedInAsync(NewEmail);
        using var role = await AdminForm.PostAsync(admin, accountPath + "?handler=Role",
            new Dictionary<string, string> { ["NewRole"] = "Administrator", ["NewBody"] = "4403", ["Reason"] = "调任机构管理员" }, tokenFrom: accountPath);
        using var oldCookie = await examiner.GetAsync("/applications");
        using var disabled = await AdminForm.PostAsync(admin, accountPath + "?handler=Disable", new Dictionary<string, string> { ["Reason"] = "离职" }, tokenFrom: accountPath);
        var disabledPage = await admin.GetStringAsync(disabled.RedirectTarget());
        var signIn = await platform.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email = NewEmail, password = RegistryFactory.Password });
        var whileDisabled = await admin.GetStringAsync(accountPath);
        using var enabled = await AdminForm.PostAsync(admin, accountPath + "?handler=Enable", new Dictionary<string, string> { ["Reason"] = "返岗" }, tokenFrom: accountPath);
        var page = await admin.GetStringAsync(accountPath);
        var list = await admin.GetStringAsync("/admin/accounts?role=Administrator");

        Assert.StartsWith("/admin/done/", created.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("data-next=\"createAccount\"", createdPage);
        Assert.Contains($"href=\"{accountPath}\"", createdPage);
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        Assert.StartsWith("/account/sign-in", oldCookie.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("data-next=\"disableAccount\"", disabledPage);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("data-status=\"disabled\"", whileDisabled);
        Assert.Contains("name=\"Reason\"", whileDisabled);
        Assert.Contains("?handler=Enable", whileDisabled);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("data-status=\"active\"", page);
        Assert.Contains("data-role=\"Administrator\"", page);
        Assert.Contains("data-body=\"4403\"", page);
        foreach (var act in new[] { "createAccount", "changeAccountRole", "disableAccount", "enableAccount" })
        {
            Assert.Contains($"data-act=\"{act}\"", page);
        }

        Assert.Contains("href=\"/api/v1/log/entries/", page);
        Assert.Contains("调任机构管理员", page);
        Assert.Contains($"href=\"{accountPath}\"", list);
        Assert.DoesNotContain($"data-account=\"{await IdAsync(platform, DemoSeeder.ExaminerEmail("4403"))}\"", list);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Forms_Refused_AreFormErrorsKeepWhatWasTypedAndWriteNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var examinerPath = $"/admin/accounts/{await IdAsync(platform, DemoSeeder.ExaminerEmail("4403"))}";
        var before = await AdminForm.ActsAsync(platform);

        using var badNew = await AdminForm.PostAsync(admin, "/admin/accounts/new", NewAccount("short", "not-an-address"));
        var badNewHtml = WebUtility.HtmlDecode(await badNew.Content.ReadAsStringAsync());
        using var noReason = await AdminForm.PostAsync(admin, examinerPath + "?handler=Disable", new Dictionary<string, string> { ["Reason"] = " " }, tokenFrom: examinerPath);
        var noReasonHtml = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        using var pledgeeWithBody = await AdminForm.PostAsync(admin, examinerPath + "?handler=Role",
            new Dictionary<string, string> { ["NewRole"] = "Pledgee", ["NewBody"] = "4403", ["Reason"] = "改为银行" }, tokenFrom: examinerPath);
        var pledgeeHtml = WebUtility.HtmlDecode(await pledgeeWithBody.Content.ReadAsStringAsync());
        using var taken = await AdminForm.PostAsync(admin, "/admin/accounts/new", NewAccount(RegistryFactory.Password, DemoSeeder.BankEmail));
        var takenHtml = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, badNew.StatusCode);
        Assert.Contains("<title>错误：", badNewHtml);
        Assert.Contains("<a href=\"#email\">请填写有效的电子邮箱地址", badNewHtml);
        Assert.Contains("value=\"新审查员\"", badNewHtml);
        Assert.DoesNotContain("value=\"short\"", badNewHtml);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("<a href=\"#disable-reason\">请说明理由", noReasonHtml);
        Assert.Equal(HttpStatusCode.BadRequest, pledgeeWithBody.StatusCode);
        Assert.Contains("<a href=\"#role-body\">", pledgeeHtml);
        Assert.Contains("改为银行</textarea>", pledgeeHtml);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("<a href=\"#email\">", takenHtml);
        Assert.Equal(before, await AdminForm.ActsAsync(platform));
    }

    [Fact]
    public async Task Verification_ClaimedApplicant_DecidedOnItsPage()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await platform.ApplicantAsync("claimed@test.dataip.cn", verified: false);
        var path = $"/admin/accounts/{await IdAsync(platform, "claimed@test.dataip.cn")}";

        var claimedList = await admin.GetStringAsync("/admin/accounts?identity=Claimed");
        var before = await admin.GetStringAsync(path);
        using var noEvidence = await AdminForm.PostAsync(admin, path + "?handler=Verify", new Dictionary<string, string> { ["Decision"] = "Verified" }, tokenFrom: path);
        using var decided = await AdminForm.PostAsync(admin, path + "?handler=Verify",
            new Dictionary<string, string> { ["Decision"] = "Verified", ["Evidence"] = "营业执照原件及公章" }, tokenFrom: path);
        var done = await admin.GetStringAsync(decided.RedirectTarget());
        var after = await admin.GetStringAsync(path);

        Assert.Contains($"href=\"{path}\"", claimedList);
        Assert.Contains("data-identity=\"Claimed\"", before);
        Assert.Contains("value=\"Verified\"", before);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("<a href=\"#verify-evidence\">", WebUtility.HtmlDecode(await noEvidence.Content.ReadAsStringAsync()));
        Assert.Contains("data-next=\"verifyAccount\"", done);
        Assert.Contains("data-identity=\"Verified\"", after);
        Assert.DoesNotContain("value=\"Verified\"", after);
        Assert.Contains("data-act=\"verifyAccount\"", after);
    }

    [Fact]
    public async Task BodyAdministrator_SeesItsBodyAndRegionOnly_OwnAccountOffersNoForm()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        var api = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await api.PostJsonAsync("/api/v1/accounts/staff", new { email = "bodyadmin.3100@test.dataip.cn", password = RegistryFactory.Password, displayName = "上海管理员", role = "administrator", bodyCode = "3100" })
            .OkAsync();
        var shanghai = await platform.SignedInAsync("bodyadmin.3100@test.dataip.cn");
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var own = await IdAsync(platform, "bodyadmin.3100@test.dataip.cn");
        var shenzhenExaminer = await IdAsync(platform, DemoSeeder.ExaminerEmail("4403"));
        var shanghaiExaminer = await IdAsync(platform, DemoSeeder.ExaminerEmail("3100"));

        var list = await shanghai.GetStringAsync("/admin/accounts");
        using var other = await shanghai.GetAsync($"/admin/accounts/{shenzhenExaminer}");
        var before = await AdminForm.ActsAsync(platform);
        using var otherPost = await AdminForm.PostAsync(shanghai, $"/admin/accounts/{shenzhenExaminer}?handler=Disable", new Dictionary<string, string> { ["Reason"] = "陌生人" },
            tokenFrom: "/admin/accounts");
        using var ownPost = await AdminForm.PostAsync(shanghai, $"/admin/accounts/{own}?handler=Disable", new Dictionary<string, string> { ["Reason"] = "本人" },
            tokenFrom: "/admin/accounts");
        var ownPage = await shanghai.GetStringAsync($"/admin/accounts/{own}");
        var examinerPage = await shanghai.GetStringAsync($"/admin/accounts/{shanghaiExaminer}");
        using var byExaminer = await examiner.GetAsync("/admin/accounts");

        Assert.Contains($"data-account=\"{shanghaiExaminer}\"", list);
        Assert.Contains("value=\"Administrator\"", examinerPage);
        Assert.DoesNotContain("value=\"Pledgee\"", examinerPage);
        Assert.DoesNotContain($"data-account=\"{shenzhenExaminer}\"", list);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownPost.StatusCode);
        Assert.Equal(before, await AdminForm.ActsAsync(platform));
        Assert.Contains("data-own", ownPage);
        Assert.DoesNotContain("?handler=Disable", ownPage);
        Assert.StartsWith("/account/access-denied", byExaminer.RedirectTarget(), StringComparison.Ordinal);
    }

    // The pages name these by prefix and value ("Accounts.Status." + status), which PageTextTests cannot see.
    [Fact]
    public void Labels_EveryRoleStatusIdentityAndAccountAct_InBothLanguages()
    {
        var keys = Enum.GetValues<Data.Accounts.AccountRole>().Select(r => $"Role.{r}")
            .Concat(Enum.GetValues<Web.Features.Accounts.AccountStatus>().Select(s => $"Accounts.Status.{s}"))
            .Concat(Enum.GetValues<Domain.Registration.IdentityVerification>().Select(v => $"Accounts.Identity.{v}"))
            .Concat(Enum.GetValues<Domain.Registration.RegistrantType>().Select(t => $"Draft.RegistrantType.{t}"))
            .Concat(new[] { "Examiner", "Administrator", "Pledgee" }.Select(r => $"Accounts.RoleChoice.{r}"))
            .Concat(new[] { "Verified", "Refused" }.Select(d => $"Accounts.Verify.Choice.{d}"))
            .Concat(new[] { "createAccount", "verifyAccount", "changeAccountRole", "disableAccount", "enableAccount" }.Select(a => $"Accounts.Next.{a}"))
            .ToList();

        foreach (var culture in Web.Pages.Text.Cultures)
        {
            var known = Web.Pages.Text.All(culture);
            Assert.All(keys, k => Assert.True(known.ContainsKey(k), $"{culture}: no text {k}"));
        }
    }

    private static Dictionary<string, string> NewAccount(string password, string email = NewEmail) => new()
    {
        ["DisplayName"] = "新审查员",
        ["Email"] = email,
        ["Role"] = "Examiner",
        ["BodyCode"] = "4400",
        ["Password"] = password,
    };

    private static async Task<Guid> IdAsync(RegistryFactory platform, string email)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
