using DataIp.Domain.Numbering;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Demo;

/// <summary>
/// Seeds the demo (<c>--demo</c>): an administrator, one examiner per body, applicant
/// organisations, a bank, applications in every state of the lifecycle, and on the registrations
/// every kind of act of the register of rights (licences, a pledge, a transfer, a renewal, a
/// revocation, a re-issue), made through the real lifecycle and rights acts (so the demo's history
/// is a real history), dated back from the real time at which it runs (<see cref="DemoTimeline"/>)
/// so that every state is there on any date. Runs once per data directory.
/// </summary>
internal sealed partial class DemoSeeder(
    RegistryDbContext db, UserManager<Account> users, TimeProvider clock, IAttachmentStore store, IOptions<PlatformOptions> options,
    Features.Certificates.IssuerSigningKeys issuerKeys, Features.Ledger.LogSigningKeys logKeys, PublicAddress publicAddress, ILogger<DemoSeeder> logger)
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

    /// <summary>
    /// A colleague of applicant1 at the same organisation, verified for it too: applicant1 hands
    /// it a draft (DemoSeeder.Applications.cs), and a journey hands it another.
    /// </summary>
    public static DemoApplicant Colleague { get; } = Applicants[0] with { Email = "colleague1@demo.dataip.cn", ContactPerson = "赵强" };

    /// <summary>The e-mail of the examiner of a body.</summary>
    public static string ExaminerEmail(string bodyCode) => $"examiner.{bodyCode}@demo.dataip.cn";

    private RegistryDbContext Database => db;

    /// <summary>The demo's datasets, under the data directory.</summary>
    private DemoDatasets Datasets { get; } = new(Path.Combine(options.Value.DataDirectoryPath, "demo-datasets"));

    /// <summary>Seeds the demo unless it is there already.</summary>
    /// <exception cref="InvalidOperationException">
    /// An act of the demo was refused (a defect of the demo), or an earlier seeding of this data
    /// directory stopped part-way.
    /// </exception>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The administrator is created last: it marks a demo seeded to the end.
        if (await users.FindByEmailAsync(AdministratorEmail).ConfigureAwait(false) is not null)
        {
            return;
        }

        if (await users.FindByEmailAsync(BankEmail).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException(
                $"Demo: an earlier seeding of {options.Value.DataDirectoryPath} stopped part-way; start the demo again on an empty data directory.");
        }

        var timeline = new DemoTimeline(clock.GetUtcNow());
        logger.LogInformation("Seeding the demo: accounts, and applications in every state of the lifecycle, from {Start:yyyy-MM-dd} to today.", timeline.RenewedSubmitted);
        var admin = await SeedAccountsAsync(timeline, cancellationToken).ConfigureAwait(false);
        await SeedDemoCalendarsAsync(timeline, cancellationToken).ConfigureAwait(false);
        await SeedApplicationsAsync(timeline, cancellationToken).ConfigureAwait(false);
        await CreateAsync(admin, timeline.AccountsCreated).ConfigureAwait(false);
        await LogSummaryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Account> SeedAccountsAsync(DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var created = timeline.AccountsCreated;
        // The applicants are verified by the demo administrator, whose account is created last
        // (it marks a demo seeded to the end), so its id is chosen now.
        var admin = new Account
        {
            Id = Guid.NewGuid(),
            Email = AdministratorEmail,
            DisplayName = "国家数据知识产权登记平台管理员 National administrator",
            Role = AccountRole.Administrator,
        };
        await CreateAsync(new Account { Email = BankEmail, DisplayName = "中国示范银行 Demo Bank of China", Role = AccountRole.Pledgee }, created).ConfigureAwait(false);
        foreach (var body in await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            await CreateAsync(new Account { Email = ExaminerEmail(body.Code), DisplayName = $"{body.Name}审查员 Examiner", Role = AccountRole.Examiner, BodyId = body.Id }, created)
                .ConfigureAwait(false);
        }

        // The demo's applicants are verified by the demo administrator, each with its act, as a
        // real administrator verifies an applicant before it may submit (docs/administrator.md);
        // dated early on the history's first day, before its first act, since the log's acts never
        // go back in time (and in a year the demo has a calendar for).
        var verifiedAt = new DemoClock(DemoTimeline.At(timeline.RenewedSubmitted, hour: 8));
        var verifier = new Features.Acts.ActingParty(admin.Id, AccountRole.Administrator, null, admin.DisplayName);
        foreach (var a in Applicants.Append(Colleague))
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
            }, created).ConfigureAwait(false);
            await Features.Accounts.AccountVerification.RecordAsync(db, verifiedAt, verifier, applicant, IdentityVerification.Verified,
                "示范数据：未核验真实营业执照 Demo data: no real business licence was examined.", null, cancellationToken).ConfigureAwait(false);
        }

        return admin;
    }

    private async Task<Account> CreateAsync(Account account, DateTimeOffset now)
    {
        account.Id = account.Id == Guid.Empty ? Guid.NewGuid() : account.Id;
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
