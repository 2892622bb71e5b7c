using System.Globalization;
using System.Text.Json;
using DataIp.Domain.Calendar;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Demo;

/// <summary>
/// The seeded demo read over HTTP as a visitor of the README would read it, with an assertion per
/// promise of the README's "Demo accounts" section. Dates are checked relative to the platform's
/// clock, as the README states them.
/// </summary>
internal sealed class DemoRegister
{
    /// <summary>The state of each application the README names (drafts are their applicant's own).</summary>
    private static readonly Dictionary<string, string> PromisedStates = new()
    {
        ["深圳市公交客流数据集"] = "registered",
        ["深圳市城市交通流量数据集"] = "registered",
        ["广东省医疗健康诊疗数据集"] = "registered",
        ["上海金融市场交易行情数据集"] = "revoked",
        ["医疗影像标注数据集"] = "rejected",
        ["网约车订单数据集"] = "withdrawn",
        ["药品流通追溯数据集"] = "submitted",
        ["跨境支付结算数据集"] = "formalExamination",
        ["城市共享单车骑行数据集"] = "correctionRequested",
        ["上市公司舆情数据集"] = "substantiveExamination",
        ["互联网医院问诊数据集"] = "publicNotice",
        ["物流园区车辆轨迹数据集"] = "objectionReview",
    };

    private readonly RegistryFactory _platform;
    private readonly HttpClient _admin;
    private readonly HttpClient _anyone;
    private readonly List<JsonElement> _applications;

    private DemoRegister(RegistryFactory platform, HttpClient admin, List<JsonElement> applications)
    {
        _platform = platform;
        _admin = admin;
        _anyone = platform.CreateClient();
        _applications = applications;
        Now = platform.Clock.GetUtcNow();
        Today = ChinaTime.ToChinaDate(Now);
    }

    /// <summary>The platform's time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The platform's date in China.</summary>
    public DateOnly Today { get; }

