using System.Net;
using DataIp.Web.Pages;
using DataIp.Web.Pages.Account;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The sign-in form: antiforgery, errors on the page, local return URLs only, and a cookie that
/// opens the pages but never the API (which takes bearer tokens only). Its rate limits are in
/// SignInProtectionTests: wrong passwords no longer lock the account.
/// </summary>
public sealed class SignInPageTests(PagesPlatform fixture) : IClassFixture<PagesPlatform>
{
    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Is400()
    {
        using var client = fixture.Platform.CookieClient();
        await SignInForm.AntiforgeryTokenAsync(client); // the antiforgery cookie alone is not enough

        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = RegistryFactory.AdminEmail,
            ["Password"] = RegistryFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.SetsAuthCookie());
    }

    [Fact]
    public async Task SignIn_Cookie_OpensPagesButNotTheApi()
    {
        using var client = fixture.Platform.CookieClient();

        using var signIn = await SignInForm.PostAsync(client, RegistryFactory.AdminEmail, RegistryFactory.Password, returnUrl: "/applications");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/applications", signIn.RedirectTarget());
        Assert.True(signIn.SetsAuthCookie());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/applications")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsFormErrorAndSetsNoCookie()
    {
        var email = await fixture.NewApplicantAsync();
        using var client = fixture.Platform.CookieClient();

        using var response = await SignInForm.PostAsync(client, email, "Wrong-password-2025");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Zh(SignInModel.WrongCredentials), html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.DoesNotContain("Wrong-password-2025", html);
        Assert.False(response.SetsAuthCookie());
    }

    [Fact]
    public async Task SignIn_UnknownAccount_ShowsTheSameError()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await SignInForm.PostAsync(client, "nobody@test.dataip.cn", RegistryFactory.Password);

        Assert.Contains(Zh(SignInModel.WrongCredentials), await response.Content.ReadAsStringAsync());
        Assert.False(response.SetsAuthCookie());
    }

    [Fact]
    public async Task SignIn_MissingFields_ShowsEachFieldsError()
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await SignInForm.PostAsync(client, email: "  ", password: "");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // "account's" is sent as "account&#x27;s"

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p id=\"email-error\" class=\"field-error\">{Zh(SignInModel.MissingEmail)}</p>", html);
        Assert.Contains($"<p id=\"password-error\" class=\"field-error\">{Zh(SignInModel.MissingPassword)}</p>", html);
        Assert.DoesNotContain(Zh(SignInModel.WrongCredentials), html);

        // The error summary above the heading names both, each linking to its field; the title says there is an error.
        var summary = html[html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal)..html.IndexOf("<h1>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"#email\">{Zh(SignInModel.MissingEmail)}</a>", summary);
        Assert.Contains($"<a href=\"#password\">{Zh(SignInModel.MissingPassword)}</a>", summary);
        Assert.Contains("<title>错误：登录", html);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SummaryLinksToTheFirstFieldAndKeepsTheEmail()
    {
        var email = await fixture.NewApplicantAsync();
        using var client = fixture.Platform.CookieClient();

        using var response = await SignInForm.PostAsync(client, email, "not-the-password-at-all");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains($"<a href=\"#email\">{Zh(SignInModel.WrongCredentials)}</a>", html);
        Assert.DoesNotContain("id=\"email-error\"", html); // an error of the whole form: in the summary only
        Assert.Contains($"value=\"{email}\"", html);
    }

    [Theory]
    [InlineData("https://evil.example/applications")]
    [InlineData("//evil.example/applications")]
    [InlineData("/\\evil.example/applications")]
    public async Task SignIn_ForeignReturnUrl_GoesHome(string returnUrl)
    {
        using var client = fixture.Platform.CookieClient();

        using var response = await SignInForm.PostAsync(client, RegistryFactory.AdminEmail, RegistryFactory.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task SignOut_Post_EndsThePageSession()
    {
        using var client = await fixture.Platform.SignedInAsync(RegistryFactory.AdminEmail);
        var token = await SignInForm.AntiforgeryTokenAsync(client, "/"); // the sign-out form in the page header

        using var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/applications")).StatusCode);
    }

    // A message of the sign-in form as the page shows it by default, in Chinese.
    private static string Zh(string key) => Text.Get(key, Text.Chinese);
}
