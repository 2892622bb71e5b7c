using System.Data.Common;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// No page makes a database query per row (issue M7, scope item 10). Every page of
/// bench/pages/pages.txt, the list bench/run-page-bench.sh measures, is rendered on the demo and
/// its SQL commands counted (an EF Core command interceptor); then 30 more registrations, 30 more
/// notices, 30 more acts in the history of the application shown and 30 more notifications are
/// written, and every page rendered again: it must send no more commands than before, on SQLite
/// and on PostgreSQL. (Commands a store sends past EF, like the log's batched hash read, are not
/// counted; none runs per row.)
/// </summary>
public sealed partial class QueryCountTests(ITestOutputHelper output)
{
    private const int More = 30;

    // The pages whose rows the added data must show, so that the test compares a longer page
    // with a shorter one (a page built later may be added here once it lists what is added).
    private static readonly HashSet<string> Grows =
    [
        "anonymous /notices", "examiner /applications", "applicant /applications", "administrator /applications",
        "examiner /applications/{registered}", "administrator /admin/accounts",
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryPage_MoreRows_NoMoreCommands(DatabaseProvider provider)
    {
        var commands = new CommandLog();
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true,
            configure: b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(commands)));
        var pages = BenchPages.Read();
        var values = await PagePlaceholders.ResolveAsync(platform);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = platform.CookieClient() };
        foreach (var party in pages.Select(p => p.Party).Distinct().Where(p => p != "anonymous"))
        {
            clients[party] = await platform.SignedInAsync(values[party], DemoSeeder.Password);
        }

        var before = await RenderAsync(pages, values, clients, commands);
        await PagePlaceholders.AddRowsAsync(platform, values, More);
        var after = await RenderAsync(pages, values, clients, commands);

        var failures = new List<string>();
        output.WriteLine($"{"page",-60} {"rows",11} {"commands",9}");
        foreach (var page in pages)
        {
            var (first, second) = (before[page.Key], after[page.Key]);
            if (first is null || second is null)
            {
                output.WriteLine($"{page.Key,-60} not built yet (404), skipped");
                continue;
            }

            output.WriteLine($"{page.Key,-60} {first.Rows,4} → {second.Rows,4} {first.Commands.Count,4} → {second.Commands.Count,2}");
            if (second.Commands.Count > first.Commands.Count)
            {
                failures.Add($"{page.Key}: {first.Commands.Count} commands with {first.Rows} rows, {second.Commands.Count} with {second.Rows}:\n  "
                    + string.Join("\n  ", second.Commands.Select(c => c.ReplaceLineEndings(" "))));
            }

            if (Grows.Contains(page.Key) && second.Rows <= first.Rows)
            {
                failures.Add($"{page.Key}: the rows added do not show ({first.Rows} rows before, {second.Rows} after)");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The bench's list and its placeholders' SQL name the same things the test resolves: one list.
    [Fact]
    public void BenchList_PlaceholdersAndParties_AllResolvedByTheBenchAndTheTest()
    {
        var pages = BenchPages.Read();
        var sql = File.ReadAllText(Path.Combine(BenchPages.Directory, "placeholders.sql"));
        var fromSql = SqlName().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();
        var named = pages.SelectMany(p => Placeholder().Matches(p.Path).Select(m => m.Groups[1].Value))
            .Concat(pages.Select(p => p.Party).Where(p => p != "anonymous")).ToHashSet();

        Assert.True(pages.Count >= 10, $"only {pages.Count} pages in pages.txt");
        Assert.Equal(PagePlaceholders.Names.Order(StringComparer.Ordinal), fromSql.Order(StringComparer.Ordinal));
        Assert.Empty(named.Except(PagePlaceholders.Names));
        Assert.All(pages, p => Assert.Contains(p.Party, (string[])["anonymous", .. PagePlaceholders.Parties]));
        Assert.All(pages, p => Assert.True(p.Mark is null or "pending", $"{p.Key}: unknown mark {p.Mark}"));
    }

    private static async Task<Dictionary<string, Rendered?>> RenderAsync(
        IReadOnlyList<BenchPage> pages, Dictionary<string, string> values, Dictionary<string, HttpClient> clients, CommandLog commands)
    {
        var rendered = new Dictionary<string, Rendered?>();
        foreach (var page in pages)
        {
            var path = Placeholder().Replace(page.Path, m => values[m.Groups[1].Value]);
            // Three times, keeping the fewest commands: what a first render fills once (a cache) and
            // what a background job sends meanwhile (the certificate status index's refresh, on a
            // real timer) are not the page's; a query per row is in every render.
            for (var i = 0; i < 3; i++)
            {
                var from = commands.Count;
                using var response = await clients[page.Party].GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound && page.Mark == "pending")
                {
                    rendered[page.Key] = null;
                    break;
                }

                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{page.Key} ({path}): {(int)response.StatusCode}");
                var sent = commands.Since(from);
                if (!rendered.TryGetValue(page.Key, out var fewest) || sent.Count < fewest!.Commands.Count)
                {
                    rendered[page.Key] = new Rendered(Rows(html), sent);
                }
            }
        }

        return rendered;
    }

    // Table rows: every <tr> but the header rows', as the bench counts them.
    private static int Rows(string html) => TableRow().Count(html) - TableHead().Count(html);

    private sealed record Rendered(int Rows, IReadOnlyList<string> Commands);

    [GeneratedRegex("\\{([a-z-]+)\\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^SELECT '([a-z-]+)',", RegexOptions.Multiline)]
    private static partial Regex SqlName();

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex TableRow();

    [GeneratedRegex("<thead")]
    private static partial Regex TableHead();
}

