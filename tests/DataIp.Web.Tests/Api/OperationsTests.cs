using System.Text.Json;
using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Api;

/// <summary>Health, the OpenAPI document and its browsable reference.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task OpenApi_Document_DescribesEveryApiEndpoint()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = platform.CreateClient();

        var document = await client.GetAsync("/openapi/v1.json").OkAsync();
        var docs = await client.GetAsync("/docs/");
        var health = await client.GetStringAsync("/healthz");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/applications/{id}/submit", paths);
        Assert.Contains("/api/v1/notices/{applicationNumber}/objections", paths);
        Assert.Contains("/api/v1/calendars/{year}", paths);
        Assert.Equal("DataIP Registry API", document.GetProperty("info").Str("title"));
        Assert.Equal(JsonValueKind.Object, document.GetProperty("components").ValueKind);
        // Strings are read through the register's text converter; the document still calls them strings.
        var licence = document.GetProperty("components").GetProperty("schemas").GetProperty("LicenceRequest").GetProperty("properties");
        Assert.Equal("[\"null\",\"string\"]", licence.GetProperty("licenseeName").GetProperty("type").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.True(docs.IsSuccessStatusCode);
        Assert.Contains("openapi", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ok", health);
    }
}
