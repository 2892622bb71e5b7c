using System.Net;
using System.Text;
using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.PilotImports;

/// <summary>
/// Hostile files at the import endpoint: each is a 4xx problem naming the line (or the file) and
/// what is wrong, never a 500, and nothing is imported; a formula is data.
/// </summary>
public sealed class PilotImportHostileTests
{
    public static TheoryData<string, byte[], string, HttpStatusCode, string> Files()
    {
        var good = PilotFiles.One("ZJ-H-1", TestContent.CreditCode);
        var gbk = new byte[] { 0xD5, 0xE3, 0xBD, 0xAD }; // 浙江 in GBK: not UTF-8
        return new()
        {
            { "gbk", [.. Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\n"), .. gbk], "text/csv", HttpStatusCode.BadRequest, "notUtf8" },
            { "lone surrogate (CESU bytes)", [.. Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\nZJ-1,"), 0xED, 0xA0, 0x80], "text/csv", HttpStatusCode.BadRequest, "notUtf8" },
            { "unclosed quote", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\n\"ZJ-1,2024-03-01\r\n"), "text/csv", HttpStatusCode.BadRequest, "unclosedQuote" },
            { "text after quote", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\n\"ZJ-1\"x,2024-03-01\r\n"), "text/csv", HttpStatusCode.BadRequest, "textAfterQuote" },
            { "quote in field", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\nZJ\"1,2024-03-01\r\n"), "text/csv", HttpStatusCode.BadRequest, "quoteInField" },
            { "binary", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "text/csv", HttpStatusCode.BadRequest, "notText" },
            { "json", Encoding.UTF8.GetBytes("{\"rows\":[]}"), "text/csv", HttpStatusCode.BadRequest, "quoteInField" },
            { "header only", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\n"), "text/csv", HttpStatusCode.BadRequest, "noRows" },
            { "missing column", Encoding.UTF8.GetBytes("pilot_certificate_number,registration_date\r\nZJ-1,2024-03-01\r\n"), "text/csv", HttpStatusCode.BadRequest, "missingColumn" },
            { "control character", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\nZJ-1\u0007,2024-03-01,2027-02-28,名称,公司," + TestContent.CreditCode + ",I65\r\n"), "text/csv", HttpStatusCode.UnprocessableEntity, "badCharacters" },
            { "date out of range", Encoding.UTF8.GetBytes(PilotFiles.Header + "\r\nZJ-1,0001-01-01,9999-12-31,名称,公司," + TestContent.CreditCode + ",I65\r\n"), "text/csv", HttpStatusCode.UnprocessableEntity, "badDate" },
            { "not csv media type", good, "application/json", HttpStatusCode.UnsupportedMediaType, "" },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task HostileFile_IsAProblemNamingWhatIsWrong_AndImportsNothing(string name, byte[] file, string type, HttpStatusCode status, string code)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);

        var problem = await PilotFiles.PostAsync(admin, file, type: type).ProblemAsync(status);

        if (code.Length > 0)
        {
            Assert.True(problem.GetProperty("problems").EnumerateArray().Any(p => p.Str("code") == code), $"{name}: {problem}");
        }

        Assert.Equal(0, await PilotImportApiTests.ActCountAsync(platform));
    }

    [Fact]
    public async Task TooLargeAndTooManyRows_AreRefusedWithTheLimit()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var row = $"ZJ-{{0}},2024-03-01,2027-02-28,名称,公司,{TestContent.CreditCode},I65\r\n";
        var many = new StringBuilder(PilotFiles.Header + "\r\n");
        for (var i = 0; i < 10_001; i++)
        {
            many.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, row, i);
        }

        var tooLarge = await PilotFiles.PostAsync(admin, new byte[(10 << 20) + 1]).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var tooMany = await PilotFiles.PostAsync(admin, Encoding.UTF8.GetBytes(many.ToString())).ProblemAsync(HttpStatusCode.BadRequest);
        var badQuery = await PilotFiles.PostAsync(admin, PilotFiles.Sample, "dryRun=maybe&batch=%0A").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("4 MiB", tooLarge.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("tooManyRows", tooMany.GetProperty("problems")[0].Str("code"));
        Assert.Equal(["batch", "dryRun"], badQuery.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FormulaValue_IsStoredAsData()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        var formula = "=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")";
        var file = Encoding.UTF8.GetBytes($"{PilotFiles.Header}\r\n+ZJ-F1,2024-03-01,2027-02-28,\"{formula}\",@公司,{TestContent.CreditCode},I65\r\n");

        var row = (await PilotFiles.PostAsync(admin, file).OkAsync()).GetProperty("imported")[0];
        var record = await platform.CreateClient().GetAsync($"/api/v1/certificates/{row.Str("certificateNumber")}").OkAsync();
        var byPilot = await platform.CreateClient().GetAsync("/api/v1/certificates/" + Uri.EscapeDataString("+ZJ-F1")).OkAsync();

        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"点我\")", record.Str("dataName"));
        Assert.Equal("@公司", record.GetProperty("holders")[0].GetString());
        Assert.Equal(row.Str("certificateNumber"), byPilot.Str("certificateNumber"));
    }
}
