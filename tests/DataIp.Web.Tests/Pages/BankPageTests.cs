using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The bank's desk (/bank) on the demo, on SQLite and PostgreSQL: the bank finds a registration's
/// encumbrances by registration or certificate number (its own pledge in full, another bank only
/// what the public sees); confirms a pledge the holder filed, consents, releases, each through the
/// API's use case and ending on a confirmation page; a refused input is a form error that writes
/// nothing; and a bank with no pledge, an applicant, an examiner and the anonymous visitor can do none of it.
/// </summary>
public sealed class BankPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bank_FindsTheDemoPledgedRegistration_ByRegistrationAndCertificateNumber(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (registration, certificate, pledge) = await DemoPledgeAsync(platform);
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var otherBank = await platform.SignedInAsync(await NewBankAsync(platform));

        var byRegistration = await bank.GetStringAsync($"/bank?number={registration}");
        var byCertificate = await bank.GetStringAsync($"/bank?number={certificate}");
        var asOtherBank = await otherBank.GetStringAsync($"/bank?number={registration}");
        using var unknown = await bank.GetAsync("/bank?number=2099440300000099");
        var unknownHtml = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        using var empty = await bank.GetAsync("/bank?number=+");

        foreach (var html in new[] { byRegistration, byCertificate })
        {
            Assert.Contains($"data-registration=\"{registration}\"", html);
            Assert.Contains("data-pledges=\"1\"", html);
            Assert.Contains("（本行）", WebUtility.HtmlDecode(html));
            Assert.Contains("data-own=\"1\"", html);
            Assert.Contains("DBC-SZ-", html); // the contract number: the bank's own
            Assert.Contains("data-licences=\"2\"", html);
        }

        Assert.Contains($"data-registration=\"{registration}\"", asOtherBank);
        Assert.Contains(pledge, asOtherBank); // the public sees the registered pledge
        Assert.DoesNotContain("DBC-SZ-", asOtherBank);
        Assert.DoesNotContain("data-own=", asOtherBank);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<a href=\"#number\">没有找到该登记号或证书号对应的登记", unknownHtml);
        Assert.Contains("<title>错误：", unknownHtml);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bank_ConfirmsConsentsAndReleases_EachRefusalAFormErrorThatWritesNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (registration, _, _) = await DemoPledgeAsync(platform);
        var holderApi = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var bankApi = await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        await holderApi.PostJsonAsync($"/api/v1/registrations/{registration}/pledges", await SecondPledgeAsync(platform, await RightsTests.AccountIdAsync(bankApi)))
            .AcceptedAsync();
        var filed = await FiledPledgeAsync(platform);
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var desk = await bank.GetStringAsync("/bank");

        using var confirmed = await PostAsync(bank, "Confirm", registration, filed);
        var confirmedDone = await bank.GetStringAsync(confirmed.RedirectTarget());
        var acts = await ActCountAsync(platform);
        using var confirmedAgain = await PostAsync(bank, "Confirm", registration, filed);
        var againHtml = WebUtility.HtmlDecode(await confirmedAgain.Content.ReadAsStringAsync());
        using var noPurpose = await PostAsync(bank, "Consent", registration, filed, ("Reference", "深圳示范许可公司"));
        var noPurposeHtml = WebUtility.HtmlDecode(await noPurpose.Content.ReadAsStringAsync());
        using var tooLong = await PostAsync(bank, "Consent", registration, filed, ("Purpose", "ExclusiveLicence"), ("Reference", new string('长', 201)));
        var tooLongHtml = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        var actsAfterRefusals = await ActCountAsync(platform);
        using var consented = await PostAsync(bank, "Consent", registration, filed, ("Purpose", "ExclusiveLicence"), ("Reference", "深圳示范许可公司"));
        var consentedDone = await bank.GetStringAsync(consented.RedirectTarget());
        using var released = await PostAsync(bank, "Release", registration, filed, ("Reason", "主债务已清偿。"));
        var releasedDone = await bank.GetStringAsync(released.RedirectTarget());
        var actsAfterRelease = await ActCountAsync(platform);
        using var releasedAgain = await PostAsync(bank, "Release", registration, filed, ("Reason", "再次解除。"));
        var releasedAgainHtml = WebUtility.HtmlDecode(await releasedAgain.Content.ReadAsStringAsync());
        var rights = await bankApi.GetAsync($"/api/v1/registrations/{registration}/rights").OkAsync();

        Assert.Contains($"id=\"confirm-{filed}\"", desk);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Matches("^/bank/done/[0-9a-f-]{36}$", confirmed.RedirectTarget());
        Assert.Contains("<h1>确认质押登记</h1>", confirmedDone);
        Assert.Contains("顺位第 2 位", confirmedDone);
        Assert.Equal(HttpStatusCode.Conflict, confirmedAgain.StatusCode);
        Assert.Contains($"<a href=\"#confirm-{filed}\">未能办理：", againHtml);
        Assert.Contains("<title>错误：", againHtml);
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Contains($"<a href=\"#consent-purpose-{filed}\">请选择同意的事项。</a>", noPurposeHtml);
        Assert.Contains("value=\"深圳示范许可公司\"", noPurposeHtml); // what was typed is kept
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains($"<a href=\"#consent-reference-{filed}\">未能办理：", tooLongHtml);
        Assert.Equal(acts, actsAfterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        Assert.Contains("<h1>质权人同意</h1>", consentedDone);
        Assert.Contains("本行对独占或排他许可的同意已记录", consentedDone);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains("质押已解除", releasedDone);
        Assert.Equal(HttpStatusCode.Conflict, releasedAgain.StatusCode);
        Assert.Contains($"<a href=\"#release-{filed}\">未能办理：", releasedAgainHtml);
        Assert.Equal(actsAfterRelease, await ActCountAsync(platform));
        Assert.Equal("released", rights.GetProperty("pledges").EnumerateArray().Single(p => p.Str("number") == filed).Str("status"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Strangers_CannotUseTheDesk_NorActOnTheBanksPledge(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var (registration, _, pledge) = await DemoPledgeAsync(platform);
        var otherBank = await platform.SignedInAsync(await NewBankAsync(platform));
        var applicant = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var anonymous = platform.CookieClient();
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var before = await ActCountAsync(platform);

        var otherDesk = await otherBank.GetStringAsync("/bank");
        var failures = new List<string>();
        foreach (var (who, client, expected) in new[]
        {
            ("bank with no pledge", otherBank, HttpStatusCode.NotFound), ("holder", applicant, HttpStatusCode.Redirect),
            ("examiner", examiner, HttpStatusCode.Redirect), ("anonymous", anonymous, HttpStatusCode.Redirect),
        })
        {
            foreach (var (handler, fields) in new (string, (string, string)[])[]
            {
                ("Consent", [("Purpose", "Cancellation")]), ("Release", [("Reason", "陌生人解除")]), ("Confirm", []),
            })
            {
                using var response = await PostWithTokenFromAsync(client, handler, registration, pledge, who == "anonymous" ? "/account/sign-in" : "/", fields);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{who} {handler}: {(int)response.StatusCode}");
                }
            }
        }

        using var applicantDesk = await applicant.GetAsync("/bank");
        using var examinerDesk = await examiner.GetAsync("/bank");
        using var anonymousDesk = await anonymous.GetAsync("/bank");
        var done = await ActDoneAsync(bank, registration, pledge);
        using var othersDone = await otherBank.GetAsync(done);

        Assert.Empty(failures);
        Assert.Equal(before + 1, await ActCountAsync(platform)); // only the bank's own consent below
        Assert.Contains("没有待确认的质押", otherDesk);
        Assert.Contains("本行没有已登记的质押", otherDesk);
        Assert.Equal("/account/access-denied", applicantDesk.RedirectTarget().Split('?')[0]);
        Assert.Equal("/account/access-denied", examinerDesk.RedirectTarget().Split('?')[0]);
        Assert.StartsWith("/account/sign-in", anonymousDesk.RedirectTarget());
        Assert.Equal(HttpStatusCode.NotFound, othersDone.StatusCode);
    }

    // The bank's consent to a cancellation, made last, so that its confirmation page exists; its address.
    private static async Task<string> ActDoneAsync(HttpClient bank, string registration, string pledge)
    {
        using var consented = await PostAsync(bank, "Consent", registration, pledge, ("Purpose", "Cancellation"));
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        return consented.RedirectTarget();
    }

    // The demo's registration pledged to the bank: its number, its certificate's, and the pledge's.
    internal static async Task<(string Registration, string Certificate, string Pledge)> DemoPledgeAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var pledge = await db.Pledges.Where(p => p.Status == Domain.Rights.PledgeStatus.Registered).SingleAsync();
        var registration = await db.Applications.Where(a => a.Id == pledge.ApplicationId).Select(a => a.RegistrationNumber!).SingleAsync();
        var certificate = await db.Certificates.Where(c => c.ApplicationId == pledge.ApplicationId && !c.Superseded).Select(c => c.CertificateNumber).SingleAsync();
        return (registration, certificate, pledge.Number);
    }

    // A second bank, with no pledge on anything.
    internal static async Task<string> NewBankAsync(RegistryFactory platform)
    {
        var email = $"bank.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = "另一家银行 Another Bank", role = "pledgee" })
            .CreatedAsync();
        return email;
    }

    // A second pledge to the bank, for the term of the demo's (which lies within the registration's validity).
    private static async Task<RightsTests.PledgeBody> SecondPledgeAsync(RegistryFactory platform, string bank)
    {
        await using var scope = platform.Scope();
        var demo = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Pledges.SingleAsync();
        return new(bank, "BANK-PAGE-0001", "1000000.00", "CNY", demo.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            demo.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["holding"]);
    }

    private static async Task<string> FiledPledgeAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Pledges
            .Where(p => p.Status == Domain.Rights.PledgeStatus.Filed).Select(p => p.Number).SingleAsync();
    }

    private static async Task<int> ActCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Acts.CountAsync();
    }

    // Posts one of the desk's forms as a browser would, with the antiforgery token of a page the client may open.
    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string handler, string registration, string pledge, params (string Name, string Value)[] fields) =>
        await PostWithTokenFromAsync(client, handler, registration, pledge, "/bank", fields);

    private static async Task<HttpResponseMessage> PostWithTokenFromAsync(
        HttpClient client, string handler, string registration, string pledge, string tokenFrom, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await SignInForm.AntiforgeryTokenAsync(client, tokenFrom),
            ["RegistrationNumber"] = registration,
            ["PledgeNumber"] = pledge,
        };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync($"/bank?handler={handler}", new FormUrlEncodedContent(form));
    }
}