/// <summary>A page of bench/pages/pages.txt: who reads it, its path with placeholders, its mark.</summary>
public sealed record BenchPage(string Party, string Path, string? Mark)
{
    public string Key => $"{Party} {Path}";
}

/// <summary>bench/pages/pages.txt, the one list of pages the bench measures and the test checks.</summary>
public static class BenchPages
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "bench", "pages");

    public static IReadOnlyList<BenchPage> Read() =>
        [.. File.ReadAllLines(Path.Combine(Directory, "pages.txt"))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new BenchPage(f[0], f[1], f.Length > 2 ? f[2] : null))];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DataIp.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// The placeholders of pages.txt and the parties who read the pages, resolved on a platform's data
/// as bench/pages/placeholders.sql resolves them on the bench's; and more rows of each kind.
/// </summary>
internal static class PagePlaceholders
{
    public static readonly string[] Parties = ["examiner", "applicant", "administrator", "bank"];

    public static readonly string[] Names = [.. Parties, "notice", "registered", "registered-act", "registration", "certificate"];

    public static async Task<Dictionary<string, string>> ResolveAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var busiest = (await db.Applications.Where(a => a.State != ApplicationState.Draft).GroupBy(a => a.BodyId)
            .Select(g => new { Body = g.Key, Count = g.Count() }).ToListAsync())
            .OrderByDescending(g => g.Count).ThenBy(g => g.Body).First().Body;
        var examiner = await db.Users.Where(u => u.Email!.EndsWith("@demo.dataip.cn") && u.Role == Data.Accounts.AccountRole.Examiner && u.BodyId == busiest)
            .OrderBy(u => u.CreatedAt).Select(u => u.Email!).FirstAsync();
        var applicants = await db.Applications.GroupBy(a => a.ApplicantId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        var emails = await db.Users.Where(u => u.Email!.EndsWith("@demo.dataip.cn")).ToDictionaryAsync(u => u.Id, u => u.Email!);
        var applicant = applicants.Where(a => emails.ContainsKey(a.Id)).OrderByDescending(a => a.Count).ThenBy(a => emails[a.Id], StringComparer.Ordinal).First();
        var inBusiest = (await db.Applications.Where(a => a.State == ApplicationState.Registered && a.BodyId == busiest)
            .Select(a => new
            {
                a.Id,
                a.ApplicationNumber,
                a.RegistrationNumber,
                a.CertificateNumber,
                Acts = db.Acts.Count(x => x.ApplicationId == a.Id),
                Encumbrances = db.Acts.Count(x => x.ApplicationId == a.Id && (x.Type == ActTypes.RecordLicence || x.Type == ActTypes.FilePledge)),
            })
            .ToListAsync()).ToList();
        var registered = inBusiest.OrderByDescending(a => a.Acts).ThenByDescending(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        var encumbered = inBusiest.OrderByDescending(a => a.Encumbrances).ThenByDescending(a => a.Acts).ThenByDescending(a => a.ApplicationNumber, StringComparer.Ordinal).First();
        var notices = await db.Applications.Where(a => a.State == ApplicationState.PublicNotice).Select(a => a.ApplicationNumber!).ToListAsync();
        var lastAct = await db.Acts.Where(x => x.ApplicationId == registered.Id).OrderByDescending(x => x.Sequence).Select(x => x.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["examiner"] = examiner,
            ["applicant"] = emails[applicant.Id],
            ["administrator"] = DemoSeeder.AdministratorEmail,
            ["bank"] = DemoSeeder.BankEmail,
            ["notice"] = notices.Order(StringComparer.Ordinal).Last(),
            ["registered"] = registered.Id.ToString(),
            ["registered-act"] = lastAct.ToString(),
            ["registration"] = registered.RegistrationNumber!,
            ["certificate"] = encumbered.CertificateNumber!,
        };
    }

    /// <summary>
    /// Writes <paramref name="count"/> more of each kind of row the pages list, where the parties
    /// of <paramref name="values"/> see them: registrations (with certificate, holders and history)
    /// and notices of the examiner's body and the applicant's, acts in the shown application's
    /// history, the applicant's notifications. Copies of the demo's rows, with new keys and numbers.
    /// </summary>
    public static async Task AddRowsAsync(RegistryFactory platform, Dictionary<string, string> values, int count)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var registered = Guid.Parse(values["registered"]);
        var applicant = await db.Users.Where(u => u.Email == values["applicant"]).Select(u => u.Id).SingleAsync();
        var notice = await db.Applications.AsNoTracking().Where(a => a.ApplicationNumber == values["notice"]).Select(a => a.Id).SingleAsync();
        var logIndex = await db.Acts.MaxAsync(a => a.LogIndex);
        for (var k = 1; k <= count; k++)
        {
            foreach (var (template, state) in new[] { (registered, "R"), (notice, "N") })
            {
                var copy = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == template);
                var original = (copy.RegistrationNumber, copy.CertificateNumber);
                copy.Id = Guid.NewGuid();
                copy.ApplicantId = applicant;
                copy.ApplicationNumber = $"{copy.ApplicationNumber}-{state}{k:D2}";
                if (copy.RegistrationNumber is not null)
                {
                    copy.RegistrationNumber = $"T{state}{k:D14}";
                    copy.CertificateNumber = $"T{state}{k:D15}";
                }

                db.Applications.Add(copy);
                foreach (var act in await db.Acts.AsNoTracking().Where(a => a.ApplicationId == template).OrderBy(a => a.Sequence).ToListAsync())
                {
                    (act.Sequence, act.Id, act.ApplicationId, act.LogIndex) = (0, Guid.CreateVersion7(), copy.Id, ++logIndex);
                    db.Acts.Add(act);
                }

                foreach (var holder in await db.RightHolders.AsNoTracking().Where(h => h.ApplicationId == template).ToListAsync())
                {
                    (holder.Id, holder.ApplicationId, holder.AccountId) = (Guid.NewGuid(), copy.Id, holder.AccountId is null ? null : applicant);
                    db.RightHolders.Add(holder);
                }

                if (original.CertificateNumber is { } certificateNumber)
                {
                    var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.CertificateNumber == certificateNumber);
                    (certificate.CertificateNumber, certificate.RegistrationNumber, certificate.ApplicationId, certificate.Supersedes, certificate.IssuanceLogIndex) =
                        (copy.CertificateNumber!, copy.RegistrationNumber!, copy.Id, null, null);
                    db.Certificates.Add(certificate);
                }
            }

