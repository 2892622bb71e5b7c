using System.Text.Json;
using DataIp.Data;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Demo;

/// <summary>
/// The README's demo: its accounts sign in, it holds every state of the lifecycle, and every kind of
/// act of the register of rights.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Seeded_AccountsWorkAndEveryStateIsPresent()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8)), demo: true);

        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var applicant = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        foreach (var other in DemoSeeder.Applicants.Skip(1))
        {
            await platform.SignInAsync(other.Email, DemoSeeder.Password);
        }

        await platform.SignInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var bodies = await platform.CreateClient().GetAsync("/api/v1/bodies").OkAsync();
        foreach (var body in bodies.EnumerateArray())
        {
            await platform.SignInAsync(DemoSeeder.ExaminerEmail(body.Str("code")), DemoSeeder.Password);
        }

        var states = (await admin.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().Select(a => a.Str("state")).ToHashSet();
        var own = (await applicant.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().Select(a => a.Str("state")).ToHashSet();

        Assert.Equal(17, bodies.GetArrayLength());
        Assert.Equal(
            ["correctionRequested", "formalExamination", "objectionReview", "publicNotice", "registered", "rejected", "revoked", "submitted", "substantiveExamination", "withdrawn"],
            states.Order());
        Assert.Contains("draft", own); // drafts are the applicant's own: administrators never see them
        var registered = (await admin.GetAsync("/api/v1/applications?state=registered").OkAsync()).EnumerateArray().ToList();
        Assert.Equal(3, registered.Count);
        Assert.All(registered, r => Assert.False(string.IsNullOrEmpty(r.Str("registrationNumber"))));
        Assert.Equal(2, (await platform.CreateClient().GetAsync("/api/v1/notices").OkAsync()).GetArrayLength());

        // The demo's history is a real one: every act in the log, in time order.
        var checkpoint = await platform.PublishLogAsync();
        var times = new List<DateTimeOffset>();
        for (var index = 0; index < checkpoint.TreeSize; index++)
        {
            var entry = await platform.CreateClient().GetAsync($"/api/v1/log/entries/{index}").OkAsync();
            times.Add(DateTimeOffset.Parse(entry.GetProperty("act").Str("at"), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(times.Count > 50);
        Assert.Equal(times.Order(), times);

        // The demo's evidence is real: its datasets are under the data directory, a row of a
        // registered one proves against the registered root, and the examiner of 4400 sees the
        // notice application that reuses three quarters of another holder's registered rows (that
        // holder, applicant 1, is notified).
        var datasets = Path.Combine(platform.DataDirectory, "demo-datasets");
        var files = File.ReadAllLines(Path.Combine(datasets, "index.txt")).Select(l => l.Split('\t')).ToDictionary(p => p[1], p => Path.Combine(datasets, p[0]));
        var health = registered.Single(r => r.Str("dataName") == "广东省医疗健康诊疗数据集");
        var healthView = await admin.GetAsync($"/api/v1/applications/{health.Str("id")}").OkAsync();
        var manifest = Fingerprinter.FingerprintRows(files["广东省医疗健康诊疗数据集"], new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), TimeProvider.System, "test");
        Assert.Equal(manifest.Root.ToString(), healthView.GetProperty("content").GetProperty("evidence").GetProperty("fingerprint").Str("root"));
        var proof = FingerprintJson.WriteProof(FingerprintProver.ProveRow(files["广东省医疗健康诊疗数据集"], manifest, 7));
        var check = await platform.CreateClient().PostAsync(
            $"/api/v1/registrations/{health.Str("registrationNumber")}/evidence/check", new StringContent(proof, System.Text.Encoding.UTF8, "application/json")).OkAsync();
        Assert.True(check.GetProperty("valid").GetBoolean(), check.GetRawText());

        var examiner = await platform.SignInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password);
        var notice = (await admin.GetAsync("/api/v1/applications?state=publicNotice").OkAsync()).EnumerateArray()
            .Single(a => a.Str("dataName") == "互联网医院问诊数据集");
        var overlaps = await examiner.GetAsync($"/api/v1/applications/{notice.Str("id")}/evidence/overlaps").OkAsync();
        var overlap = Assert.Single(overlaps.EnumerateArray());
        var traffic = registered.Single(r => r.Str("dataName") == "深圳市城市交通流量数据集");
        Assert.Equal(traffic.Str("registrationNumber"), overlap.Str("registrationNumber"));
        Assert.InRange(overlap.GetProperty("similarity").GetDouble(), 0.45, 0.8); // 1,500 of 2,500 distinct rows: 0.6
        var notifications = await applicant.GetAsync("/api/v1/notifications").OkAsync();
        Assert.Contains(notifications.EnumerateArray(), n => n.Str("kind") == "evidenceOverlap" && n.Str("subject").Contains("互联网医院问诊数据集", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_Seeded_RegisterOfRightsHoldsEveryKindOfAct()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8)), demo: true);
        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var anyone = platform.CreateClient();
        var applications = (await admin.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().ToList();
        string Number(string dataName) => applications.Single(a => a.Str("dataName") == dataName).Str("registrationNumber");
        async Task<JsonElement> StatusAsync(string dataName) => await anyone.GetAsync($"/api/v1/registrations/{Number(dataName)}/status").OkAsync();
        async Task<string> CertificateAsync(JsonElement status) =>
            (await anyone.GetAsync($"/api/v1/certificates/{status.Str("certificateNumber")}/status").OkAsync()).Str("status");

        var licensed = await StatusAsync("深圳市城市交通流量数据集");
        var transferred = await StatusAsync("广东省医疗健康诊疗数据集");
        var revoked = await StatusAsync("上海金融市场交易行情数据集");
        var renewed = await StatusAsync("深圳市公交客流数据集");

        // Two lawful licences of different rights, and the bank's pledge ranking first.
        Assert.Equal(
            [("nonExclusive", "processingAndUse"), ("exclusive", "productOperation")],
            licensed.GetProperty("licences").EnumerateArray().Select(l => (l.Str("kind"), Assert.Single(l.GetProperty("rights").EnumerateArray()).GetString()!)));
        var pledge = Assert.Single(licensed.GetProperty("pledges").EnumerateArray());
        Assert.Equal((1, "中国示范银行 Demo Bank of China"), (pledge.GetProperty("priority").GetInt32(), pledge.Str("pledgee")));
        Assert.Equal("pledged", await CertificateAsync(licensed));
        Assert.Equal("20250944030000001", licensed.Str("certificateNumber")); // the README's example

        // Transferred whole to applicant 4, on a new certificate (after a re-issue).
        var holder = Assert.Single(transferred.GetProperty("holders").EnumerateArray());
        Assert.Equal((DemoSeeder.Applicants[3].Name, 10_000), (holder.Str("name"), holder.GetProperty("share").GetInt32()));
        Assert.Equal("valid", await CertificateAsync(transferred));
        var first = await anyone.GetAsync("/api/v1/certificates/20251044000000001/status").OkAsync(); // its first, as the README shows
        Assert.Equal("superseded", first.Str("status"));

        Assert.Equal("revoked", revoked.Str("state"));
        Assert.Equal("revoked", await CertificateAsync(revoked));

        // Registered on 18 January 2024 (valid to 17 January 2027) and renewed in its window.
        Assert.Equal(("2024-01-18", "2030-01-17"), (renewed.Str("registrationDate"), renewed.Str("validUntil")));
        Assert.Equal("valid", await CertificateAsync(renewed));
    }
}