    public static async Task<DemoRegister> ReadAsync(RegistryFactory platform)
    {
        var admin = await platform.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var applications = (await admin.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray().ToList();
        return new DemoRegister(platform, admin, applications);
    }

    /// <summary>Every state of the lifecycle, each on the application the README names, and the deadlines still ahead.</summary>
    public async Task AssertEveryLifecycleStateAsync()
    {
        Assert.Equal(PromisedStates, _applications.ToDictionary(a => a.Str("dataName"), a => a.Str("state")));
        Assert.All(_applications.Where(a => a.Str("state") == "registered"), a => Assert.False(string.IsNullOrEmpty(a.Str("registrationNumber"))));
        Assert.Equal("3100", Summary("上市公司舆情数据集").Str("bodyCode")); // Shanghai examines substance

        var applicant = await _platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var own = (await applicant.GetAsync("/api/v1/applications").OkAsync()).EnumerateArray();
        Assert.Contains(own, a => a.Str("state") == "draft" && a.Str("dataName") == "智慧停车泊位实时数据集"); // drafts are the applicant's own

        Assert.True(Date(await ApplicationAsync("城市共享单车骑行数据集"), "correctionLastDay") >= Today, "the correction deadline lies ahead");
        Assert.True(Date(await ApplicationAsync("互联网医院问诊数据集"), "noticeLastDay") >= Today, "the notice period has not ended");
        Assert.Equal(2, (await _anyone.GetAsync("/api/v1/notices").OkAsync()).GetArrayLength());
        Assert.Equal(["fileObjection", "dismissObjection", "register"], Types(await ActsAsync("广东省医疗健康诊疗数据集"), "fileObjection", "dismissObjection", "register"));
        var lapsedActs = await ActsAsync("网约车订单数据集");
        Assert.Equal(["requestCorrection", "lapseCorrection"], Types(lapsedActs, "requestCorrection", "lapseCorrection"));
        var lapse = lapsedActs.Single(a => a.Str("type") == "lapseCorrection");
        Assert.True(ChinaTime.ToChinaDate(lapse.GetProperty("at").GetDateTimeOffset()) > Date(lapse.GetProperty("payload"), "correctionLastDay"), "withdrawn after its deadline");
    }

    /// <summary>
    /// Licences, the bank's pledge and consent, re-issue, transfer, revocation, and a renewal in its
    /// window, each about as long ago as the README says.
    /// </summary>
    public async Task AssertRightsActsAsync()
    {
        await AssertLicencesAndPledgeAsync();
        await AssertReissuedAndTransferredAsync();

        var revoked = await StatusAsync("上海金融市场交易行情数据集");
        Assert.Equal("revoked", revoked.Str("state"));
        Assert.Equal("revoked", await CertificateStatusAsync(revoked.Str("certificateNumber")));
        AssertMonthsAgo((await ActsAsync("上海金融市场交易行情数据集")).Single(a => a.Str("type") == "revoke"), 4);

        await AssertRenewedInItsWindowAsync();
    }

    /// <summary>Every act of the public log lies in the past, in time order.</summary>
    public async Task AssertLogInTimeOrderAsync()
    {
        var times = await ActTimesAsync();

        Assert.True(times.Count > 50, $"only {times.Count} acts");
        Assert.All(times, t => Assert.True(t <= Now, $"an act is dated {t:o}, after the clock's {Now:o}"));
        Assert.Equal(times.Order(), times);
    }

    /// <summary>
    /// A calendar for every year from the history's first to the year after this one; only the
    /// shipped year is official, every other is labelled as entered for the demo.
    /// </summary>
    public async Task AssertCalendarsAsync()
    {
        var first = ChinaTime.ToChinaDate((await ActTimesAsync())[0]).Year;
        var years = (await _anyone.GetAsync("/api/v1/calendars").OkAsync()).EnumerateArray().Select(y => y.GetInt32()).ToList();

        Assert.Subset(years.ToHashSet(), Enumerable.Range(first, Today.Year + 2 - first).ToHashSet());
        foreach (var year in years)
        {
            var calendar = await _anyone.GetAsync($"/api/v1/calendars/{year}").OkAsync();
            var source = calendar.Str("source");
            Assert.True(year == 2025 ? source.Contains("shipped", StringComparison.Ordinal) : source.Contains("entered for the demo", StringComparison.OrdinalIgnoreCase), source);
            Assert.True(year == 2025 || calendar.GetProperty("days").GetArrayLength() == 0, $"{year}: the demo's years have no holidays");
        }
    }

    /// <summary>
    /// The demo's datasets prove against their registered roots, and the examiner of 4400 sees the
    /// notice application that reuses three quarters of applicant 1's registered rows.
    /// </summary>
    public async Task AssertEvidenceAsync()
    {
        var datasets = Path.Combine(_platform.DataDirectory, "demo-datasets");
        var files = File.ReadAllLines(Path.Combine(datasets, "index.txt")).Select(l => l.Split('\t')).ToDictionary(p => p[1], p => Path.Combine(datasets, p[0]));
        var health = await ApplicationAsync("广东省医疗健康诊疗数据集");
        var manifest = Fingerprinter.FingerprintRows(files["广东省医疗健康诊疗数据集"], new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), TimeProvider.System, "test");
        Assert.Equal(manifest.Root.ToString(), health.GetProperty("content").GetProperty("evidence").GetProperty("fingerprint").Str("root"));
        var proof = FingerprintJson.WriteProof(FingerprintProver.ProveRow(files["广东省医疗健康诊疗数据集"], manifest, 7));
        var check = await _anyone.PostAsync(
            $"/api/v1/registrations/{health.Str("registrationNumber")}/evidence/check", new StringContent(proof, System.Text.Encoding.UTF8, "application/json")).OkAsync();
        Assert.True(check.GetProperty("valid").GetBoolean(), check.GetRawText());

        var examiner = await _platform.SignInAsync(DemoSeeder.ExaminerEmail("4400"), DemoSeeder.Password);
        var overlaps = await examiner.GetAsync($"/api/v1/applications/{Summary("互联网医院问诊数据集").Str("id")}/evidence/overlaps").OkAsync();
        var overlap = Assert.Single(overlaps.EnumerateArray());
        Assert.Equal(Summary("深圳市城市交通流量数据集").Str("registrationNumber"), overlap.Str("registrationNumber"));
        Assert.InRange(overlap.GetProperty("similarity").GetDouble(), 0.45, 0.8); // 1,500 of 2,500 distinct rows: 0.6
        var applicant = await _platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var notifications = await applicant.GetAsync("/api/v1/notifications").OkAsync();
        Assert.Contains(notifications.EnumerateArray(), n => n.Str("kind") == "evidenceOverlap" && n.Str("subject").Contains("互联网医院问诊数据集", StringComparison.Ordinal));
    }

