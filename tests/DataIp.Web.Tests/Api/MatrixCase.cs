using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// The demo as the authorization matrix uses it: every demo identity signed in (and a second bank,
/// and body administrators of Shenzhen and Shanghai added through the API), and the resources that
/// belong to someone, each as the route values of the endpoints acting on it. What the demo does
/// not hold is made here through the API first: a transfer offered to applicant 4, a change
/// request, a pledge filed by the holder awaiting the bank, an attachment, the bank's webhook with
/// a delivery, and a published log.
/// </summary>
internal sealed class MatrixCase
{
    /// <summary>The demo's body of each examiner, in code order (examiner.&lt;code&gt;@demo.dataip.cn).</summary>
    private readonly List<string> _bodies = [];
    private readonly Dictionary<string, HttpClient> _pageClients = [];

    private MatrixCase(RegistryFactory platform) => Platform = platform;

    public RegistryFactory Platform { get; }

    /// <summary>Every identity's API client (bearer token; none for anonymous), by name.</summary>
    public Dictionary<string, HttpClient> Callers { get; } = [];

    /// <summary>The named resources: route parameter name → value.</summary>
    public Dictionary<string, Dictionary<string, string>> Resources { get; } = [];

    /// <summary>Values the request bodies need (account ids, a body's policy, a refresh token, a proof, a checkpoint).</summary>
    public Dictionary<string, string> Values { get; } = [];

    /// <summary>The body's policy of 4403 as it is, so that setting it changes nothing.</summary>
    public JsonElement Policy4403 { get; private set; }

    /// <summary>The content of applicant 1's application awaiting correction as it is.</summary>
    public JsonElement CorrectionContent { get; private set; }

    /// <summary>The group an identity belongs to, for the table's shorthands.</summary>
    public static string GroupOf(string identity) => identity switch
    {
        _ when identity.StartsWith("applicant", StringComparison.Ordinal) => "applicants",
        _ when identity.StartsWith("examiner.", StringComparison.Ordinal) => "examiners",
        _ when identity.StartsWith("bodyAdmin.", StringComparison.Ordinal) => "bodyAdmins",
        "bank" or "bank2" => "banks",
        _ => identity,
    };

