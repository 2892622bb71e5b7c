using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// Issue M6, defect 11: without <c>DataIp:PublicBaseUrl</c>, every absolute URL the node hands out
/// (the certificate's QR code, the verification page's PDF and credential links, the credential's
/// own URLs, the DID document's service endpoint) names the address the node listens on, and the
/// node prints that public base URL at start. Nodes listen on loopback only.
/// </summary>
public sealed class PublicBaseUrlTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Register_NodeOnAFreePort_EveryUrlNamesThatPort(DatabaseProvider provider)
    {
        PdfTools.RequireOrSkip("pdftoppm", "zbarimg");
        var logs = new LogCollector();
        await using var platform = await RegistryFactory.StartAsync(
            provider, LifecycleWalkTests.At(2025, 9, 1, 9), configure: b => Configure(b, logs), urls: "http://127.0.0.1:0");
        var node = platform.ClientOptions.BaseAddress; // the port the node was given, e.g. http://127.0.0.1:41234/

        var (applicant, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");

        Assert.NotEqual(5080, node.Port);
        await AssertUrlsNameAsync(platform, node, number);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith($"Public base URL: {node}", StringComparison.Ordinal));
    }

    // The case: `./run.sh --demo --urls http://127.0.0.1:5733`. The demo's certificates are
    // signed while the node starts, before it listens.
    [Fact]
    public async Task Demo_StartedWithUrls_DemoCertificatesNameThatPort()
    {
        PdfTools.RequireOrSkip("pdftoppm", "zbarimg");
        var node = new Uri($"http://127.0.0.1:{FreePort()}/");
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, demo: true, urls: node.GetLeftPart(UriPartial.Authority));

        string number;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            number = (await db.Certificates.Where(c => !c.Superseded).Select(c => c.CertificateNumber).ToListAsync()).Order(StringComparer.Ordinal).First();
        }

        Assert.Equal(node, platform.ClientOptions.BaseAddress);
        await AssertUrlsNameAsync(platform, node, number);
    }

    // In memory nothing is bound: the node reads the address it was told to listen on, as Kestrel
    // would bind it. A wildcard is no address anyone can open.
    [Fact]
    public async Task Register_UrlsOnAllInterfaces_LinksNameLocalhostAndTheNodeWarns()
    {
        var logs = new LogCollector();
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, LifecycleWalkTests.At(2025, 9, 1, 9), configure: b =>
        {
            Configure(b, logs);
            b.UseSetting("urls", "http://+:8080");
        });

        var (applicant, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");

        var links = (await platform.CreateClient().GetAsync($"/api/v1/certificates/{number}").OkAsync()).GetProperty("links");
        Assert.Equal($"http://localhost:8080/verify/{number}", links.Str("verification"));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("set DataIp:PublicBaseUrl", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Register_PublicBaseUrlSet_UrlsNameItWhereverTheNodeListens()
    {
        PdfTools.RequireOrSkip("pdftoppm", "zbarimg");
        var logs = new LogCollector();
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite, LifecycleWalkTests.At(2025, 9, 1, 9), configure: b =>
        {
            Configure(b, logs);
            b.UseSetting("DataIp:PublicBaseUrl", "https://registry.example/dataip");
        }, urls: "http://127.0.0.1:0");

        var (applicant, _, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");

        await AssertUrlsNameAsync(platform, new Uri("https://registry.example/dataip/"), number);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Public base URL: https://registry.example/dataip/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/", true)]
    [InlineData("http://[::]:8080", "http://localhost:8080/", true)]
    [InlineData("http://+:8080", "http://localhost:8080/", true)]
    [InlineData("https://*:8443", "https://localhost:8443/", true)]
    [InlineData("http://127.0.0.1:5733", "http://127.0.0.1:5733/", false)]
    [InlineData("http://[::1]:5733", "http://[::1]:5733/", false)]
    [InlineData("http://localhost", "http://localhost/", false)]
    [InlineData("http://127.0.0.1:0", null, false)]
    [InlineData("unix:/run/dataip.sock", null, false)]
    public void BaseUrlOf_ListenAddress_UsableBaseUrlOrNone(string address, string? expected, bool wildcard)
    {
        var url = PublicAddress.BaseUrlOf(address, out var wasWildcard);

        Assert.Equal((expected, wildcard), (url?.AbsoluteUri, wasWildcard));
    }

    // The status links, the credential's id and status, the DID document's service endpoint, the
    // verification page's links and the PDF's QR code all begin with the node's public base URL.
    private static async Task AssertUrlsNameAsync(RegistryFactory platform, Uri node, string number)
    {
        var anyone = platform.CreateClient();
        var links = (await anyone.GetAsync($"/api/v1/certificates/{number}").OkAsync()).GetProperty("links");
        Assert.Equal(
            ($"{node}verify/{number}", $"{node}api/v1/certificates/{number}/pdf", $"{node}api/v1/certificates/{number}/credential"),
            (links.Str("verification"), links.Str("pdf"), links.Str("credential")));
        var credential = JsonNode.Parse(await anyone.GetStringAsync($"/api/v1/certificates/{number}/credential"))!["credential"]!;
        Assert.Equal($"{node}api/v1/certificates/{number}/credential", (string)credential["id"]!);
        Assert.Equal($"{node}api/v1/certificates/{number}", (string)credential["credentialStatus"]!["id"]!);
        var did = JsonNode.Parse(await anyone.GetStringAsync("/.well-known/did.json"))!;
        Assert.Equal(node.AbsoluteUri, (string)did["service"]![0]!["serviceEndpoint"]!);

        var page = await anyone.GetStringAsync($"/verify/{number}");
        Assert.Contains($"href=\"{node}api/v1/certificates/{number}/pdf\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{node}api/v1/certificates/{number}/credential\"", page, StringComparison.Ordinal);
        Assert.Equal($"{node}verify/{number}", await QrCodeAsync(anyone, number));
    }

    private static async Task<string> QrCodeAsync(HttpClient client, string number)
    {
        var directory = Directory.CreateTempSubdirectory("dataip-qr-").FullName;
        try
        {
            var pdf = Path.Combine(directory, "certificate.pdf");
            await File.WriteAllBytesAsync(pdf, await client.GetByteArrayAsync($"/api/v1/certificates/{number}/pdf"));
            PdfTools.Ok("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(directory, "page"));
            return PdfTools.Ok("zbarimg", "--raw", "-q", Path.Combine(directory, "page.png")).TrimEnd('\n');
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The bodies get the placeholder seal (their PDFs are refused without one), and the node's log is kept.
    private static void Configure(IWebHostBuilder builder, LogCollector logs)
    {
        builder.UseSetting("DataIp:Certificates:PlaceholderSeal", "true");
        builder.ConfigureLogging(l => l.AddProvider(logs));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