    // Two lawful licences of different rights, and the bank's pledge (filed by the holder,
    // confirmed by the bank) ranking first, with its consent to the exclusive licence.
    private async Task AssertLicencesAndPledgeAsync()
    {
        var licensed = await StatusAsync("深圳市城市交通流量数据集");
        Assert.Equal(
            [("nonExclusive", "processingAndUse"), ("exclusive", "productOperation")],
            licensed.GetProperty("licences").EnumerateArray().Select(l => (l.Str("kind"), Assert.Single(l.GetProperty("rights").EnumerateArray()).GetString()!)));
        var pledge = Assert.Single(licensed.GetProperty("pledges").EnumerateArray());
        Assert.Equal((1, "中国示范银行 Demo Bank of China"), (pledge.GetProperty("priority").GetInt32(), pledge.Str("pledgee")));
        Assert.Equal("pledged", await CertificateStatusAsync(licensed.Str("certificateNumber")));

        var acts = await ActsAsync("深圳市城市交通流量数据集");
        Assert.Equal(["recordLicence", "filePledge", "confirmPledge", "consentToAct", "recordLicence"],
            Types(acts, "recordLicence", "filePledge", "confirmPledge", "consentToAct"));
        Assert.Equal("pledgee", acts.Single(a => a.Str("type") == "confirmPledge").Str("actorRole"));
        AssertMonthsAgo(acts.Single(a => a.Str("type") == "register"), 12.5, tolerance: 1.5); // about a year ago
        AssertMonthsAgo(acts.First(a => a.Str("type") == "recordLicence"), 7);
        AssertMonthsAgo(acts.Single(a => a.Str("type") == "confirmPledge"), 7);
        AssertMonthsAgo(acts.Single(a => a.Str("type") == "consentToAct"), 6);
        AssertMonthsAgo(acts.Last(a => a.Str("type") == "recordLicence"), 6);
    }

    // Re-issued (the first certificate reads superseded), then transferred whole to applicant 4.
    private async Task AssertReissuedAndTransferredAsync()
    {
        var transferred = await StatusAsync("广东省医疗健康诊疗数据集");
        var holder = Assert.Single(transferred.GetProperty("holders").EnumerateArray());
        Assert.Equal((DemoSeeder.Applicants[3].Name, 10_000), (holder.Str("name"), holder.GetProperty("share").GetInt32()));
        Assert.Equal("valid", await CertificateStatusAsync(transferred.Str("certificateNumber")));

        var acts = await ActsAsync("广东省医疗健康诊疗数据集");
        Assert.Equal(["reissueCertificate", "proposeTransfer", "acceptTransfer"], Types(acts, "reissueCertificate", "proposeTransfer", "acceptTransfer"));
        var reissue = acts.Single(a => a.Str("type") == "reissueCertificate");
        Assert.Equal("superseded", await CertificateStatusAsync(reissue.GetProperty("payload").Str("supersedes")));
        AssertMonthsAgo(acts.Single(a => a.Str("type") == "register"), 12.5, tolerance: 1.5);
        AssertMonthsAgo(reissue, 8);
        AssertMonthsAgo(acts.Single(a => a.Str("type") == "acceptTransfer"), 5);
    }

