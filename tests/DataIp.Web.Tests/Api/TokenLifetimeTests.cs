using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Access tokens live 15 minutes and are renewed with the refresh token; a password change
/// revokes every token and page sign-in issued before it; a disabled account cannot refresh.
/// </summary>
public sealed class TokenLifetimeTests
{
    private const string NewPassword = "a new and rather long pass phrase";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Token_AfterFifteenMinutes_401AndTheRefreshTokenGivesANewPair(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var pair = await TokenAsync(platform, RegistryFactory.AdminEmail, RegistryFactory.Password);
        Assert.Equal(900, pair.GetProperty("expiresIn").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(platform, pair.Str("accessToken")));

        platform.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await MeStatusAsync(platform, pair.Str("accessToken"));
        var renewed = await platform.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = pair.Str("refreshToken") }).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(platform, renewed.Str("accessToken")));
        Assert.False(string.IsNullOrEmpty(renewed.Str("refreshToken")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PasswordChange_TokensAndCookiesIssuedBefore_RefusedAtOnce(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"changer.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        var old = await TokenAsync(platform, email, RegistryFactory.Password);
        using var browser = await platform.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/applications")).StatusCode);

        var fresh = await Bearer(platform, old.Str("accessToken"))
            .PostJsonAsync("/api/v1/auth/password", new { currentPassword = RegistryFactory.Password, newPassword = NewPassword }).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(platform, old.Str("accessToken")));
        await platform.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = old.Str("refreshToken") }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(platform, fresh.Str("accessToken")));
        await platform.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email, password = RegistryFactory.Password }).ProblemAsync(HttpStatusCode.Unauthorized);
        await TokenAsync(platform, email, NewPassword);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PasswordChange_WrongCurrentOrWeakNew_400NamingTheFieldAndNothingRevoked(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var pair = await TokenAsync(platform, RegistryFactory.AdminEmail, RegistryFactory.Password);
        var client = Bearer(platform, pair.Str("accessToken"));

        var wrong = await client.PostJsonAsync("/api/v1/auth/password", new { currentPassword = "not the password at all", newPassword = NewPassword })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var weak = await client.PostJsonAsync("/api/v1/auth/password", new { currentPassword = RegistryFactory.Password, newPassword = "passwordpassword" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await client.PostJsonAsync("/api/v1/auth/password", new { }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["currentPassword"], wrong.ErrorFields());
        Assert.Equal(["newPassword"], weak.ErrorFields());
        Assert.Equal(["currentPassword", "newPassword"], missing.ErrorFields().Order());
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(platform, pair.Str("accessToken")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Refresh_DisabledAccountOrBadToken_401(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var email = $"disabled.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        var pair = await TokenAsync(platform, email, RegistryFactory.Password);

        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            account.LockoutEnd = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        var refused = await platform.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = pair.Str("refreshToken") }).ProblemAsync(HttpStatusCode.Unauthorized);
        var garbage = await platform.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }).ProblemAsync(HttpStatusCode.Unauthorized);
        var empty = await platform.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { }).ProblemAsync(HttpStatusCode.BadRequest);
        var disabled = await platform.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email, password = RegistryFactory.Password }).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("disabled", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Refresh refused", garbage.Str("title"));
        Assert.Equal(["refreshToken"], empty.ErrorFields());
        Assert.Contains("disabled", disabled.Str("detail"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> TokenAsync(RegistryFactory platform, string email, string password) =>
        await platform.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email, password }).OkAsync();

    private static HttpClient Bearer(RegistryFactory platform, string token)
    {
        var client = platform.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpStatusCode> MeStatusAsync(RegistryFactory platform, string token)
    {
        using var client = Bearer(platform, token);
        return (await client.GetAsync("/api/v1/accounts/me")).StatusCode;
    }
}
