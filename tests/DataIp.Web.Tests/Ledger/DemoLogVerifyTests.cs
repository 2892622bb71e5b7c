using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Acts;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// Issue M6's acceptance, end to end with the real tools: the built <c>dataip</c> run as its own
/// process against a demo node listening on loopback. <c>dataip log verify --server URL --state
/// FILE</c> passes on the fresh demo and saves its state (defect 4: the demo's pledgee actor made
/// it fail), and passes a second time against that state. Then the parties do, through the API,
/// every act the demo does not, until the log holds every type of the catalogue; the verifier
/// replays them all against the saved state, and <c>dataip log audit</c> finds the database
/// intact.
/// </summary>
public sealed class DemoLogVerifyTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LogVerify_DemoThenEveryActType_PassesAndCarriesItsStateForward(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true, urls: "http://127.0.0.1:0");
        var server = platform.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        var state = Path.Combine(platform.DataDirectory, "verifier-state.json");

        await platform.PublishLogAsync();
        var first = await DataIpAsync("log", "verify", "--server", server, "--state", state);
        Assert.True(first.ExitCode == 0, $"the fresh demo: exit {first.ExitCode}\n{first.Output}\n{first.Error}");
        Assert.True(File.Exists(state), "no state file was saved");
        var saved = await File.ReadAllTextAsync(state);
        var second = await DataIpAsync("log", "verify", "--server", server, "--state", state);
        Assert.True(second.ExitCode == 0, $"the demo again, against the saved state: exit {second.ExitCode}\n{second.Output}\n{second.Error}");

        await EveryActTheDemoLacksAsync(platform);
        var checkpoint = await platform.PublishLogAsync();
        var types = await TypesAsync(platform);
        Assert.Empty(ActCatalogue.All.Select(d => d.Name).Except(types));

        var third = await DataIpAsync("log", "verify", "--server", server, "--state", state);
        Assert.True(third.ExitCode == 0, $"every act type, against the saved state: exit {third.ExitCode}\n{third.Output}\n{third.Error}");
        Assert.Contains($"entries:     {checkpoint.TreeSize} hashed and replayed\n", third.Output, StringComparison.Ordinal);
        Assert.NotEqual(saved, await File.ReadAllTextAsync(state));

        string[] source = provider == DatabaseProvider.Postgres
            ? ["--postgres", platform.ConnectionString!, "--keys", Path.Combine(platform.DataDirectory, "keys", "log")]
            : ["--data-dir", platform.DataDirectory];
        var audit = await DataIpAsync(["log", "audit", .. source]);
        Assert.True(audit.ExitCode == 0, $"audit: exit {audit.ExitCode}\n{audit.Output}\n{audit.Error}");
        Assert.StartsWith($"The log is intact: {checkpoint.TreeSize} entries", audit.Output, StringComparison.Ordinal);
    }

    // The README's parties do what the demo leaves undone, each answered with success.
    private static async Task EveryActTheDemoLacksAsync(RegistryFactory platform)
    {
        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var bank = await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var applicants = new List<HttpClient>();
        foreach (var applicant in DemoSeeder.Applicants)
        {
            applicants.Add(await platform.SignInAsync(applicant.Email, DemoSeeder.Password));
        }

        var (holder, second, fourth) = (applicants[0], applicants[1], applicants[3]);
        var examiner = await platform.SignInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var all = (await admin.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().ToList();
        JsonElement Named(string name) => all.Single(a => a.Str("dataName") == name);
        var correction = Named("城市共享单车骑行数据集").Str("id");
        var objected = Named("物流园区车辆轨迹数据集").Str("id");
        var notice = Named("互联网医院问诊数据集").Str("id");
        var renewed = Named("深圳市公交客流数据集").Str("registrationNumber");
        var pledged = Named("深圳市城市交通流量数据集").Str("registrationNumber");
        var reason = new { reason = "端到端日志验证 (test)" };

        // Accounts, bodies and calendars.
        await platform.CreateClient().PostJsonAsync("/api/v1/accounts", new
        {
            email = $"signup.{Guid.NewGuid():N}@test.dataip.cn",
            password = RegistryFactory.Password,
            displayName = TestContent.ApplicantName,
            registrantType = "enterprise",
            identifier = TestContent.CreditCode,
            regionCode = "440300",
        }).AcceptedAsync();
        var staff = (await admin.PostJsonAsync("/api/v1/accounts/staff",
            new { email = $"staff.{Guid.NewGuid():N}@test.dataip.cn", password = RegistryFactory.Password, displayName = "端到端审查员", role = "examiner", bodyCode = "4403" })
            .CreatedAsync()).Str("id");
        await admin.PutJsonAsync($"/api/v1/accounts/{staff}/role", new { role = "administrator", bodyCode = "4403", reason = "端到端日志验证 (test)" }).OkAsync();
        await admin.PostJsonAsync($"/api/v1/accounts/{staff}/disable", reason).OkAsync();
        await admin.PostJsonAsync($"/api/v1/accounts/{staff}/enable", reason).OkAsync();
        await admin.PostJsonAsync("/api/v1/bodies", new { regionCode = "659001", name = "端到端测试登记机构", nameEn = "End-to-end test body" }).CreatedAsync();
        var policy = (await admin.GetAsync("/api/v1/bodies/4403").OkAsync()).GetProperty("policy");
        await admin.PutJsonAsync("/api/v1/bodies/4403/policy", policy).OkAsync();
        await admin.PutJsonAsync("/api/v1/calendars/2040", new { source = "国务院办公厅关于2040年部分节假日安排的通知（测试）", days = Array.Empty<object>() }).OkAsync();

        // Pilot-era certificates imported (docs/import.md): importRegistration acts, each followed by its issueCertificate.
        using (var csv = new ByteArrayContent(PilotImports.PilotFiles.Sample) { Headers = { ContentType = new("text/csv") } })
        {
            await admin.PostAsync("/api/v1/bodies/3300/imports?batch=pilot-certificates.csv", csv).OkAsync();
        }

        // The application awaiting correction: content corrected, a file added, resubmitted.
        var content = (await holder.GetAsync($"/api/v1/applications/{correction}").OkAsync()).GetProperty("content");
        await holder.PutJsonAsync($"/api/v1/applications/{correction}/content", new { content }).OkAsync();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%proof of source\n"u8.ToArray()), "file", "来源证明.pdf" } })
        {
            await holder.PostAsync($"/api/v1/applications/{correction}/attachments?kind=proofOfSource", form).CreatedAsync();
        }

        await holder.PostJsonAsync($"/api/v1/applications/{correction}/resubmit", reason).OkAsync();

        // The objection upheld; the application under notice withdrawn by its applicant.
        var objection = (await examiner.GetAsync($"/api/v1/applications/{objected}/objections").OkAsync()).EnumerateArray().Single().Str("id");
        await examiner.PostJsonAsync($"/api/v1/objections/{objection}/uphold", reason).OkAsync();
        await second.PostJsonAsync($"/api/v1/applications/{notice}/withdraw", reason).OkAsync();

        // Changes of particulars: one approved, one refused.
        await holder.PostJsonAsync($"/api/v1/registrations/{pledged}/changes", new { updateFrequency = "daily", reason = "更新频率提高" }).AcceptedAsync();
        await examiner.PostJsonAsync($"/api/v1/registrations/{pledged}/changes/{await PendingChangeAsync(holder, pledged)}/approve", reason).OkAsync();
        await holder.PostJsonAsync($"/api/v1/registrations/{pledged}/changes", new { dataName = "深圳市城市交通流量数据集（更名）", reason = "更名" }).AcceptedAsync();
        await examiner.PostJsonAsync($"/api/v1/registrations/{pledged}/changes/{await PendingChangeAsync(holder, pledged)}/refuse", reason).OkAsync();

        // A transfer declined by its transferee; the bank releases its pledge; a registration cancelled by its holder.
        await holder.PostJsonAsync($"/api/v1/registrations/{renewed}/transfers",
            new { transfereeAccountId = await RightsTests.AccountIdAsync(fourth), reason = "数据资产转让合同 (test)" }).AcceptedAsync();
        var transfer = (await holder.GetAsync($"/api/v1/registrations/{renewed}/rights").OkAsync()).GetProperty("transfers").EnumerateArray()
            .Single(t => t.Str("status") == "proposed").Str("number");
        await fourth.PostJsonAsync($"/api/v1/registrations/{renewed}/transfers/{transfer}/decline", reason).OkAsync();
        var pledge = (await bank.GetAsync($"/api/v1/registrations/{pledged}/rights").OkAsync()).GetProperty("pledges").EnumerateArray()
            .Single(p => p.Str("status") == "registered").Str("number");
        await bank.PostJsonAsync($"/api/v1/registrations/{pledged}/pledges/{pledge}/release", reason).OkAsync();
        await holder.PostJsonAsync($"/api/v1/registrations/{renewed}/cancellation", reason).OkAsync();

        // Years on, the lifecycle job lets the registrations still in force expire.
        await platform.SetTimeAsync(platform.Clock.GetUtcNow().AddYears(6));
        Assert.True(await platform.SweepAsync() > 0, "the sweep six years on did nothing");
    }

    private static async Task<string> PendingChangeAsync(HttpClient holder, string registrationNumber) =>
        (await holder.GetAsync($"/api/v1/registrations/{registrationNumber}/rights").OkAsync()).GetProperty("changes").EnumerateArray()
            .Single(c => c.Str("status") == "pending").Str("id");

    private static async Task<HashSet<string>> TypesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var entries = await db.LogEntries.AsNoTracking().Select(e => e.Entry).ToListAsync();
        return entries.Select(e => JsonDocument.Parse(e).RootElement.GetProperty(LogEntryFields.Act).GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    // The built command-line tool, as an operator runs it: its own process, over HTTP to the node.
    private static Task<ToolRun> DataIpAsync(params string[] arguments) =>
        ToolProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "dataip.dll"), .. arguments], TimeSpan.FromMinutes(3));
}
