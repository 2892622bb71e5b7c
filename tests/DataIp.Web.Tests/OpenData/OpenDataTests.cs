using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DataIp.Data;
using DataIp.Domain.Calendar;
using DataIp.Testing;
using DataIp.Web.Demo;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Pages;
using DataIp.Web.Tests.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.OpenData;

/// <summary>
/// The open data (docs/open-data.md) on the demo, on SQLite and PostgreSQL: the CSV and JSON Lines
/// hold exactly the public register and nothing private, quote as RFC 4180 says, state the
/// checkpoint of the snapshot they were read in (also while acts are written), and the DCAT-AP
/// catalogue is JSON-LD whose downloads answer.
/// </summary>
public sealed class OpenDataTests
{
    private const string Csv = "/api/v1/open-data/registrations.csv";
    private const string JsonLines = "/api/v1/open-data/registrations.jsonl";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Exports_AfterACheckpoint_HoldExactlyThePublicRegisterAndNothingPrivate(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await platform.PublishLogAsync();
        var anyone = platform.CreateClient();

        using var csv = await anyone.GetAsync(Csv);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        using var jsonl = await anyone.GetAsync(JsonLines);
        var jsonlText = await jsonl.Content.ReadAsStringAsync();
        var expected = await RegisterAsync(platform);
        var (treeSize, root, committed) = await LogAsync(platform);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var table = Infrastructure.Csv.Parse(Encoding.UTF8.GetString(csvBytes));
        Assert.Equal(["registrationNumber", "certificateNumber", "dataName", "holders", "bodyCode", "bodyName", "bodyNameEn", "regionCode",
            "registrationDate", "validUntil", "legalStatus", "licences", "pledges"], table[0]);
        Assert.Equal(expected, [.. table.Skip(1).Select(r => string.Join("|", r[0], r[1], r[2], r[3], r[4], r[7], r[8], r[9], r[11], r[12]))]);
        var lines = jsonlText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var metadata = JsonNode.Parse(lines[0])!;
        Assert.Equal("registrations", (string?)metadata["metadata"]);
        Assert.Equal(treeSize, (long)metadata["checkpoint"]!["treeSize"]!);
        Assert.Equal(root, (string?)metadata["checkpoint"]!["rootHash"]);
        Assert.Equal(committed, (long)metadata["checkpoint"]!["logSize"]!);
        Assert.Equal(expected, [.. lines.Skip(1).Select(l => JsonNode.Parse(l)).Select(r => string.Join("|", (string?)r!["registrationNumber"], (string?)r["certificateNumber"],
            (string?)r["dataName"], string.Join("; ", r["holders"]!.AsArray().Select(h => (string?)h!["name"])), (string?)r["bodyCode"], (string?)r["regionCode"],
            (string?)r["registrationDate"], (string?)r["validUntil"], (int)r["licences"]!, (int)r["pledges"]!))]);
        foreach (var response in new[] { csv, jsonl })
        {
            Assert.Equal($"{treeSize} {root}", response.Headers.GetValues("DataIp-Checkpoint").Single());
            Assert.Equal(committed.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("DataIp-Log-Size").Single());
        }

        Assert.Equal(treeSize, committed); // the export waited for (here: found) a checkpoint of every act it reflects
        var bytes = Encoding.UTF8.GetString(csvBytes) + jsonlText;
        foreach (var applicant in DemoSeeder.Applicants)
        {
            Assert.DoesNotContain(applicant.Address, bytes); // private particulars of the applicant
            Assert.DoesNotContain(applicant.CreditCode, bytes);
            Assert.DoesNotContain(applicant.Email, bytes);
        }

        Assert.DoesNotContain("DBC-SZ-", bytes); // a pledge contract's number is the parties'
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Csv_DataNameWithCommaQuoteAndNewlines_QuotedAsRfc4180(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        const string Awkward = "交通,流量 \"实时\"\r\n数据集\n第二行";
        string number;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var app = await db.Applications.Where(a => a.RegistrationNumber != null).OrderBy(a => a.RegistrationNumber).FirstAsync();
            app.DataName = Awkward;
            number = app.RegistrationNumber!;
            await db.SaveChangesAsync();
        }

        var text = await platform.CreateClient().GetStringAsync(Csv);

        Assert.Contains("\"交通,流量 \"\"实时\"\"\r\n数据集\n第二行\"", text);
        var row = Infrastructure.Csv.Parse(text).Single(r => r[0] == number);
        Assert.Equal(Awkward, row[2]);
        Assert.EndsWith("\r\n", text);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_ActNotYetInACheckpoint_ReflectedAndStatedAsBeyondTheCheckpoint(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await platform.PublishLogAsync();
        var number = await FirstHeldByAsync(platform);
        var holder = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var before = await ExportAsync(platform);

        await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence()).CreatedAsync();
        var lagging = await ExportAsync(platform);
        await platform.PublishLogAsync();
        var covered = await ExportAsync(platform);

        Assert.Equal(before.TreeSize, before.LogSize);
        Assert.Equal(before.TreeSize, lagging.TreeSize); // this node does not sign (the tests drive the sequencer): the export states the lag
        Assert.Equal(before.LogSize + 1, lagging.LogSize);
        Assert.Equal(before.Licences[number] + 1, lagging.Licences[number]);
        Assert.Equal(covered.TreeSize, covered.LogSize);
        Assert.Equal(lagging.LogSize, covered.TreeSize);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_WhileActsAreWritten_ReflectsExactlyTheActsBelowItsLogSize(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await FirstHeldByAsync(platform);
        var holder = await platform.SignInAsync(DemoSeeder.Applicants[0].Email, DemoSeeder.Password);
        var exports = new List<Export>();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await holder.PostJsonAsync($"/api/v1/registrations/{number}/licences", Licence()).CreatedAsync();
            }
        });
        while (!writer.IsCompleted || exports.Count < 3)
        {
            exports.Add(await ExportAsync(platform));
        }

        await writer;
        exports.Add(await ExportAsync(platform));

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var today = ChinaTime.ToChinaDate(DateTimeOffset.UtcNow);
        var licences = await (from l in db.Licences
                              join a in db.Acts on l.ActId equals a.Id
                              join app in db.Applications on l.ApplicationId equals app.Id
                              where l.EndsOn >= today
                              select new { app.RegistrationNumber, a.LogIndex }).ToListAsync();
        foreach (var export in exports)
        {
            foreach (var (registration, count) in export.Licences)
            {
                Assert.Equal(licences.Count(l => l.RegistrationNumber == registration && l.LogIndex < export.LogSize), count);
            }
        }

        Assert.True(exports.Select(e => e.LogSize).Distinct().Count() > 1, "the exports should have seen the register at different moments");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Catalog_IsDcatJsonLd_WithTheCheckpointAndDownloadsThatAnswer(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await platform.PublishLogAsync();
        var anyone = platform.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/open-data/catalog");
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var (treeSize, root, _) = await LogAsync(platform);

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var context = catalog["@context"]!.AsObject();
        Assert.Equal("http://www.w3.org/ns/dcat#", (string?)context["dcat"]);
        Assert.Equal("http://purl.org/dc/terms/", (string?)context["dct"]);
        Assert.Equal("dcat:Catalog", (string?)catalog["@type"]);
        AssertPrefixesDefined(catalog, context);
        var datasets = catalog["dcat:dataset"]!.AsArray();
        Assert.Equal(2, datasets.Count);
        Assert.All(datasets, d => Assert.Equal("https://creativecommons.org/licenses/by/4.0/", (string?)d!["dct:license"]!["@id"]));
        var registrations = datasets[0]!;
        Assert.Equal(await RegisterCountAsync(platform), (int)registrations["dataip:registrations"]!);
        Assert.NotNull(registrations["dct:temporal"]!["dcat:startDate"]);
        var urls = datasets.SelectMany(d => d!["dcat:distribution"]!.AsArray())
            .SelectMany(x => new[] { x!["dcat:accessURL"]?["@id"], x["dcat:downloadURL"]?["@id"] }).OfType<JsonNode>().Select(u => new Uri((string)u!)).Distinct().ToList();
        Assert.Contains(urls, u => u.AbsolutePath == Csv);
        Assert.Contains(urls, u => u.AbsolutePath == JsonLines);
        foreach (var url in urls)
        {
            using var download = await anyone.GetAsync(url.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        var checkpoint = registrations["dcat:distribution"]![0]!["dataip:checkpoint"]!;
        Assert.Equal(treeSize, (long)checkpoint["dataip:treeSize"]!);
        Assert.Equal(root, (string?)checkpoint["dataip:rootHash"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OpenDataPage_ListsTheDownloadsLicenceAndCheckpoint_InBothLanguages(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await platform.PublishLogAsync();
        var anyone = platform.CookieClient();

        var chinese = WebUtility.HtmlDecode(await anyone.GetStringAsync("/open-data"));
        var english = WebUtility.HtmlDecode(await anyone.GetStringAsync("/open-data?culture=en"));
        var (treeSize, root, _) = await LogAsync(platform);

        foreach (var page in new[] { chinese, english })
        {
            Assert.Contains($"href=\"{Csv}\"", page);
            Assert.Contains($"href=\"{JsonLines}\"", page);
            Assert.Contains("href=\"https://creativecommons.org/licenses/by/4.0/\"", page);
            Assert.Contains($"data-size=\"{treeSize}\"", page);
            Assert.Contains(root, page);
            Assert.Contains($"data-rows=\"{await RegisterCountAsync(platform)}\"", page);
        }

        Assert.Contains("开放数据", chinese);
        Assert.Contains("Open data", english);
    }

    [Fact]
    public void AppendField_Rfc4180_QuotesOnlyWhatNeedsIt()
    {
        string Field(string? value)
        {
            var line = new StringBuilder();
            DataIp.Web.Features.OpenData.RegisterExport.AppendField(line, value);
            return line.ToString();
        }

        Assert.Equal("", Field(null));
        Assert.Equal("数据集", Field("数据集"));
        Assert.Equal("\"a,b\"", Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", Field("say \"hi\""));
        Assert.Equal("\"a\r\nb\"", Field("a\r\nb"));
        Assert.Equal("\"a\nb\"", Field("a\nb"));
    }

    /// <summary>An export as the tests read it: its stated checkpoint and each registration's licence count.</summary>
    private sealed record Export(long TreeSize, long LogSize, Dictionary<string, int> Licences);

    private static async Task<Export> ExportAsync(RegistryFactory platform)
    {
        var lines = (await platform.CreateClient().GetStringAsync(JsonLines)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var checkpoint = JsonNode.Parse(lines[0])!["checkpoint"]!;
        return new Export((long)checkpoint["treeSize"]!, (long)checkpoint["logSize"]!,
            lines.Skip(1).Select(l => JsonNode.Parse(l)!).ToDictionary(r => (string)r["registrationNumber"]!, r => (int)r["licences"]!));
    }

    // The register by a direct query: number, certificate, name, holders, body, region, dates, licences in force, pledges.
    private static async Task<List<string>> RegisterAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var today = ChinaTime.ToChinaDate(DateTimeOffset.UtcNow);
        var apps = await db.Applications.Include(a => a.Body).Where(a => a.RegistrationNumber != null).ToListAsync();
        var holders = await db.RightHolders.Where(h => !h.Ended).OrderBy(h => h.Position).ToListAsync();
        var licences = await db.Licences.Where(l => l.EndsOn >= today).ToListAsync();
        return [.. apps.OrderBy(a => a.RegistrationNumber, StringComparer.Ordinal).Select(a => string.Join("|", a.RegistrationNumber, a.CertificateNumber, a.DataName,
            string.Join("; ", holders.Where(h => h.ApplicationId == a.Id).Select(h => h.Name)), a.Body.Code, a.Body.RegionCode,
            a.RegistrationDate?.ToString("yyyy-MM-dd"), a.ValidUntil?.ToString("yyyy-MM-dd"), licences.Count(l => l.ApplicationId == a.Id), a.ActivePledges))];
    }

    private static async Task<int> RegisterCountAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.CountAsync(a => a.RegistrationNumber != null);
    }

    private static async Task<(long TreeSize, string Root, long Committed)> LogAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var latest = await db.LogCheckpoints.OrderByDescending(c => c.TreeSize).FirstAsync();
        return (latest.TreeSize, Convert.ToBase64String(latest.RootHash), await db.LogEntries.MaxAsync(e => e.Index) + 1);
    }

    // A registration of the first demo applicant that it holds alone and may license.
    private static async Task<string> FirstHeldByAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Applications.Where(a => a.DataName == "深圳市城市交通流量数据集").Select(a => a.RegistrationNumber!).SingleAsync();
    }

    private static RightsTests.LicenceBody Licence()
    {
        var today = ChinaTime.ToChinaDate(DateTimeOffset.UtcNow);
        return RightsTests.Licence("nonExclusive", ["holding"], today.ToString("yyyy-MM-dd"), today.AddMonths(6).ToString("yyyy-MM-dd"));
    }

    // Every compact IRI (prefix:term) used as a key or a type names a prefix the context defines.
    private static void AssertPrefixesDefined(JsonNode node, JsonObject context)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key != "@context")
                    {
                        AssertCompact(key, context);
                        if (key == "@type")
                        {
                            AssertCompact((string)value!, context);
                        }
                        else if (value is not null)
                        {
                            AssertPrefixesDefined(value, context);
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    AssertPrefixesDefined(item!, context);
                }

                break;
        }
    }

    private static void AssertCompact(string term, JsonObject context)
    {
        if (term.StartsWith('@'))
        {
            return;
        }

        var prefix = term.Split(':')[0];
        Assert.True(term.Contains(':') && context.ContainsKey(prefix), $"'{term}' is not a compact IRI of the context");
    }
}
