using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Data.Attachments;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Demo;

/// <summary>
/// Seeds the demo (<c>--demo</c>): an administrator, one examiner per body, applicant
/// organisations, a bank, applications in every state of the lifecycle, and on the registrations
/// every kind of act of the register of rights (licences, a pledge, a transfer, a renewal, a
/// revocation, a re-issue), made through the real lifecycle and rights acts (so the demo's history
/// is a real history). Runs once per data directory.
/// </summary>
internal sealed partial class DemoSeeder(
    RegistryDbContext db, UserManager<Account> users, TimeProvider clock, IAttachmentStore store, IOptions<PlatformOptions> options,
    Features.Certificates.IssuerKeys issuerKeys, Features.Ledger.LogKeys logKeys, ILogger<DemoSeeder> logger)
{
    /// <summary>The password of every demo account.</summary>
    public const string Password = "DataIp-Demo-2025";

    /// <summary>The demo's national administrator.</summary>
    public const string AdministratorEmail = "admin@demo.dataip.cn";

    /// <summary>The demo's bank.</summary>
    public const string BankEmail = "bank@demo.dataip.cn";

    /// <summary>The demo applicant organisations (credit codes get their GB 32100 check character).</summary>
    public static IReadOnlyList<DemoApplicant> Applicants { get; } =
    [
        new("applicant1@demo.dataip.cn", "深圳市数智交通科技有限公司", WithCheck("91440300MA5G0001"), "440300", "深圳市南山区科技园", "李明"),
        new("applicant2@demo.dataip.cn", "广州市健康医疗大数据有限公司", WithCheck("91440101MA5G0002"), "440100", "广州市天河区珠江新城", "王芳"),
        new("applicant3@demo.dataip.cn", "上海市金融数据服务有限公司", WithCheck("91310000MA1H0003"), "310000", "上海市浦东新区陆家嘴", "张伟"),

        // Files nothing: it becomes a holder by accepting a transfer (DemoSeeder.Rights.cs).
        new("applicant4@demo.dataip.cn", "广东省数据资产运营有限公司", WithCheck("91440101MA5G0004"), "440100", "广州市海珠区琶洲", "陈静"),
    ];

    /// <summary>The e-mail of the examiner of a body.</summary>
    public static string ExaminerEmail(string bodyCode) => $"examiner.{bodyCode}@demo.dataip.cn";

    private RegistryDbContext Database => db;

    /// <summary>The demo's datasets, under the data directory.</summary>
    private DemoDatasets Datasets { get; } = new(Path.Combine(options.Value.DataDirectoryPath, "demo-datasets"));

    private ILogger Logger => logger;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(AdministratorEmail).ConfigureAwait(false) is not null)
        {
            return;
        }

        logger.LogInformation("Seeding the demo: accounts, and applications in every state of the lifecycle.");
        await SeedAccountsAsync(cancellationToken).ConfigureAwait(false);
        await SeedDemoCalendarAsync(cancellationToken).ConfigureAwait(false);
        await SeedApplicationsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedAccountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admin = await CreateAsync(new Account { Email = AdministratorEmail, DisplayName = "国家数据知识产权登记平台管理员 National administrator", Role = AccountRole.Administrator }, now).ConfigureAwait(false);
        await CreateAsync(new Account { Email = BankEmail, DisplayName = "中国示范银行 Demo Bank of China", Role = AccountRole.Pledgee }, now).ConfigureAwait(false);
        foreach (var body in await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            await CreateAsync(new Account { Email = ExaminerEmail(body.Code), DisplayName = $"{body.Name}审查员 Examiner", Role = AccountRole.Examiner, BodyId = body.Id }, now)
                .ConfigureAwait(false);
        }

        // The demo's applicants are verified by the demo administrator, each with its act, as a
        // real administrator verifies an applicant before it may submit (docs/administrator.md);
        // dated before the demo's history starts, since the log's acts never go back in time.
        var verifiedAt = At(2024, 1, 2).AddHours(-1);
        var verifier = new Features.Applications.ActingParty(admin.Id, AccountRole.Administrator, null, admin.DisplayName);
        foreach (var a in Applicants)
        {
            var applicant = await CreateAsync(new Account
            {
                Email = a.Email,
                DisplayName = a.Name,
                Role = AccountRole.Applicant,
                RegistrantType = RegistrantType.Enterprise,
                Identifier = a.CreditCode,
                RegionCode = a.RegionCode,
                IdentityVerification = IdentityVerification.Claimed,
            }, now).ConfigureAwait(false);
            await Features.Accounts.AccountVerification.RecordAsync(db, verifier, applicant, IdentityVerification.Verified,
                "示范数据：未核验真实营业执照 Demo data: no real business licence was examined.", null, verifiedAt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Account> CreateAsync(Account account, DateTimeOffset now)
    {
        account.Id = Guid.NewGuid();
        account.UserName = account.Email;
        account.CreatedAt = now;
        var result = await users.CreateAsync(account, Password).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Couldn't create demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return account;
    }

    private static string WithCheck(string first16) =>
        // GB 32100 codes are 18 characters; the demo pads its 16-character stems with 0.
        first16 + "0" + UnifiedSocialCreditCode.ComputeCheckCharacter(first16 + "0");
}