    public static async Task<MatrixCase> StartAsync(DatabaseProvider provider)
    {
        // Webhooks may go to loopback here (example.cn stands for a receiver and resolves to 127.0.0.1); nothing is dispatched.
        var platform = await RegistryFactory.StartAsync(provider, demo: true, configure: b => b
            .UseSetting("DataIp:Webhooks:AllowPlainHttp", "true")
            .UseSetting("DataIp:Webhooks:AllowedPrivateNetworks:0", "127.0.0.0/8"));
        platform.Resolver.Map("example.cn", IPAddress.Loopback);
        var matrix = new MatrixCase(platform);
        try
        {
            await matrix.SignInEveryoneAsync();
            await matrix.ReadDemoAsync();
            await matrix.PrepareAsync();
            return matrix;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the pages for the identity: the page sign-in's cookie (none for anonymous).</summary>
    public async Task<HttpClient> PageClientAsync(string identity)
    {
        if (!_pageClients.TryGetValue(identity, out var client))
        {
            client = identity == "anonymous" ? Platform.CookieClient() : await Platform.SignedInAsync(Email(identity), PasswordOf(identity));
            _pageClients[identity] = client;
        }

        return client;
    }

    private static string Email(string identity) => identity switch
    {
        "admin" => DemoSeeder.AdministratorEmail,
        "bank" => DemoSeeder.BankEmail,
        _ when identity.StartsWith("applicant", StringComparison.Ordinal) => DemoSeeder.Applicants[identity[^1] - '1'].Email,
        _ when identity.StartsWith("examiner.", StringComparison.Ordinal) => DemoSeeder.ExaminerEmail(identity["examiner.".Length..]),
        _ => $"{identity.ToLowerInvariant()}@matrix.test.dataip.cn",
    };

    // The demo's accounts have the demo password; those made here the tests' one.
    private static string PasswordOf(string identity) => identity is "bank2" || identity.StartsWith("bodyAdmin.", StringComparison.Ordinal)
        ? RegistryFactory.Password : DemoSeeder.Password;

    private async Task SignInEveryoneAsync()
    {
        var admin = await Platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        foreach (var (identity, role, body) in new[] { ("bank2", "pledgee", null), ("bodyAdmin.4403", "administrator", "4403"), ("bodyAdmin.3100", "administrator", "3100") })
        {
            await admin.PostJsonAsync("/api/v1/accounts/staff", new { email = Email(identity), password = RegistryFactory.Password, displayName = identity, role, bodyCode = body })
                .CreatedAsync();
        }

        _bodies.AddRange((await admin.GetAsync("/api/v1/bodies").OkAsync()).EnumerateArray().Select(b => b.Str("code")));
        Callers["anonymous"] = Platform.CreateClient();
        string[] named = ["admin", "bodyAdmin.4403", "bodyAdmin.3100", "applicant1", "applicant2", "applicant3", "applicant4", "bank", "bank2"];
        foreach (var identity in named.Concat(_bodies.Select(b => "examiner." + b)))
        {
            Callers[identity] = await Platform.SignInAsync(Email(identity), PasswordOf(identity));
        }

        foreach (var identity in named.Where(i => i != "admin" && !i.StartsWith("bodyAdmin", StringComparison.Ordinal)))
        {
            Values[identity] = await RightsTests.AccountIdAsync(Callers[identity]);
        }
    }

    // The demo's applications by the README's names (DemoRegister lists them), and applicant 1's draft.
    private async Task ReadDemoAsync()
    {
        var all = (await Callers["admin"].GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().ToList();
        var draft = (await Callers["applicant1"].GetAsync("/api/v1/applications?state=draft").OkAsync()).EnumerateArray().Single();
        JsonElement Named(string name) => all.Single(a => a.Str("dataName") == name);
        Application("draft1", draft);
        Application("submitted2", Named("药品流通追溯数据集"));
        Application("formal3", Named("跨境支付结算数据集"));
        Application("correction1", Named("城市共享单车骑行数据集"));
        Application("substantive3", Named("上市公司舆情数据集"));
        Application("notice2", Named("互联网医院问诊数据集"));
        Application("objected1", Named("物流园区车辆轨迹数据集"));
        Application("renewed1", Named("深圳市公交客流数据集"));
        Application("pledged1", Named("深圳市城市交通流量数据集"));
        Application("transferred4", Named("广东省医疗健康诊疗数据集"));
        var certificate = await Callers["admin"].GetAsync($"/api/v1/applications/{Resources["pledged1"]["id"]}").OkAsync();
        Resources["pledged1"]["certificateNumber"] = certificate.Str("certificateNumber");
        Resources["section:draft1"] = new() { ["id"] = Resources["draft1"]["id"], ["section"] = "applicant" };
        Resources["account:applicant1"] = new() { ["id"] = Values["applicant1"] };
        var staff = await Callers["admin"].PostJsonAsync("/api/v1/accounts/staff",
            new { email = "staff.4403@matrix.test.dataip.cn", password = RegistryFactory.Password, displayName = "矩阵测试审查员", role = "examiner", bodyCode = "4403" }).CreatedAsync();
        Resources["account:staff4403"] = new() { ["id"] = staff.Str("id") };
        Resources["body:4403"] = new() { ["code"] = "4403" };
        Resources["none"] = [];
        Resources["openapi"] = new() { ["documentName"] = "v1" };
        Resources["calendar:2025"] = new() { ["year"] = "2025" };
        Resources["calendar:2040"] = new() { ["year"] = "2040" };
        Resources["statistics:months"] = new() { ["table"] = "months" };
        Policy4403 = (await Callers["anonymous"].GetAsync("/api/v1/bodies/4403").OkAsync()).GetProperty("policy");
        CorrectionContent = (await Callers["applicant1"].GetAsync($"/api/v1/applications/{Resources["correction1"]["id"]}").OkAsync()).GetProperty("content");
    }

    private void Application(string name, JsonElement summary)
    {
        var values = new Dictionary<string, string> { ["id"] = summary.Str("id") };
        foreach (var member in (string[])["applicationNumber", "registrationNumber"])
        {
            if (summary.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
            {
                values[member] = value.GetString()!;
            }
        }

        Resources[name] = values;
    }

    /// <summary>What the demo lacks, made through the API as its parties would.</summary>
    private async Task PrepareAsync()
    {
        var holder = Callers["applicant1"];
        var renewed = Resources["renewed1"]["registrationNumber"];
        var pledged = Resources["pledged1"]["registrationNumber"];
        await holder.PostJsonAsync($"/api/v1/registrations/{renewed}/transfers", new { transfereeAccountId = Values["applicant4"], reason = "数据资产转让合同 MATRIX-1" }).AcceptedAsync();
        await holder.PostJsonAsync($"/api/v1/registrations/{pledged}/changes", new { updateFrequency = "daily", reason = "更新频率提高" }).AcceptedAsync();
        var webhook = (await Callers["bank"].PostJsonAsync("/api/v1/webhooks", new { url = "http://example.cn/hooks", description = "bank ERP" }).CreatedAsync()).Str("id");
        await holder.PostJsonAsync($"/api/v1/registrations/{pledged}/pledges", Pledge(Values["bank"], "MATRIX-ZY-0002")).AcceptedAsync();
        var attachment = await AttachAsync(holder, Resources["correction1"]["id"]);

        var offered = (await holder.GetAsync($"/api/v1/registrations/{renewed}/rights").OkAsync()).GetProperty("transfers").EnumerateArray().Single();
        Resources["transfer:renewed1"] = new() { ["registrationNumber"] = renewed, ["transferNumber"] = offered.Str("number") };
        var rights = await holder.GetAsync($"/api/v1/registrations/{pledged}/rights").OkAsync();
        Resources["change:pledged1"] = new() { ["registrationNumber"] = pledged, ["changeId"] = rights.GetProperty("changes").EnumerateArray().Single().Str("id") };
        var pledges = rights.GetProperty("pledges").EnumerateArray().ToList();
        Resources["pledge:pledged1:registered"] = new() { ["registrationNumber"] = pledged, ["pledgeNumber"] = pledges.Single(p => p.Str("status") == "registered").Str("number") };
        Resources["pledge:pledged1:filed"] = new() { ["registrationNumber"] = pledged, ["pledgeNumber"] = pledges.Single(p => p.Str("status") == "filed").Str("number") };
        Resources["attachment:correction1"] = new() { ["id"] = Resources["correction1"]["id"], ["attachmentId"] = attachment };
        var firstAct = (await Callers["admin"].GetAsync($"/api/v1/applications/{Resources["objected1"]["id"]}/acts").OkAsync()).EnumerateArray().First().Str("id");
        Resources["act:objected1"] = new() { ["id"] = Resources["objected1"]["id"], ["actId"] = firstAct };
        var licenceAct = (await Callers["admin"].GetAsync($"/api/v1/applications/{Resources["pledged1"]["id"]}/acts").OkAsync()).EnumerateArray()
            .First(a => a.Str("type") == "recordLicence").Str("id");
        Resources["act:pledged1"] = new() { ["registrationNumber"] = pledged, ["actId"] = licenceAct };
        var confirmed = (await Callers["admin"].GetAsync($"/api/v1/applications/{Resources["pledged1"]["id"]}/acts").OkAsync()).EnumerateArray()
            .First(a => a.Str("type") == "confirmPledge").Str("id");
        Resources["act:bank"] = new() { ["actId"] = confirmed };
        Resources["act:admin"] = new() { ["actId"] = await AdministratorsActAsync() };
        Resources["act:handover"] = new() { ["actId"] = await HandOverActAsync() };
        var objections = await Callers["examiner.4403"].GetAsync($"/api/v1/applications/{Resources["objected1"]["id"]}/objections").OkAsync();
        Resources["objection:objected1"] = new() { ["objectionId"] = objections.EnumerateArray().Single().Str("id") };
        var notification = (await holder.GetAsync("/api/v1/notifications").OkAsync()).EnumerateArray().First();
        Resources["notification:applicant1"] = new() { ["id"] = notification.Str("id") };
        var delivery = (await Callers["bank"].GetAsync($"/api/v1/webhooks/{webhook}/deliveries").OkAsync()).GetProperty("deliveries").EnumerateArray().First();
        Resources["webhook:bank"] = new() { ["id"] = webhook, ["deliveryId"] = delivery.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Values["refreshToken"] = (await Callers["anonymous"].PostJsonAsync("/api/v1/auth/token", new { email = Email("applicant1"), password = DemoSeeder.Password }).OkAsync())
            .Str("refreshToken");
        Values["proof"] = Proof("深圳市城市交通流量数据集");
        await PublishAsync();
    }

    // An act of the national administrator's (4403's policy set as it is), for its confirmation page.
    private async Task<string> AdministratorsActAsync()
    {
        await Callers["admin"].PutJsonAsync("/api/v1/bodies/4403/policy", Policy4403).OkAsync();
        await using var scope = Platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var admin = await db.Users.Where(u => u.Email == DemoSeeder.AdministratorEmail).Select(u => u.Id).SingleAsync();
        return (await db.Acts.Where(a => a.ActorId == admin && a.Type == "changePolicy").Select(a => a.Id).SingleAsync()).ToString();
    }

    // The demo's hand-over of a draft by applicant 1 to its colleague, for its confirmation page.
    private async Task<string> HandOverActAsync()
    {
        await using var scope = Platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return (await db.Acts.Where(a => a.Type == "handOverApplication").Select(a => a.Id).SingleAsync()).ToString();
    }

    // The log published, so that its checkpoint, tiles and proofs exist.
    private async Task PublishAsync()
    {
        var checkpoint = await Platform.PublishLogAsync();
        var size = checkpoint.TreeSize;
        Values["logSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Values["checkpoint"] = await Callers["anonymous"].GetStringAsync("/log/checkpoint");
        Resources["log"] = new()
        {
            ["index"] = "0",
            ["path"] = size >= 256 ? "0/000" : $"0/000.p/{size}",
        };
    }

    internal static RightsTests.PledgeBody Pledge(string? pledgee, string contract) =>
        new(pledgee, contract, "1000000.00", "CNY", "2025-10-01", "2026-09-30", ["holding"]);

    private static async Task<string> AttachAsync(HttpClient applicant, string id)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%matrix proof of source\n"u8.ToArray()), "file", "来源证明.pdf" } };
        return (await applicant.PostAsync($"/api/v1/applications/{id}/attachments?kind=proofOfSource", form).CreatedAsync()).Str("id");
    }

    // A proof of row 7 of a demo dataset against its registered root, as `dataip prove` makes it (DemoRegister does the same).
    private string Proof(string dataName)
    {
        var datasets = Path.Combine(Platform.DataDirectory, "demo-datasets");
        var file = File.ReadAllLines(Path.Combine(datasets, "index.txt")).Select(l => l.Split('\t')).Single(p => p[1] == dataName)[0];
        var path = Path.Combine(datasets, file);
        var manifest = Fingerprinter.FingerprintRows(path, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), TimeProvider.System, "test");
        return FingerprintJson.WriteProof(FingerprintProver.ProveRow(path, manifest, 7));
    }
}
