using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// An administrator changes a staff account's role and disables or enables an account, each an act
/// in the public log; what the account was signed in with stops working at once. A body
/// administrator acts on its own body's staff only, and nobody acts on their own account.
/// </summary>
public sealed class AccountAdministrationTests
{
    private const string Why = "调岗 moved to the administration of the body";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ChangeRole_StaffAccount_OldTokenAndCookieRefusedAndNewRoleAtOnce(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var (id, email) = await StaffAsync(admin, "examiner", "4400");
        var token = await platform.SignInAsync(email);
        var cookie = await platform.SignedInAsync(email);
        await token.GetAsync("/api/v1/accounts/").ProblemAsync(HttpStatusCode.Forbidden);

        var changed = await admin.PutJsonAsync($"/api/v1/accounts/{id}/role", new { role = "administrator", bodyCode = "4400", reason = Why }).OkAsync();
        using var oldToken = await token.GetAsync("/api/v1/accounts/me");
        using var oldCookie = await cookie.GetAsync("/applications");
        var again = await platform.SignInAsync(email);
        await again.GetAsync("/api/v1/accounts/").OkAsync();

        Assert.Equal(("administrator", "4400"), (changed.Str("role"), changed.Str("bodyCode")));
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oldCookie.StatusCode);
        Assert.StartsWith("/account/sign-in", oldCookie.RedirectTarget(), StringComparison.Ordinal);
        var logged = await LoggedAsync(platform, "changeAccountRole");
        Assert.Equal(("examiner", "4400", "administrator", "4400", id, Why),
            (logged.Str("previousRole"), logged.Str("previousBodyCode"), logged.Str("role"), logged.Str("bodyCode"), logged.Str("accountId"), logged.Str("reason")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Disable_TokenCookieAndSignInRefusedAtOnce_UntilEnabled(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var (id, email) = await StaffAsync(admin, "examiner", "4403");
        var token = await platform.SignInAsync(email);
        var cookie = await platform.SignedInAsync(email);
        var anonymous = platform.CreateClient();

        var disabled = await admin.PostJsonAsync($"/api/v1/accounts/{id}/disable", new { reason = "离职 left the body" }).OkAsync();
        using var oldToken = await token.GetAsync("/api/v1/accounts/me");
        using var oldCookie = await cookie.GetAsync("/applications");
        var signIn = await anonymous.PostJsonAsync("/api/v1/auth/token", new { email, password = RegistryFactory.Password }).ProblemAsync(HttpStatusCode.Forbidden);
        var list = await admin.GetAsync("/api/v1/accounts/?status=disabled").OkAsync();
        await admin.PostJsonAsync($"/api/v1/accounts/{id}/disable", new { reason = "again" }).ProblemAsync(HttpStatusCode.Conflict);
        var enabled = await admin.PostJsonAsync($"/api/v1/accounts/{id}/enable", new { reason = "返岗 back at work" }).OkAsync();
        var back = await platform.SignInAsync(email);
        await back.GetAsync("/api/v1/accounts/me").OkAsync();

        Assert.Equal("disabled", disabled.Str("status"));
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oldCookie.StatusCode);
        Assert.Equal("Account disabled", signIn.Str("title"));
        Assert.Equal([id], list.GetProperty("accounts").EnumerateArray().Select(a => a.Str("id")));
        Assert.Equal("active", enabled.Str("status"));
        Assert.Equal("离职 left the body", (await LoggedAsync(platform, "disableAccount")).Str("reason"));
        Assert.Equal("返岗 back at work", (await LoggedAsync(platform, "enableAccount")).Str("reason"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Acts_LoggedWithWhoWhenAndWhy(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var (id, _) = await StaffAsync(admin, "examiner", "4400");

        await admin.PostJsonAsync($"/api/v1/accounts/{id}/disable", new { reason = Why }).OkAsync();

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var act = await db.Acts.SingleAsync(a => a.Type == "disableAccount");
        var text = Encoding.UTF8.GetString((await db.LogEntries.SingleAsync(e => e.ActId == act.Id)).Entry);
        var entry = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal(("administrator", "National administrator", Why), (act.ActorRole, act.ActorName, act.Reason));
        Assert.Equal(("National administrator", "administrator"), (entry.GetProperty("actor").Str("name"), entry.GetProperty("actor").Str("role")));
        Assert.Equal(act.At, entry.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(Why, entry.Str("reason"));
        Assert.Equal(id, entry.Str("accountId"));
        Assert.DoesNotContain("@test.dataip.cn", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Acts_StrangersRefusedAsTheApiDoes_AndNobodyActsOnTheirOwnAccount(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var (target, _) = await StaffAsync(admin, "examiner", "4400");
        var (_, shanghaiEmail) = await StaffAsync(admin, "administrator", "3100");
        var (guangdongId, guangdongEmail) = await StaffAsync(admin, "administrator", "4400");
        var shanghai = await platform.SignInAsync(shanghaiEmail);
        var guangdong = await platform.SignInAsync(guangdongEmail);
        var examiner = await platform.ExaminerAsync("4400");
        var applicant = await platform.ApplicantAsync();
        var (_, bankEmail) = await StaffAsync(admin, "pledgee", null);
        var bank = await platform.SignInAsync(bankEmail);
        var me = (await admin.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");
        var applicantId = (await applicant.GetAsync("/api/v1/accounts/me").OkAsync()).Str("id");
        var url = $"/api/v1/accounts/{target}/disable";
        var reason = new { reason = Why };

        await shanghai.PostJsonAsync(url, reason).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var stranger in new[] { examiner, applicant, bank })
        {
            await stranger.PostJsonAsync(url, reason).ProblemAsync(HttpStatusCode.Forbidden);
            await stranger.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "pledgee", reason = Why }).ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = await platform.CreateClient().PostJsonAsync(url, reason);
        await admin.PostJsonAsync($"/api/v1/accounts/{me}/disable", reason).ProblemAsync(HttpStatusCode.Forbidden);
        await admin.PutJsonAsync($"/api/v1/accounts/{me}/role", new { role = "examiner", bodyCode = "4400", reason = Why }).ProblemAsync(HttpStatusCode.Forbidden);
        await guangdong.PostJsonAsync($"/api/v1/accounts/{guangdongId}/disable", reason).ProblemAsync(HttpStatusCode.Forbidden);
        await guangdong.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "administrator", reason = Why }).ProblemAsync(HttpStatusCode.Forbidden);
        await admin.PutJsonAsync($"/api/v1/accounts/{applicantId}/role", new { role = "examiner", bodyCode = "4400", reason = Why }).ProblemAsync(HttpStatusCode.Conflict);
        var toApplicant = await admin.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "applicant", reason = Why }).ProblemAsync(HttpStatusCode.BadRequest);
        var noReason = await admin.PostJsonAsync(url, new { reason = " " }).ProblemAsync(HttpStatusCode.BadRequest);
        var noBody = await admin.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "examiner", reason = Why }).ProblemAsync(HttpStatusCode.BadRequest);
        await admin.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "examiner", bodyCode = "4400", reason = Why }).ProblemAsync(HttpStatusCode.Conflict);
        await guangdong.PutJsonAsync($"/api/v1/accounts/{target}/role", new { role = "administrator", bodyCode = "4400", reason = Why }).OkAsync();
        await guangdong.PostJsonAsync(url, reason).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["role"], toApplicant.ErrorFields());
        Assert.Equal(["reason"], noReason.ErrorFields());
        Assert.Equal(["bodyCode"], noBody.ErrorFields());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_FiltersAndPages_ABodyAdministratorSeesItsBodyAndRegion(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        await StaffAsync(admin, "examiner", "4403");
        await StaffAsync(admin, "examiner", "3100");
        var (_, shenzhenEmail) = await StaffAsync(admin, "administrator", "4403");
        var shenzhen = await platform.SignInAsync(shenzhenEmail);
        await platform.ApplicantAsync(); // region 440300
        await platform.ApplicantAsync(verified: false);

        var examiners = await admin.GetAsync("/api/v1/accounts/?role=examiner").OkAsync();
        var of3100 = await admin.GetAsync("/api/v1/accounts/?bodyCode=3100").OkAsync();
        var claimed = await admin.GetAsync("/api/v1/accounts/?identityVerification=claimed").OkAsync();
        var first = await admin.GetAsync("/api/v1/accounts/?pageSize=2").OkAsync();
        var second = await admin.GetAsync("/api/v1/accounts/?pageSize=2&page=2").OkAsync();
        var all = await admin.GetAsync("/api/v1/accounts/?pageSize=200").OkAsync();
        var mine = await shenzhen.GetAsync("/api/v1/accounts/").OkAsync();
        var badRole = await admin.GetAsync("/api/v1/accounts/?role=king").ProblemAsync(HttpStatusCode.BadRequest);
        var badBody = await admin.GetAsync("/api/v1/accounts/?bodyCode=9999").ProblemAsync(HttpStatusCode.BadRequest);

        static List<JsonElementRow> Rows(System.Text.Json.JsonElement page) =>
            [.. page.GetProperty("accounts").EnumerateArray().Select(a => new JsonElementRow(a.Str("role"), a.TryGetProperty("bodyCode", out var b) ? b.GetString() : null, a.Str("email")))];
        Assert.Equal(2, Rows(examiners).Count);
        Assert.All(Rows(examiners), r => Assert.Equal("examiner", r.Role));
        Assert.Equal(["3100"], Rows(of3100).Select(r => r.Body));
        Assert.Single(Rows(claimed));
        Assert.True(first.GetProperty("hasNext").GetBoolean());
        Assert.Equal(Rows(all).Take(4).Select(r => r.Email), Rows(first).Concat(Rows(second)).Select(r => r.Email));
        Assert.All(Rows(mine), r => Assert.True(r.Role == "applicant" || r.Body == "4403", $"{r.Email} is not Shenzhen's"));
        Assert.Equal(4, Rows(mine).Count); // its examiner, itself and the two applicants of 440300
        Assert.Equal(["role"], badRole.ErrorFields());
        Assert.Equal(["bodyCode"], badBody.ErrorFields());
    }

    private sealed record JsonElementRow(string Role, string? Body, string Email);

    /// <summary>A staff account created through the API: its id and e-mail.</summary>
    internal static async Task<(string Id, string Email)> StaffAsync(HttpClient admin, string role, string? bodyCode)
    {
        var email = $"{role}.{bodyCode ?? "national"}.{Guid.NewGuid():N}@test.dataip.cn";
        var created = await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = $"{role} {bodyCode}", role, bodyCode })
            .OkAsync();
        return (created.Str("id"), email);
    }

    // The log entry of the last act of the type.
    private static async Task<System.Text.Json.JsonElement> LoggedAsync(RegistryFactory platform, string type)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var act = await db.Acts.Where(a => a.Type == type).OrderByDescending(a => a.Sequence).FirstAsync();
        var entry = await db.LogEntries.SingleAsync(e => e.ActId == act.Id);
        return System.Text.Json.JsonDocument.Parse(entry.Entry).RootElement.Clone();
    }
}
