using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Pages;

/// <summary>
/// The record page (/registrations/{n}) as the public reads it, on SQLite and PostgreSQL: its JSON
/// (the same address with Accept: application/json) and its embedded schema.org Dataset come from
/// the same record as the page; each act links to an inclusion proof that verifies against the
/// latest checkpoint; notices and certificates link to it.
/// </summary>
public sealed partial class RecordPageTests
{
    private const string Pledged = "深圳市城市交通流量数据集";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RecordPage_JsonAndJsonLd_SameRecordAsThePage(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await platform.PublishLogAsync();
        var number = await NumberAsync(platform, Pledged);
        var anyone = platform.CookieClient();

        using var pageResponse = await anyone.GetAsync($"/registrations/{number}");
        var page = await pageResponse.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/registrations/{number}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var jsonResponse = await anyone.SendAsync(request);
        var json = JsonNode.Parse(await jsonResponse.Content.ReadAsStringAsync())!;

        Assert.Equal("text/html", pageResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", pageResponse.Headers.Vary);
        Assert.Equal(number, (string?)json["registrationNumber"]);
        Assert.Equal("pledged", (string?)json["legalStatus"]);
        Assert.Equal([.. json["certificates"]!.AsArray().Select(c => (string)c!["certificateNumber"]!)], [.. Certificate().Matches(page).Select(m => m.Groups[1].Value)]);
        Assert.Equal([.. json["history"]!.AsArray().Select(h => (long)h!["logIndex"]!)], [.. LogIndex().Matches(page).Select(m => long.Parse(m.Groups[1].Value))]);
        Assert.Single(json["certificates"]!.AsArray(), c => (bool)c!["current"]!);
        foreach (var act in json["history"]!.AsArray())
        {
            Assert.Contains($"href=\"{(string)act!["proof"]!}\"", page); // every act is in the checkpoint just published
        }

        var dataset = JsonNode.Parse(WebUtility.HtmlDecode(LinkedData().Match(page).Groups[1].Value).Replace("\\u003c", "<"))!;
        Assert.Equal("https://schema.org", (string?)dataset["@context"]);
        Assert.Equal("Dataset", (string?)dataset["@type"]);
        Assert.Equal(number, (string?)dataset["identifier"]);
        Assert.Equal(Pledged, (string?)dataset["name"]);
        Assert.Equal((string?)json["url"], (string?)dataset["url"]);
        Assert.Equal((string?)json["licence"], (string?)dataset["license"]);
        Assert.Equal([.. json["holders"]!.AsArray().Select(h => (string)h!["name"]!)], [.. dataset["creator"]!.AsArray().Select(c => (string)c!["name"]!)]);
        Assert.Equal((string?)json["registrationDate"], (string?)dataset["datePublished"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RecordPage_DataNameWithScriptEnd_CannotCloseTheJsonLdBlock(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var number = await NumberAsync(platform, Pledged);
        const string Hostile = "数据</script><script>alert(1)</script>";
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var app = await db.Applications.SingleAsync(a => a.RegistrationNumber == number);
            app.DataName = Hostile;
            await db.SaveChangesAsync();
        }

        var page = await platform.CookieClient().GetStringAsync($"/registrations/{number}");

        Assert.DoesNotContain("<script>alert", page);
        var block = LinkedData().Match(page).Groups[1].Value;
        Assert.DoesNotContain("<", block);
        Assert.Equal(Hostile, (string?)JsonNode.Parse(block)!["name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ProofLink_OfEachAct_VerifiesAgainstTheLatestCheckpoint(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var checkpoint = await platform.PublishLogAsync();
        var number = await NumberAsync(platform, Pledged);
        var anyone = platform.CreateClient();
        var page = await anyone.GetStringAsync($"/registrations/{number}");
        var proofs = Proof().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(proofs);
        foreach (var path in proofs)
        {
            var proof = JsonNode.Parse(await anyone.GetStringAsync(path))!;
            var index = (long)proof["index"]!;
            var size = (long)proof["size"]!;
            var leaf = Hash.FromBase64((string)proof["leafHash"]!);
            var root = Hash.FromBase64((string)proof["rootHash"]!);
            Assert.Equal(checkpoint.TreeSize, size);
            Assert.Equal(Convert.ToBase64String(checkpoint.RootHash), (string?)proof["rootHash"]);
            Assert.Equal(await LeafAsync(platform, index), leaf.ToBase64());
            Assert.True(MerkleProof.VerifyInclusion((ulong)index, (ulong)size, leaf, [.. proof["proof"]!.AsArray().Select(h => Hash.FromBase64((string)h!))], root).IsValid);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EntryProof_IndexOutsideTheCheckpoint_ProblemNamingIndex(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var checkpoint = await platform.PublishLogAsync();
        var anyone = platform.CreateClient();

        var negative = await anyone.GetAsync("/api/v1/log/entries/-1/proof").ProblemAsync(HttpStatusCode.BadRequest);
        using var beyond = await anyone.GetAsync($"/api/v1/log/entries/{checkpoint.TreeSize}/proof");
        using var huge = await anyone.GetAsync($"/api/v1/log/entries/{long.MaxValue}/proof");
        using var overflow = await anyone.GetAsync("/api/v1/log/entries/99999999999999999999999/proof");

        Assert.Equal(["index"], negative.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, huge.StatusCode);
        Assert.True(overflow.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NoticeAndCertificate_OfARegistration_LinkToItsRecord(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        string number, applicationNumber, certificate;
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var app = await db.Applications.SingleAsync(a => a.DataName == Pledged);
            (number, applicationNumber, certificate) = (app.RegistrationNumber!, app.ApplicationNumber!, app.CertificateNumber!);
        }

        var anyone = platform.CookieClient();
        var notice = await anyone.GetStringAsync($"/notices/{applicationNumber}");
        var verify = await anyone.GetStringAsync($"/verify/{certificate}");
        var json = JsonNode.Parse(await anyone.GetStringAsync($"/api/v1/certificates/{certificate}"))!;

        Assert.Contains($"href=\"/registrations/{number}\"", notice);
        Assert.Contains($"href=\"/registrations/{number}\"", verify);
        Assert.EndsWith($"/registrations/{number}", (string?)json["links"]!["registration"]);
    }

    private static async Task<string> NumberAsync(RegistryFactory platform, string dataName)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Applications.Where(a => a.DataName == dataName).Select(a => a.RegistrationNumber!).SingleAsync();
    }

    private static async Task<string> LeafAsync(RegistryFactory platform, long index)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return Convert.ToBase64String(await db.LogEntries.Where(e => e.Index == index).Select(e => e.LeafHash).SingleAsync());
    }

    [GeneratedRegex("<tr data-certificate=\"(\\d+)\"")]
    private static partial Regex Certificate();

    [GeneratedRegex("<tr data-act=\"[A-Za-z]+\" data-log-index=\"(\\d+)\"")]
    private static partial Regex LogIndex();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex LinkedData();

    [GeneratedRegex("href=\"(/api/v1/log/entries/\\d+/proof)\"")]
    private static partial Regex Proof();
}
