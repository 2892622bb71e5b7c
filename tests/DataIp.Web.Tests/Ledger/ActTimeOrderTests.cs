using System.Globalization;
using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// Issue M6, defect 5: under concurrent writes acts were logged out of time order (an entry 1.05 s
/// earlier than the one before it), because an act read the clock before it took the log's append
/// lock. With a clock that moves on at every read, no two reads agree, so an act whose time is read
/// outside the serialised section lands out of order as soon as another act overtakes it.
/// </summary>
public sealed class ActTimeOrderTests
{
    private const int Rounds = 3;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentActsOfEveryKind_ClockMovingOnEveryRead_LoggedInTimeOrderAtTheirActsTime(DatabaseProvider provider)
    {
        var clock = new TickingClock(LifecycleWalkTests.At(2025, 9, 26, 10));
        await using var platform = await RegistryFactory.StartAsync(provider, configure: b => b.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var parties = await PartiesAsync(platform);
        var answers = new List<HttpStatusCode>();

        for (var round = 0; round < Rounds; round++)
        {
            var requests = await PrepareRoundAsync(platform, parties, round);
            answers.AddRange(await Task.WhenAll(requests.Select(SendAsync)));
        }

        Assert.All(answers, status => Assert.True((int)status is >= 200 and < 300, $"a concurrent act was refused: {status}"));
        var (entries, failures) = await CheckLogAsync(platform);
        Assert.True(entries >= Rounds * 40, $"only {entries} log entries");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The accounts every round acts as: four verified applicants, an examiner of 4400 and the administrator.</summary>
    private sealed record Parties(List<HttpClient> Applicants, HttpClient Examiner, HttpClient Admin, HttpClient Anonymous, JsonElement Policy);

    private static async Task<Parties> PartiesAsync(RegistryFactory platform)
    {
        var applicants = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            applicants.Add(await platform.ApplicantAsync());
        }

        var anonymous = platform.CreateClient();
        var policy = (await anonymous.GetAsync("/api/v1/bodies/4400").OkAsync()).GetProperty("policy");
        return new Parties(applicants, await platform.ExaminerAsync("4400"), await platform.SignInAsync(RegistryFactory.AdminEmail), anonymous, policy);
    }

    // Forty acts of seven kinds, their inputs made one after the other first: drafts created and
    // submitted, sign-ups, policy changes, verifications, examinations started, calendars entered.
    private static async Task<List<Func<Task<HttpResponseMessage>>>> PrepareRoundAsync(RegistryFactory platform, Parties parties, int round)
    {
        var requests = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < 8; i++)
        {
            var applicant = parties.Applicants[i % 4];
            var draft = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400", content = TestContent.Complete() }).OkAsync()).Str("id");
            requests.Add(() => applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "1100", content = TestContent.Complete() }));
            requests.Add(() => applicant.PostJsonAsync($"/api/v1/applications/{draft}/submit"));
            var email = $"signup.{round}.{i}.{Guid.NewGuid():N}@test.dataip.cn";
            requests.Add(() => parties.Anonymous.PostJsonAsync("/api/v1/accounts", new
            {
                email,
                password = RegistryFactory.Password,
                displayName = TestContent.ApplicantName,
                registrantType = "enterprise",
                identifier = TestContent.CreditCode,
            }));
        }

        for (var i = 0; i < 4; i++)
        {
            var unverified = await RightsTests.AccountIdAsync(await platform.ApplicantAsync(verified: false));
            var submitted = await LifecycleWalkTests.SubmitAsync(parties.Applicants[i], "4400");
            var year = 2040 + (round * 4) + i;
            requests.Add(() => parties.Admin.PutJsonAsync("/api/v1/bodies/4400/policy", parties.Policy));
            requests.Add(() => parties.Admin.PostJsonAsync($"/api/v1/accounts/{unverified}/verification", new { evidence = "营业执照原件核验 (test)", decision = "verified" }));
            requests.Add(() => parties.Examiner.PostJsonAsync($"/api/v1/applications/{submitted}/examination/start"));
            requests.Add(() => parties.Admin.PutJsonAsync($"/api/v1/calendars/{year}", new { source = $"国务院办公厅关于{year}年部分节假日安排的通知（测试）", days = Array.Empty<object>() }));
        }

        return requests;
    }

    private static async Task<HttpStatusCode> SendAsync(Func<Task<HttpResponseMessage>> request)
    {
        using var response = await request();
        return response.StatusCode;
    }

    // The log in index order: each entry's time at or after the one before it, and equal to its act's.
    private static async Task<(int Entries, List<string> Failures)> CheckLogAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var entries = await db.LogEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => new { e.Index, e.ActId, e.Entry }).ToListAsync();
        var acts = await db.Acts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.At);
        var failures = new List<string>();
        DateTimeOffset? previous = null;
        foreach (var entry in entries)
        {
            using var json = JsonDocument.Parse(entry.Entry);
            var type = json.RootElement.GetProperty("act").GetString();
            var at = DateTimeOffset.Parse(json.RootElement.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (at < previous)
            {
                failures.Add($"entry {entry.Index} ({type}) at {at:o} is {(previous.Value - at).TotalMilliseconds} ms earlier than the entry before it");
            }

            if (acts[entry.ActId] != at)
            {
                failures.Add($"entry {entry.Index} ({type}) at {at:o}, its act at {acts[entry.ActId]:o}");
            }

            previous = at;
        }

        return (entries.Count, failures);
    }

    /// <summary>A clock that moves 1 ms on at every read, from any thread: no two reads see the same instant.</summary>
    private sealed class TickingClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
