using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Register;
using DataIp.Web.Features.Statistics;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Statistics;

/// <summary>
/// The statistics over a generated history (<see cref="GeneratedHistory"/>) on both databases:
/// every figure of the API equals a direct count of the tables (<see cref="DirectCount"/>), with
/// and without filters; the home page's figures agree; the processing times are the hand-computed
/// percentiles; each CSV file holds the API's rows.
/// </summary>
public sealed class StatisticsTests
{
    private static readonly string?[][] Filters =
    [
        [null, null, null], ["2025-03", "2025-09", null], [null, null, "4403"], ["2025-06", null, "4400"], [null, "2025-04", "3100"], ["2025-06", "2025-06", "1100"],
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Statistics_GeneratedHistory_EveryFigureEqualsADirectCount(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await GeneratedHistory.WriteAsync(platform);
        var direct = await DirectCount.LoadAsync(platform);
        var client = platform.CreateClient();
        // The history is not trivial: many months, every industry section used, every pledge status.
        var everything = direct.Tables(null, null, null);
        Assert.True(everything["months"].Count >= 13, string.Join(" ", everything["months"]));
        Assert.True(everything["sections"].Count >= 6, string.Join(" ", everything["sections"]));
        Assert.All(everything["pledges"], p => Assert.DoesNotContain(":0:", p, StringComparison.Ordinal));

        foreach (var filter in Filters)
        {
            var view = await ReadAsync(client, Query(filter));

            var expected = direct.Tables(filter[0], filter[1], filter[2]);
            foreach (var (table, rows) in Tables(view))
            {
                Assert.True(expected[table].SequenceEqual(rows), $"{table} under {Query(filter)}:\nexpected {string.Join(" | ", expected[table])}\nactual   {string.Join(" | ", rows)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Statistics_GeneratedHistory_AgreeWithTheHomePageAndTheHandComputedTimes(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await GeneratedHistory.WriteAsync(platform);
        RegisterFiguresView figures;
        await using (var scope = platform.Scope())
        {
            figures = await scope.ServiceProvider.GetRequiredService<RegisterFigures>().CountAsync(CancellationToken.None);
        }

        var view = await ReadAsync(platform.CreateClient(), "");

        Assert.Equal(figures.Received, view.Totals.Applications);
        Assert.Equal(figures.Registrations, view.Totals.Registrations);
        Assert.Equal(figures.ValidCertificates, view.Totals.ValidCertificates);
        Assert.Equal(figures.Pledges, view.PledgesByStatus.Single(p => p.Status == Domain.Rights.PledgeStatus.Registered).Amounts);
        // Body 1100: durations 3 1 4 1 5 9 2 6 5 3, sorted 1 1 2 3 3 4 5 5 6 9: the 5th is 3, the 9th is 6.
        var beijing = view.ProcessingTimes.Single(t => t.BodyCode == "1100");
        Assert.Equal((10, 3, 6), (beijing.Registrations, beijing.MedianDays, beijing.P90Days));
        Assert.Contains(view.ProcessingTimes, t => t.Registrations == 0 && t.MedianDays is null && t.P90Days is null);
    }

    [Theory]
    [InlineData(new[] { 7 }, 7, 7)]
    [InlineData(new[] { 1, 2 }, 1, 2)]
    [InlineData(new[] { 1, 2, 3 }, 2, 3)]
    [InlineData(new[] { 1, 1, 2, 3, 3, 4, 5, 5, 6, 9 }, 3, 6)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6, 10)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40 }, 0, 0)]
    public void Percentile_HandComputedLists_NearestRank(int[] sorted, int median, int p90)
    {
        Assert.Equal(median, RegisterStatistics.Percentile(sorted, 50));
        Assert.Equal(p90, RegisterStatistics.Percentile(sorted, 90));
        Assert.Null(RegisterStatistics.Percentile([], 50));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Csv_EveryTable_HoldsTheApiRows(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        await GeneratedHistory.WriteAsync(platform);
        var client = platform.CreateClient();

        foreach (var query in new[] { "", "?from=2025-03&to=2025-09&body=4403" })
        {
            var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/statistics" + query);
            foreach (var table in StatisticsTables.All)
            {
                var response = await client.GetAsync($"/statistics/{table.Name}.csv{query}");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
                var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
                Assert.Equal(table.Header, rows[0]);
                Assert.Equal(ApiRows(json, table.Name), rows.Skip(1).Select(r => string.Join("|", r)).ToList());
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Statistics_HostileFilters_ProblemNamingTheField(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, DateTimeOffset.UtcNow, demo: true);
        var client = platform.CreateClient();
        var cases = new (string Query, string Field)[]
        {
            ("from=0000-00", "from"), ("to=9999-13", "to"), ("from=2025-00", "from"), ("to=2025-1", "to"), ("from=1999-12", "from"), ("to=2100-01", "to"),
            ("from=" + new string('2', 5000), "from"), ("from=2025%E2%80%9009", "from"), ("from=%EF%BC%92025-09", "from"), ("from=2025-09%00", "from"),
            ("from=2025-10&to=2025-09", "from"), ("body=%ED%A0%80", "body"), ("body=%01", "body"), ("body=9999", "body"), ("body=4403%0A", "body"),
            ("body=" + new string('4', 300), "body"), ("body=%F0%9F%98%80", "body"),
        };

        foreach (var (query, field) in cases)
        {
            foreach (var path in new[] { "/api/v1/statistics", "/statistics/months.csv" })
            {
                var response = await client.GetAsync($"{path}?{query}");
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query}: {problem}");
            }
        }

        var unknown = await client.GetAsync("/statistics/nope.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    internal static string Query(string?[] filter) =>
        "?" + string.Join("&", new[] { "from", "to", "body" }.Zip(filter).Where(p => p.Second is not null).Select(p => $"{p.First}={p.Second}"));

    private static async Task<StatisticsView> ReadAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/statistics" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StatisticsView>(RegistryFactory.Json))!;
    }

    // The API's tables in DirectCount's form.
    private static IEnumerable<(string Table, List<string> Rows)> Tables(StatisticsView v)
    {
        string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
        yield return ("totals", [$"{v.Totals.Applications},{v.Totals.Registrations},{v.Totals.ValidCertificates},{v.Totals.Licences},{v.Totals.Transfers},{v.Totals.Pledges}"]);
        yield return ("bodies", [.. v.ByBody.Select(b => $"{b.BodyCode}:{b.Applications},{b.Registrations},{b.ValidCertificates},{b.Licences},{b.Transfers}")]);
        yield return ("provinces", [.. v.ByProvince.Select(p => $"{p.Province}:{p.Applications},{p.Registrations},{p.ValidCertificates}")]);
        yield return ("regions", [.. v.ByRegion.Select(r => $"{r.RegionCode}:{r.Applications},{r.Registrations},{r.ValidCertificates}")]);
        yield return ("sections", [.. v.ByIndustrySection.Select(s => $"{s.Section}:{s.Applications},{s.Registrations},{s.ValidCertificates}")]);
        yield return ("divisions", [.. v.ByIndustryDivision.Select(d => $"{d.Code}:{d.Applications},{d.Registrations},{d.ValidCertificates}")]);
        yield return ("months", [.. v.ByMonth.Select(m => $"{m.Month}:{m.Applications},{m.Registrations},{m.ValidCertificates},{m.Licences},{m.Transfers}")]);
        yield return ("pledges", [.. v.PledgesByStatus.Select(p => $"{p.Status}:{p.Pledges}:" + string.Join(";", p.Amounts.Select(a => $"{a.Currency}={a.Pledges}={Amount(a.Amount)}")))]);
        yield return ("times", [.. v.ProcessingTimes.Select(t => $"{t.BodyCode}:{t.Registrations},{t.MedianDays},{t.P90Days}")]);
    }

    // A CSV table's rows as the API's JSON gives them: the array of the same name, each member of the header in turn.
    private static List<string> ApiRows(JsonElement json, string table)
    {
        var (array, header) = table switch
        {
            "months" => ("byMonth", (string[])["month", "applications", "registrations", "validCertificates", "licences", "transfers"]),
            "bodies" => ("byBody", ["bodyCode", "name", "nameEn", "regionCode", "applications", "registrations", "validCertificates", "licences", "transfers"]),
            "provinces" => ("byProvince", ["province", "name", "nameEn", "applications", "registrations", "validCertificates"]),
            "regions" => ("byRegion", ["regionCode", "province", "bodies", "applications", "registrations", "validCertificates"]),
            "industry-sections" => ("byIndustrySection", ["section", "name", "nameEn", "applications", "registrations", "validCertificates"]),
            "industry-divisions" => ("byIndustryDivision", ["code", "section", "name", "nameEn", "applications", "registrations", "validCertificates"]),
            "processing-times" => ("processingTimes", ["bodyCode", "name", "nameEn", "registrations", "medianDays", "p90Days"]),
            "pledges" => ("pledgesByStatus", []),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
        if (table == "pledges")
        {
            return [.. json.GetProperty(array).EnumerateArray().SelectMany(s => s.GetProperty("amounts").GetArrayLength() == 0
                ? [$"{s.GetProperty("status").GetString()}||0|"]
                : s.GetProperty("amounts").EnumerateArray().Select(a => $"{s.GetProperty("status").GetString()}|{a.GetProperty("currency").GetString()}|{a.GetProperty("pledges")}|{a.GetProperty("amount")}"))];
        }

        static string Cell(JsonElement row, string member) => !row.TryGetProperty(member, out var value) ? ""
            : value.ValueKind == JsonValueKind.Array ? string.Join(' ', value.EnumerateArray().Select(v => v.GetString()))
            : value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return [.. json.GetProperty(array).EnumerateArray().Select(row => string.Join("|", header.Select(h => Cell(row, h))))];
    }
}