            var history = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == registered).OrderBy(a => a.Sequence).FirstAsync();
            (history.Sequence, history.Id, history.LogIndex) = (0, Guid.CreateVersion7(), ++logIndex);
            db.Acts.Add(history);
            if (await db.Notifications.AsNoTracking().Where(n => n.AccountId == applicant).FirstOrDefaultAsync() is { } notification)
            {
                notification.Id = Guid.NewGuid();
                db.Notifications.Add(notification);
            }

            // An applicant account more, for the administrator's list of accounts.
            var email = $"more.{k:D2}@rows.test.dataip.cn";
            db.Users.Add(new Data.Accounts.Account
            {
                Id = Guid.NewGuid(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = $"行数测试有限公司 {k}",
                Role = Data.Accounts.AccountRole.Applicant,
                RegionCode = "440300",
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>Every SQL command EF Core sends, in order, from every context of the platform.</summary>
internal sealed class CommandLog : DbCommandInterceptor
{
    private readonly List<string> _commands = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _commands.Count;
            }
        }
    }

    /// <summary>The commands sent from the <paramref name="first"/>-th on.</summary>
    public IReadOnlyList<string> Since(int first)
    {
        lock (_gate)
        {
            return [.. _commands.Skip(first)];
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Seen(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Seen(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Seen(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seen(command, result));

    private T Seen<T>(DbCommand command, T result)
    {
        lock (_gate)
        {
            _commands.Add(command.CommandText);
        }

        return result;
    }
}
