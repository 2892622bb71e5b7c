using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.PilotImports;

/// <summary>
/// <c>POST /api/v1/bodies/{code}/imports</c> on SQLite and PostgreSQL: the sample file imports,
/// a re-run imports nothing twice, a file with bad rows imports nothing unless errors are skipped,
/// a dry run lists each bad row by line and column, and the imported certificates verify by their
/// pilot-era numbers and are normal registrations from then on.
/// </summary>
public sealed class PilotImportApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sample_ImportsEveryRow_AndARerunImportsNothingTwice(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);

        var dry = await PilotFiles.PostAsync(admin, PilotFiles.Sample, "dryRun=true&batch=pilot-certificates.csv").OkAsync();
        var actsAfterDryRun = await ActCountAsync(platform);
        var first = await PilotFiles.PostAsync(admin, PilotFiles.Sample, "batch=pilot-certificates.csv").OkAsync();
        var actsAfterFirst = await ActCountAsync(platform);
        var again = await PilotFiles.PostAsync(admin, PilotFiles.Sample, "batch=pilot-certificates.csv").OkAsync();

        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(10, dry.GetProperty("importedCount").GetInt32());
        Assert.Equal(0, actsAfterDryRun);
        Assert.Equal(10, first.GetProperty("importedCount").GetInt32());
        Assert.Equal(0, first.GetProperty("errorCount").GetInt32());
        Assert.Equal(20, actsAfterFirst);
        Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
        Assert.Equal(10, again.GetProperty("alreadyImportedCount").GetInt32());
        Assert.Equal(20, await ActCountAsync(platform));
        var row = first.GetProperty("imported")[0];
        Assert.Equal(2, row.GetProperty("line").GetInt32());
        Assert.Equal(row.Str("certificateNumber"), again.GetProperty("alreadyImported")[0].Str("certificateNumber"));
        Assert.StartsWith("2023", row.Str("registrationNumber"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MixedFile_DryRunListsBadRows_RunImportsNothing_SkipErrorsImportsTheGood(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);

        var dry = await PilotFiles.PostAsync(admin, PilotFiles.Mixed, "dryRun=true").ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var refused = await PilotFiles.PostAsync(admin, PilotFiles.Mixed).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var actsAfterRefusal = await ActCountAsync(platform);
        var skipped = await PilotFiles.PostAsync(admin, PilotFiles.Mixed, "skipErrors=true").OkAsync();

        var problems = dry.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString(), p.Str("code"))).ToList();
        Assert.Equal(
            [(3, "registration_date", "badDate"), (4, "holder_code", "badIdentifier"), (5, "industry_code", "badIndustry"),
             (6, "pilot_certificate_number", "duplicateInFile"), (8, "pilot_certificate_number", "required")],
            problems);
        Assert.Contains("line 4: holder_code", dry.ErrorFields());
        Assert.Equal(problems.Count, refused.GetProperty("problems").GetArrayLength());
        Assert.Equal(0, actsAfterRefusal);
        Assert.Equal([2, 7], skipped.GetProperty("imported").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(5, skipped.GetProperty("errorCount").GetInt32());
        Assert.Equal(4, await ActCountAsync(platform));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportedCertificate_VerifiesByPilotNumber_AndItsHolderActsOnIt(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var holder = await platform.ApplicantAsync();
        var anyone = platform.CreateClient();
        var imported = await PilotFiles.PostAsync(admin, PilotFiles.One("浙数知登字〔2024〕第00777号", TestContent.CreditCode)).OkAsync();
        var row = imported.GetProperty("imported")[0];
        var registration = row.Str("registrationNumber");
        var certificate = row.Str("certificateNumber");

        var byNumber = await anyone.GetAsync($"/api/v1/certificates/{certificate}").OkAsync();
        var byPilot = await anyone.GetAsync("/api/v1/certificates/" + Uri.EscapeDataString("浙数知登字〔2024〕第00777号")).OkAsync();
        var unknownPilot = await anyone.GetAsync("/api/v1/certificates/" + Uri.EscapeDataString("浙数知登字〔2024〕第99999号")).ProblemAsync(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await anyone.GetStringAsync("/verify/" + Uri.EscapeDataString("浙数知登字〔2024〕第00777号")));
        var status = await anyone.GetAsync($"/api/v1/registrations/{registration}/status").OkAsync();
        var found = await anyone.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("浙数知登字〔2024〕第00777号")).OkAsync();
        Assert.Equal([registration], found.GetProperty("items").EnumerateArray().Select(i => i.Str("registrationNumber")));
        await Search.SearchIndexTests.AssertRowsAreCurrentAsync(platform); // the import's row holds its pilot-era number
        var cancelled = await holder.PostJsonAsync($"/api/v1/registrations/{registration}/cancellation", new { reason = "数据产品停止运营" }).OkAsync();

        Assert.Equal("valid", byNumber.Str("status"));
        Assert.Equal(certificate, byPilot.Str("certificateNumber"));
        Assert.Equal("浙数知登字〔2024〕第00777号", byPilot.Str("foundByPilotNumber"));
        Assert.Equal("浙数知登字〔2024〕第00777号", byNumber.GetProperty("pilotNumbers")[0].GetString());
        Assert.NotNull(unknownPilot.GetProperty("detail").GetString());
        Assert.Contains(certificate, page);
        Assert.Contains("浙数知登字〔2024〕第00777号", page);
        Assert.Equal("2024-03-01", status.Str("registrationDate"));
        Assert.Equal("测试数据持有公司", status.GetProperty("holders")[0].Str("name"));
        Assert.Equal("cancelled", cancelled.Str("state"));
        await Search.SearchIndexTests.AssertRowsAreCurrentAsync(platform);
    }

    [Fact]
    public async Task Strangers_MayNotImport()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var national = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var email = $"admin.4400.{Guid.NewGuid():N}@test.dataip.cn";
        await national.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = "广东管理员", role = "administrator", bodyCode = "4400" }).OkAsync();
        var otherBodyAdmin = await platform.SignInAsync(email);
        var ownEmail = $"admin.3300.{Guid.NewGuid():N}@test.dataip.cn";
        await national.PostJsonAsync("/api/v1/accounts/staff", new { email = ownEmail, password = RegistryFactory.Password, displayName = "浙江管理员", role = "administrator", bodyCode = "3300" }).OkAsync();
        var ownAdmin = await platform.SignInAsync(ownEmail);
        var examiner = await platform.ExaminerAsync(PilotFiles.Body);
        var applicant = await platform.ApplicantAsync();
        var file = PilotFiles.One("ZJ-OWN-1", TestContent.CreditCode);

        await PilotFiles.PostAsync(otherBodyAdmin, file).ProblemAsync(HttpStatusCode.Forbidden);
        await PilotFiles.PostAsync(examiner, file).ProblemAsync(HttpStatusCode.Forbidden);
        await PilotFiles.PostAsync(applicant, file).ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await PilotFiles.PostAsync(platform.CreateClient(), file);
        var own = await PilotFiles.PostAsync(ownAdmin, file).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, own.GetProperty("importedCount").GetInt32());
        Assert.Equal(2, await ActCountAsync(platform));
    }

    internal static async Task<int> ActCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Acts.CountAsync(a => a.Type == "importRegistration" || a.Type == "issueCertificate");
    }
}
