using System.Net;
using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Online guessing is limited per client and per account, a stranger cannot lock anyone out, and
/// an unknown e-mail costs the same work as a known one. The limits live in memory, not in the
/// database, so these run on SQLite only.
/// </summary>
public sealed class SignInProtectionTests
{
    private const string Wrong = "not-the-password-at-all";

    [Fact]
    public async Task Token_ManyRequestsFromOneClient_429WithRetryAfterForThatClientOnly()
    {
        await using var platform = await StartAsync(("ClientLimit", "3"));
        var attacker = platform.CreateClient().From("198.51.100.7");
        for (var i = 0; i < 3; i++)
        {
            await TokenAsync(attacker, RegistryFactory.AdminEmail, Wrong).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var refused = await TokenAsync(attacker, RegistryFactory.AdminEmail, RegistryFactory.Password);
        var other = await TokenAsync(platform.CreateClient().From("203.0.113.9"), RegistryFactory.AdminEmail, RegistryFactory.Password).OkAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.False(string.IsNullOrEmpty(other.Str("accessToken")));
    }

    [Fact]
    public async Task Token_StrangerSendsManyWrongPasswords_OwnerElsewhereStillSignsIn()
    {
        await using var platform = await StartAsync(("AccountClientFailureLimit", "3"));
        var stranger = platform.CreateClient().From("198.51.100.7");
        for (var i = 0; i < 6; i++)
        {
            using var _ = await TokenAsync(stranger, RegistryFactory.AdminEmail, Wrong);
        }

        var strangerWithPassword = await TokenAsync(stranger, RegistryFactory.AdminEmail, RegistryFactory.Password).ProblemAsync(HttpStatusCode.TooManyRequests);
        var owner = await TokenAsync(platform.CreateClient().From("203.0.113.9"), RegistryFactory.AdminEmail, RegistryFactory.Password).OkAsync();

        Assert.Contains("not locked", strangerWithPassword.Str("detail"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(owner.Str("accessToken")));
    }

    [Fact]
    public async Task Token_AccountWideLimitSpent_OnlyClientsKnownToTheAccountMayTry()
    {
        await using var platform = await StartAsync(("AccountFailureLimit", "3"));
        var home = platform.CreateClient().From("203.0.113.9");
        await TokenAsync(home, RegistryFactory.AdminEmail, RegistryFactory.Password).OkAsync();
        for (var i = 0; i < 3; i++)
        {
            await TokenAsync(platform.CreateClient().From($"198.51.100.{i + 1}"), RegistryFactory.AdminEmail, Wrong).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        await TokenAsync(platform.CreateClient().From("198.51.100.99"), RegistryFactory.AdminEmail, RegistryFactory.Password).ProblemAsync(HttpStatusCode.TooManyRequests);
        await TokenAsync(home, RegistryFactory.AdminEmail, RegistryFactory.Password).OkAsync();
    }

    [Fact]
    public async Task Token_UnknownEmail_VerifiesADummyHashAndAnswersAsForAWrongPassword()
    {
        var hasher = new CountingHasher();
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, configure: b => b.ConfigureServices(s =>
        {
            s.RemoveAll<IPasswordHasher<Account>>();
            s.AddSingleton<IPasswordHasher<Account>>(hasher);
        }));
        var client = platform.CreateClient();

        var before = hasher.Verifications;
        var unknown = await TokenAsync(client, "nobody.at.all@test.dataip.cn", Wrong).ProblemAsync(HttpStatusCode.Unauthorized);
        var afterUnknown = hasher.Verifications;
        var wrong = await TokenAsync(client, RegistryFactory.AdminEmail, Wrong).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, hasher.Verifications - afterUnknown);
        Assert.Equal((wrong.Str("title"), wrong.Str("detail")), (unknown.Str("title"), unknown.Str("detail")));
    }

    [Fact]
    public async Task SignInPage_ManyPostsFromOneClient_429ButTheFormStillLoads()
    {
        await using var platform = await StartAsync(("ClientLimit", "2"));
        using var client = platform.CookieClient().From("198.51.100.7");
        for (var i = 0; i < 2; i++)
        {
            using var _ = await SignInForm.PostAsync(client, RegistryFactory.AdminEmail, Wrong);
        }

        using var refused = await SignInForm.PostAsync(client, RegistryFactory.AdminEmail, RegistryFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.False(refused.SetsAuthCookie());
    }

    [Fact]
    public async Task SignInPage_StrangerSendsManyWrongPasswords_OwnerElsewhereStillSignsIn()
    {
        await using var platform = await StartAsync(("AccountClientFailureLimit", "3"));
        var email = $"owner.{Guid.NewGuid():N}@test.dataip.cn";
        await platform.ApplicantAsync(email);
        using var stranger = platform.CookieClient().From("198.51.100.7");
        for (var i = 0; i < 6; i++)
        {
            using var _ = await SignInForm.PostAsync(stranger, email, Wrong);
        }

        using var strangerWithPassword = await SignInForm.PostAsync(stranger, email, RegistryFactory.Password);
        using var owner = await SignInForm.PostAsync(platform.CookieClient().From("203.0.113.9"), email, RegistryFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWithPassword.StatusCode);
        Assert.Contains(Web.Pages.Text.Get(Web.Pages.Account.SignInModel.Throttled, Web.Pages.Text.Chinese), await strangerWithPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.True(owner.SetsAuthCookie());
    }

    [Fact]
    public async Task SignUp_ManyFromOneClient_429()
    {
        await using var platform = await StartAsync(("SignUpLimit", "2"));
        var client = platform.CreateClient().From("198.51.100.7");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostJsonAsync("/api/v1/accounts", new
            {
                email = $"signup.{i}@test.dataip.cn",
                password = RegistryFactory.Password,
                displayName = TestContent.ApplicantName,
                registrantType = "enterprise",
                identifier = TestContent.CreditCode,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    private static Task<RegistryFactory> StartAsync(params (string Name, string Value)[] limits) =>
        RegistryFactory.StartAsync(DatabaseProvider.Sqlite, configure: builder =>
        {
            builder.UseTestClientAddresses();
            foreach (var (name, value) in limits)
            {
                builder.UseSetting($"DataIp:Accounts:RateLimits:{name}", value);
            }
        });

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostJsonAsync("/api/v1/auth/token", new { email, password });

    /// <summary>Identity's hasher, counting how often a password is verified.</summary>
    private sealed class CountingHasher : IPasswordHasher<Account>
    {
        private readonly PasswordHasher<Account> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(Account user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
