using System.Net;
using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Features.Accounts.Passwords;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// The password rules of NIST SP 800-63B-4 §3.1.1.2 (length, blocklist, context words, no
/// composition rules), and a sign-up that does not say whether an e-mail address is taken.
/// </summary>
public sealed class PasswordPolicyTests
{
    private static readonly Account Owner = new() { Email = "li.ming@example.cn", DisplayName = "深圳市数智交通科技有限公司" };

    [Theory]
    [InlineData("Test-password-2025", null)]
    [InlineData("DataIp-Demo-2025", null)]
    [InlineData("correct horse battery staple", null)] // lower case and spaces only: no composition rules
    [InlineData("数据知识产权登记平台的一句很长的话", null)] // 17 code points
    [InlineData("fourteen chars", "PasswordTooShort")]
    [InlineData("数据知识产权登记平台密码", "PasswordTooShort")] // 12 code points, 12 UTF-16 units
    [InlineData("passwordpassword", "PasswordCommon")]
    [InlineData("PasswordPassword", "PasswordCommon")] // compared lowercased
    [InlineData("123456789012345", "PasswordCommon")]
    [InlineData("zzzzzzzzzzzzzzzzz", "PasswordRepetitive")]
    [InlineData("abcdabcdabcdabcd", "PasswordRepetitive")]
    [InlineData("Li.Ming@2025-li.ming", "PasswordContext")] // the e-mail's name and digits
    [InlineData("深圳市数智交通科技有限公司2025", "PasswordContext")] // the display name and a year
    [InlineData("dataipdataip2025!!", "PasswordContext")] // the service's name
    public void Check_Password_FollowsTheRules(string password, string? expected)
    {
        var error = PasswordPolicy.Check(password, new AccountOptions(), PasswordPolicy.ContextWords(Owner));

        Assert.Equal(expected, error?.Code);
    }

    [Fact]
    public void Check_DemoPassword_AcceptedForEveryDemoAccount()
    {
        var accounts = new List<Account>
        {
            new() { Email = DemoSeeder.AdministratorEmail, DisplayName = "国家数据知识产权登记平台管理员 National administrator" },
            new() { Email = DemoSeeder.BankEmail, DisplayName = "中国示范银行 Demo Bank of China" },
            new() { Email = DemoSeeder.ExaminerEmail("4400"), DisplayName = "广东省知识产权局审查员 Examiner" },
        };
        accounts.AddRange(DemoSeeder.Applicants.Select(a => new Account { Email = a.Email, DisplayName = a.Name }));

        Assert.All(accounts, a => Assert.Null(PasswordPolicy.Check(DemoSeeder.Password, new AccountOptions(), PasswordPolicy.ContextWords(a))));
    }

    [Fact]
    public void Check_LongPasswords_AcceptedUpToTheMaximum()
    {
        var settings = new AccountOptions();

        Assert.Null(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("句子", 32)) + "够长了吧", settings, []));
        Assert.Null(PasswordPolicy.Check(new string('x', 255) + "y", settings, []));
        Assert.Equal("PasswordTooLong", PasswordPolicy.Check(new string('x', 256) + "yz", settings, [])?.Code);
        Assert.True(CommonPasswords.Count > 40_000);
    }

    [Fact]
    public void Check_MinimumBelowEight_StillEight()
    {
        var settings = new AccountOptions { MinimumPasswordLength = 4 };

        Assert.Equal("PasswordTooShort", PasswordPolicy.Check("q7#Lx9!", settings, [])?.Code);
        Assert.Null(PasswordPolicy.Check("q7#Lx9!v", settings, []));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignUp_TakenEmail_AnsweredExactlyAsAFreeOneAndCreatesNothing(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var client = platform.CreateClient();
        var email = $"taken.{Guid.NewGuid():N}@test.dataip.cn";

        using var free = await SignUpAsync(client, email, RegistryFactory.Password, "深圳市第一数据有限公司");
        using var taken = await SignUpAsync(client, email, "another long pass phrase here", "深圳市冒名数据有限公司");

        Assert.Equal(HttpStatusCode.Accepted, free.StatusCode);
        Assert.Equal(free.StatusCode, taken.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        await client.PostJsonAsync("/api/v1/auth/token", new { email, password = "another long pass phrase here" }).ProblemAsync(HttpStatusCode.Unauthorized);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Assert.Equal(1, await db.Acts.CountAsync(a => a.Type == "createAccount"));
    }

    [Fact]
    public async Task SignUp_WeakPassword_400NamingPassword()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = platform.CreateClient();

        var common = await SignUpAsync(client, "weak@test.dataip.cn", "passwordpassword", "深圳市第一数据有限公司").ProblemAsync(HttpStatusCode.BadRequest);
        var context = await SignUpAsync(client, "weak@test.dataip.cn", "深圳市第一数据有限公司123456", "深圳市第一数据有限公司").ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await SignUpAsync(client, "weak@test.dataip.cn", null, "深圳市第一数据有限公司").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["password"], common.ErrorFields());
        Assert.Equal(["password"], context.ErrorFields());
        Assert.Equal(["password"], missing.ErrorFields());
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string? password, string name) =>
        client.PostJsonAsync("/api/v1/accounts", new
        {
            email,
            password,
            displayName = name,
            registrantType = "enterprise",
            identifier = TestContent.CreditCode,
            regionCode = "440300",
        });
}
