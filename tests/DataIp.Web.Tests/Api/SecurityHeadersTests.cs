using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Web.Tests.Certificates;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Every answer carries the security headers, whatever produced it: a page, an error page, the API,
/// a problem, a static file, an attachment or certificate download. The API reference at /docs gets
/// its own policy, which lets in only the scripts carrying that answer's nonce. HSTS only over HTTPS.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    // Written out here, not read from the code, so that the test can disagree with it.
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task Answers_OfEveryKind_CarryTheSecurityHeaders()
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(DatabaseProvider.Sqlite);
        var (applicant, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var certificate = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        var attachment = await UploadAsync(applicant);
        var anyone = platform.CreateClient();
        var paths = new (HttpClient Client, string Path, string MediaType)[]
        {
            (anyone, "/", "text/html"),
            (anyone, "/notices", "text/html"),
            (anyone, "/nope", "text/html"),
            (anyone, $"/verify/{certificate}", "text/html"),
            (anyone, "/site.css", "text/css"),
            (anyone, "/api/v1/notices", "application/json"),
            (anyone, "/api/v1/nope", "application/problem+json"),
            (anyone, "/openapi/v1.json", "application/json"),
            (anyone, $"/api/v1/certificates/{certificate}/pdf", "application/pdf"),
            (applicant, attachment, "text/csv"),
            (anyone, "/healthz", "text/plain"),
            (anyone, "/log/checkpoint", "text/plain"),
        };
        await platform.PublishLogAsync();
        var failures = new List<string>();

        foreach (var (client, path, mediaType) in paths)
        {
            using var response = await client.GetAsync(path);
            var problems = Missing(response, StrictPolicy);
            if (response.Content.Headers.ContentType?.MediaType != mediaType)
            {
                problems.Add($"content type {response.Content.Headers.ContentType?.MediaType}, expected {mediaType}");
            }

            failures.AddRange(problems.Select(p => $"{path} ({(int)response.StatusCode}): {p}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ApiReference_Docs_LetsInOnlyScriptsWithThisAnswersNonce()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = platform.CreateClient();

        using var first = await client.GetAsync("/docs/");
        using var second = await client.GetAsync("/docs/");
        using var script = await client.GetAsync("/docs/scalar.js");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = Nonce(first);
        Assert.True(nonce.Length >= 22, $"nonce too short: {nonce}"); // at least 128 bits, base64
        Assert.NotEqual(nonce, Nonce(second));
        // Scalar styles its elements inline at run time: that page alone allows inline style, never inline script.
        Assert.Empty(Missing(first, StrictPolicy
            .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal)));
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Empty(Missing(script, StrictPolicy));
    }

    [Theory]
    [InlineData("https://registry.example/", true)]
    [InlineData("http://registry.example/", false)]
    [InlineData("https://localhost/", false)] // a browser would then refuse plain http://localhost for every local program
    public async Task Hsts_OnlyOverHttpsToARealHost(string baseAddress, bool expected)
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/nope", "/api/v1/notices", "/api/v1/nope", "/site.css" })
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(expected, response.Headers.TryGetValues("Strict-Transport-Security", out var values));
            if (expected)
            {
                Assert.Equal("max-age=31536000", Assert.Single(values!));
            }
        }
    }

    // The headers an answer lacks or gets wrong, as readable lines.
    private static List<string> Missing(HttpResponseMessage response, string policy)
    {
        var expected = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = policy,
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "same-origin",
            ["Permissions-Policy"] = "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
        };
        var problems = new List<string>();
        foreach (var (name, value) in expected)
        {
            var actual = response.Headers.TryGetValues(name, out var values) ? string.Join(" | ", values) : null;
            if (actual != value)
            {
                problems.Add($"{name} is '{actual}', expected '{value}'");
            }
        }

        if (response.Headers.Contains("Strict-Transport-Security"))
        {
            problems.Add("Strict-Transport-Security over plain HTTP");
        }

        return problems;
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
        var match = NonceSource().Match(policy);
        Assert.True(match.Success, $"no nonce in the policy of {response.RequestMessage?.RequestUri}: {policy}");
        return match.Groups[1].Value;
    }

    private static async Task<string> UploadAsync(HttpClient applicant)
    {
        var draft = (await applicant.PostJsonAsync("/api/v1/applications", new { bodyCode = "4400" }).OkAsync()).Str("id");
        var file = new ByteArrayContent("grid_id,flow\nA1,12\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var stored = await applicant.PostAsync($"/api/v1/applications/{draft}/attachments?kind=sampleData",
            new MultipartFormDataContent { { file, "file", "sample.csv" } }).OkAsync();
        return $"/api/v1/applications/{draft}/attachments/{stored.Str("id")}";
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/_=-]+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script\\b[^>]*>")]
    private static partial Regex ScriptTag();
}