    // Registered about 34 months ago; renewed on a day of its 90-day window (the last 90 days of
    // its first three years), which lies in the past; validity then runs three years more.
    private async Task AssertRenewedInItsWindowAsync()
    {
        var renewed = await StatusAsync("深圳市公交客流数据集");
        var registered = Date(renewed, "registrationDate")!.Value;
        var renewal = (await ActsAsync("深圳市公交客流数据集")).Single(a => a.Str("type") == "renew");
        var renewedOn = ChinaTime.ToChinaDate(renewal.GetProperty("at").GetDateTimeOffset());
        var firstValidUntil = registered.AddYears(3).AddDays(-1);

        Assert.InRange(registered, Today.AddYears(-3).AddDays(1), Today.AddMonths(-33));
        AssertMonthsAgo(renewed, 34, "registrationDate");
        Assert.InRange(Today.DayNumber - renewedOn.DayNumber, 7, 12); // about ten days ago
        Assert.Equal(firstValidUntil, Date(renewal.GetProperty("payload"), "previousValidUntil"));
        Assert.InRange(renewedOn, firstValidUntil.AddDays(-89), firstValidUntil);
        Assert.True(renewedOn <= Today);
        Assert.Equal(registered.AddYears(6).AddDays(-1), Date(renewed, "validUntil"));
        Assert.Equal("valid", await CertificateStatusAsync(renewed.Str("certificateNumber")));
    }

    private async Task<List<DateTimeOffset>> ActTimesAsync()
    {
        var times = new List<DateTimeOffset>();
        var after = "";
        while (true)
        {
            var page = await _anyone.GetAsync($"/api/v1/events?limit=1000{after}").OkAsync();
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0)
            {
                return times;
            }

            times.AddRange(events.Select(e => DateTimeOffset.Parse(e.Str("at"), CultureInfo.InvariantCulture)));
            after = string.Create(CultureInfo.InvariantCulture, $"&after={page.GetProperty("next").GetInt64()}");
        }
    }

    // The act (or the date in the given property) lies about that many months before today.
    private void AssertMonthsAgo(JsonElement element, double months, string? property = null, double tolerance = 0.75)
    {
        var day = property is null ? ChinaTime.ToChinaDate(element.GetProperty("at").GetDateTimeOffset()) : Date(element, property)!.Value;
        var ago = (Today.DayNumber - day.DayNumber) / 30.44;
        Assert.True(Math.Abs(ago - months) <= tolerance, $"{element.GetRawText()}: {ago:0.0} months ago, not about {months}");
    }

    private JsonElement Summary(string dataName) => _applications.Single(a => a.Str("dataName") == dataName);

    private Task<JsonElement> ApplicationAsync(string dataName) => _admin.GetAsync($"/api/v1/applications/{Summary(dataName).Str("id")}").OkAsync();

    private async Task<List<JsonElement>> ActsAsync(string dataName) =>
        [.. (await _admin.GetAsync($"/api/v1/applications/{Summary(dataName).Str("id")}/acts").OkAsync()).EnumerateArray()];

    private Task<JsonElement> StatusAsync(string dataName) => _anyone.GetAsync($"/api/v1/registrations/{Summary(dataName).Str("registrationNumber")}/status").OkAsync();

    private async Task<string> CertificateStatusAsync(string certificateNumber) =>
        (await _anyone.GetAsync($"/api/v1/certificates/{certificateNumber}/status").OkAsync()).Str("status");

    // The types of the acts among those named, in the order they were carried out.
    private static List<string> Types(List<JsonElement> acts, params string[] named) =>
        [.. acts.Select(a => a.Str("type")).Where(named.Contains)];

    private static DateOnly? Date(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No date '{property}' in {element.GetRawText()}");
}
