using System.Net;
using System.Text.RegularExpressions;
using DataIp.Crypto.Credentials;
using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Web.Demo;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Pages;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The pages' words come from one resource file per language (Pages/Text.resx, Chinese, and
/// Pages/Text.en.resx, English): both hold the same keys with the same placeholders, every key a
/// page names is in them, each language's texts are in that language, and the pages of the demo
/// rendered in English hold no Chinese outside the values people entered (each marked
/// <c>lang="zh-CN"</c>).
/// </summary>
public sealed partial class PageTextTests
{
    // Texts that are, by design, in the other language: the switch names the language it leads to;
    // and refusals whose English (the API's words too) quotes a Chinese example or joins Chinese names.
    private static readonly HashSet<string> OtherLanguage =
    [
        "Site.OtherLanguage", "Site.OtherLanguageHint", "Site.OtherCulture",
        "Refusal.ApplicantNotVerified", "Refusal.LicenceTerritory", "Refusal.ListNames",
    ];

    [Fact]
    public void ResourceFiles_SameKeysAndPlaceholders_NoneEmpty()
    {
        var chinese = Text.All(Text.Chinese);
        var english = Text.All(Text.English);

        Assert.True(chinese.Count > 100, $"only {chinese.Count} texts");
        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), t.Key));
        Assert.All(english, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), t.Key));
        Assert.All(chinese, t => Assert.True(Placeholders(t.Value).SetEquals(Placeholders(english[t.Key])), $"{t.Key}: placeholders differ"));
    }

    [Fact]
    public void ResourceFiles_EachLanguageInItsOwnWords()
    {
        var untranslated = Text.All(Text.Chinese).Where(t => !OtherLanguage.Contains(t.Key) && !Labels.HasChinese(t.Value)).Select(t => $"zh {t.Key}: {t.Value}");
        var leftInChinese = Text.All(Text.English).Where(t => !OtherLanguage.Contains(t.Key) && Labels.HasChinese(t.Value)).Select(t => $"en {t.Key}: {t.Value}");

        Assert.Empty(untranslated.Concat(leftInChinese));
    }

    // Every key a page or its model names as a literal, and every key made from an enum's members.
    [Fact]
    public void Keys_NamedByThePages_AllInTheResourceFiles()
    {
        var known = Text.All(Text.Chinese);
        var pages = Path.Combine(RepositoryRoot(), "src", "DataIp.Web", "Pages");
        var named = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        IEnumerable<string> Of<TEnum>(string prefix)
            where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => $"{prefix}.{v}");
        var generated = Of<ApplicationState>("State").Concat(Of<CertificateStatus>("CertificateStatus"))
            .Concat(Of<CertificateCheckKind>("Check")).Concat(Of<DataRight>("Right"))
            .Concat(Domain.Acts.ActCatalogue.All.Select(d => $"Act.{d.Name}"))
            .Concat(Domain.Acts.ActorRoles.All.Select(r => $"Role.{char.ToUpperInvariant(r[0])}{r[1..]}"));

        Assert.True(named.Count > 100, $"only {named.Count} keys named in Pages/");
        Assert.Empty(named.Where(n => !known.ContainsKey(n.Key)).Select(n => $"{n.File}: {n.Key}"));
        Assert.All(generated, k => Assert.True(known.ContainsKey(k), $"no text {k}"));
    }

    // One fact in two places: the page names a right as the certificate PDF prints it.
    [Fact]
    public void RightNames_AsTheCertificatePrintsThem()
    {
        foreach (var right in Enum.GetValues<DataRight>())
        {
            var (chinese, english) = CertificatePdf.RightName(right);
            Assert.Equal(chinese, Text.Get($"Right.{right}", Text.Chinese));
            Assert.Equal(english, Text.Get($"Right.{right}", Text.English));
        }
    }

    [Fact]
    public async Task DemoPages_InEnglish_NoChineseOutsideEnteredValues()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true);
        string certificate;
        Guid objected;
        string notice;
        Guid draft, correction;
        string registration;
        Guid examinerAccount, applicantAccount;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            certificate = (await db.Certificates.Where(c => !c.Superseded).Select(c => c.CertificateNumber).ToListAsync()).Order(StringComparer.Ordinal).First();
            objected = await db.Applications.Where(a => a.State == ApplicationState.ObjectionReview).Select(a => a.Id).SingleAsync();
            notice = await db.Applications.Where(a => a.State == ApplicationState.PublicNotice).Select(a => a.ApplicationNumber!).SingleAsync();
            draft = await db.Applications.Where(a => a.State == ApplicationState.Draft && a.DataName == "智慧停车泊位实时数据集").Select(a => a.Id).SingleAsync();
            correction = await db.Applications.Where(a => a.State == ApplicationState.CorrectionRequested).Select(a => a.Id).SingleAsync();
            registration = await db.Applications.Where(a => a.DataName == "深圳市城市交通流量数据集").Select(a => a.RegistrationNumber!).SingleAsync();
            examinerAccount = await db.Users.Where(u => u.Email == DemoSeeder.ExaminerEmail("4403")).Select(u => u.Id).SingleAsync();
            applicantAccount = await db.Users.Where(u => u.Email == DemoSeeder.Applicants[0].Email).Select(u => u.Id).SingleAsync();
        }

        var (pledged, _, _) = await BankPageTests.DemoPledgeAsync(platform);

        var failures = new List<string>();
        var anonymous = platform.CookieClient();
        var applicant = await platform.SignedInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var examiner = await platform.SignedInAsync(DemoSeeder.ExaminerEmail("4403"), DemoSeeder.Password);
        var bank = await platform.SignedInAsync(DemoSeeder.BankEmail, DemoSeeder.Password);
        var admin = await platform.SignedInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await platform.PublishLogAsync();
        var pages = new (HttpClient Client, string Path)[]
        {
            (anonymous, "/"), (anonymous, "/notices"), (anonymous, "/search"), (anonymous, "/search?q=交通&sort=name&limit=2"), (anonymous, "/search?state=nope&from=2025-02-30"),
            (anonymous, "/verify"), (anonymous, $"/verify/{certificate}"),
            (anonymous, "/verify/12345"), (anonymous, "/account/sign-in"), (anonymous, "/nope"),
            (applicant, "/"), (applicant, "/applications"), (examiner, "/applications"), (examiner, "/applications?deadline=Within3"), (examiner, "/applications?state=Submitted&page=99"), (examiner, "/account/access-denied"),
            (applicant, $"/applications/{objected}"), (examiner, $"/applications/{objected}"), (anonymous, "/verify?number=+"),
            (anonymous, $"/notices/{notice}"), (anonymous, "/statistics"), (anonymous, "/statistics?from=2025-13&body=nope"), (admin, "/statistics?body=4403"),
            (applicant, "/applications/new"), (applicant, $"/applications/{draft}/draft"), (applicant, $"/applications/{draft}/draft/check"),
            (applicant, $"/applications/{correction}/draft"), (applicant, $"/applications/{correction}/draft/check"),
            (anonymous, $"/registrations/{registration}"), (applicant, $"/registrations/{registration}"), (examiner, $"/registrations/{registration}"),
            (applicant, "/registrations"),
            (bank, "/bank"), (bank, $"/bank?number={pledged}"), (bank, "/bank?number=nope"),
            (applicant, "/notifications"), (bank, "/notifications"), (examiner, "/notifications"), (bank, "/notifications/webhooks"),
            (admin, "/"), (admin, "/admin"), (admin, "/admin/bodies"), (admin, "/admin/bodies/4403"), (admin, "/admin/calendars"), (anonymous, "/log"), (admin, "/admin/imports"), (anonymous, "/open-data"),
            (admin, "/admin/accounts"), (admin, "/admin/accounts?role=Examiner&status=Active&page=2"), (admin, "/admin/accounts/new"),
            (admin, $"/admin/accounts/{examinerAccount}"), (admin, $"/admin/accounts/{applicantAccount}"),
        };
        pages = [.. pages, .. Web.Pages.Drafts.DraftSections.All.Select(s => (applicant, $"/applications/{correction}/draft/{Web.Pages.Drafts.DraftSections.Slug(s)}"))];
        foreach (var (client, path) in pages)
        {
            var english = await client.GetStringOrErrorAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en");
            var chinese = await client.GetStringOrErrorAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=zh-CN");
            if (!english.Contains("<html lang=\"en\">", StringComparison.Ordinal) || !chinese.Contains("<html lang=\"zh-CN\">", StringComparison.Ordinal))
            {
                failures.Add($"{path}: not marked as the language asked for");
            }

            // Every form that posts carries its antiforgery token (a form with a hand-written action gets none from Razor).
            foreach (var form in PostForm().Matches(chinese).Select(m => m.Value).Where(f => !f.Contains("__RequestVerificationToken", StringComparison.Ordinal)))
            {
                failures.Add($"{path}: a form posts without an antiforgery token: {form[..Math.Min(form.Length, 120)]}");
            }

            var text = VisibleText(english);
            var chineseLeft = ChineseRun().Matches(text).Select(m => m.Value).Distinct().ToList();
            if (chineseLeft.Count > 0)
            {
                failures.Add($"{path} in English shows {string.Join(", ", chineseLeft)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The text a reader sees, without the values marked as Chinese and without the switch to Chinese.
    private static string VisibleText(string html)
    {
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        body = MarkedChinese().Replace(body, " ");
        body = Tag().Replace(body, " ");
        return WebUtility.HtmlDecode(body);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DataIp.slnx not found above " + AppContext.BaseDirectory);
    }

    // "Site.Name" in Text.Get("Site.Name"), new("Menu.Notices"), new Words("Error.403.Title"): a dotted key in quotes.
    [GeneratedRegex("\"((?:Site|Format|Common|Menu|Field|Home|Notices|Applications|SignIn|Error|State|CertificateStatus|Licence|Right|Check|Role|Verify|Form|Detail|Act|Draft|Stats)\\.[A-Za-z0-9.]+)\"")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("<(span|a|textarea) [^>]*lang=\"zh-CN\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedChinese();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[\\u3000-\\u303F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uFF00-\\uFFEF]+")]
    private static partial Regex ChineseRun();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex Placeholder();
}

/// <summary>Reads a page whatever its status: error pages are pages too.</summary>
internal static class PageReads
{
    public static async Task<string> GetStringOrErrorAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
