using System.Net;
using System.Text.Json;
using DataIp.Data;
using DataIp.Data.Search;
using DataIp.Domain.Registration;
using DataIp.Domain.Search;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;

namespace DataIp.Web.Tests.Search;

/// <summary>
/// <c>GET /api/v1/search</c> on SQLite and PostgreSQL, the same suite on both: words match inside
/// longer Chinese text, across fields and scripts; nothing that is not public is ever found;
/// filters and facets combine and the facets equal a direct count; a cursor walk returns every
/// result once, in order, while the register changes.
/// </summary>
public sealed class SearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Words_FindTheirRecords_InEveryPublicField_AndNothingPrivate(DatabaseProvider provider)
    {
        var search = await SearchPlatform.StartAsync(provider);
        await using var platform = search.Platform;

        // Two Chinese characters inside longer names; one character by prefix.
        Assert.Equal(Sorted([search.Traffic, search.Transit, search.Notice]), Sorted(await search.NumbersAsync("q=交通")));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=公共交通"));
        Assert.Empty(await search.NumbersAsync("q=深运"));
        Assert.Contains(search.Notice, await search.NumbersAsync("q=医"));
        Assert.Equal([search.Notice], await search.NumbersAsync("q=问诊"));

        // Holders, scenarios, summary; accents, case and mixed scripts.
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + Uri.EscapeDataString("联合实验室")));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=出行调度"));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=RESUME"));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + Uri.EscapeDataString("résumé corpus")));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + Uri.EscapeDataString("AI 数据")));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + Uri.EscapeDataString("交通 resu")));
        Assert.Empty(await search.NumbersAsync("q=" + Uri.EscapeDataString("交通 nosuchword")));

        // Identifiers: the registration, application and certificate numbers.
        var transit = (await search.SearchAsync("q=" + search.Transit)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(search.Transit, SearchPlatform.Number(transit));
        Assert.Equal($"/registrations/{search.Transit}", transit.Str("link"));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + transit.Str("applicationNumber")));
        Assert.Equal([search.Transit], await search.NumbersAsync("q=" + transit.Str("certificateNumber")));
        Assert.Equal([search.Notice], await search.NumbersAsync("q=" + search.Notice));
        var notice = (await search.SearchAsync("q=" + search.Notice)).GetProperty("items")[0];
        Assert.Equal($"/notices/{search.Notice}", notice.Str("link"));
        Assert.Equal([SearchPlatform.CoHolder], transit.GetProperty("holders").EnumerateArray().Select(h => h.GetString()).Skip(1));

        // Not public: a submitted application, a draft, and private fields (contact, address) of public ones.
        Assert.Empty(await search.NumbersAsync("q=zebraword"));
        Assert.Empty(await search.NumbersAsync("q=斑马"));
        Assert.Empty(await search.NumbersAsync("q=quokkaword"));
        Assert.Empty(await search.NumbersAsync("q=袋鼠"));
        Assert.Empty(await search.NumbersAsync("q=liming"));
        Assert.Empty(await search.NumbersAsync("q=13800138000"));
        Assert.Empty(await search.NumbersAsync("q=南山区"));
        Assert.Equal(3, (await SearchPlatform.RowsAsync(platform)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FiltersAndFacets_Combine_FacetsEqualADirectCountOfTheFilteredSet(DatabaseProvider provider)
    {
        var search = await SearchPlatform.StartAsync(provider);
        await using var platform = search.Platform;
        var rows = await SearchPlatform.RowsAsync(platform);
        string[] queries =
        [
            "", "q=数据", "q=交通", "body=4400", "body=4403", "region=440300", "industry=G", "industry=I65", "industry=q", "state=registered",
            "state=publicNotice", "right=processingAndUse", "right=holding", "pledged=false", "pledged=true", "q=数据&body=4400&state=registered",
            "from=2025-09-02", "to=2025-09-01", "from=2025-09-01&to=2025-12-31&industry=I", "q=数据&right=processingAndUse&pledged=false",
        ];

        foreach (var query in queries)
        {
            var answer = await search.SearchAsync(query);
            var expected = rows.Where(Filter(query)).ToList();

            Assert.Equal(expected.Count, answer.GetProperty("total").GetInt32());
            Assert.Equal(Sorted(expected.Select(e => e.Number)), Sorted(await search.NumbersAsync(query)));
            var facets = answer.GetProperty("facets");
            Assert.Equal(Counts(expected, e => e.BodyCode), Facet(facets, "body"));
            Assert.Equal(Counts(expected, e => e.RegionCode), Facet(facets, "region"));
            Assert.Equal(Counts(expected.Where(e => e.IndustrySection is not null), e => e.IndustrySection!), Facet(facets, "industry"));
            Assert.Equal(Counts(expected, e => char.ToLowerInvariant(e.State.ToString()[0]) + e.State.ToString()[1..]), Facet(facets, "state"));
            Assert.Equal(Counts(expected, e => e.Pledged ? "true" : "false"), Facet(facets, "pledged"));
        }

        Assert.Equal(2, (await search.SearchAsync("state=registered")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await search.SearchAsync("q=交通&body=4403")).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CursorWalk_LimitThree_EveryResultOnceInOrder_WhileARegistrationIsMade(DatabaseProvider provider)
    {
        var search = await SearchPlatform.StartAsync(provider);
        await using var platform = search.Platform;
        var examiner = await platform.ExaminerAsync("4400");
        for (var i = 0; i < 7; i++)
        {
            await SearchPlatform.NoticedAsync(platform, examiner, "4400", TestContent.Complete($"数据集第{i}号 批次"));
        }

        foreach (var sort in new[] { "newest", "oldest", "number", "name" })
        {
            var before = await search.NumbersAsync($"q=数据&sort={sort}");
            var walked = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await search.SearchAsync($"q=数据&sort={sort}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                var items = page.GetProperty("items").EnumerateArray().Select(SearchPlatform.Number).ToList();
                Assert.InRange(items.Count, 1, 3);
                walked.AddRange(items);
                cursor = SearchPlatform.Next(page);
                if (++pages == 2)
                {
                    // A new public record between pages: never a repeat, never a skip of what was there.
                    await SearchPlatform.NoticedAsync(platform, examiner, "4400", TestContent.Complete($"新增数据集 {sort}"));
                }
            }
            while (cursor is not null);

            Assert.Equal(walked.Count, walked.Distinct().Count());
            Assert.Superset(before.ToHashSet(), walked.ToHashSet());
            var added = walked.Except(before).ToList();
            Assert.True(added.Count <= 1, string.Join(", ", added));
            Assert.Equal(before, walked.Except(added).ToList());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HostileInput_400_NamingTheField(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider, LifecycleWalkTests.At(2025, 9, 1, 9));
        var client = platform.CreateClient();
        var cursor = SearchPlatform.Next(await client.GetAsync("/api/v1/search?limit=1").OkAsync());
        (string Query, string Field)[] cases =
        [
            ("q=" + new string('数', 10_000), "q"),
            ("q=ab%ED%A0%80cd", "q"), // a lone surrogate, as UTF-8 would carry one
            ("q=ab%FFcd", "q"),
            ("q=ab%01cd", "q"),
            ("q=" + string.Join('+', Enumerable.Range(0, 50).Select(i => $"w{i}")), "q"),
            ("state=sleeping", "state"),
            ("state=draft", "state"),
            ("state=5", "state"),
            ("right=everything", "right"),
            ("pledged=maybe", "pledged"),
            ("body=44", "body"),
            ("body=" + Uri.EscapeDataString("4400' OR 1=1"), "body"),
            ("region=abcdef", "region"),
            ("industry=Z99", "industry"),
            ("from=2025-02-30", "from"),
            ("from=0001-01-01", "from"),
            ("to=99999-01-01", "to"),
            ("from=2025-10-01&to=2025-09-01", "from"),
            ("sort=random", "sort"),
            ("cursor=notacursor", "cursor"),
            ("cursor=" + new string('A', 5000), "cursor"),
            ("cursor=eyJhIjoxfQ", "cursor"),
            ("limit=0", "limit"),
            ("limit=101", "limit"),
            ("limit=-1", "limit"),
            ("limit=99999999999999999999", "limit"),
        ];

        foreach (var (query, field) in cases)
        {
            using var response = await client.GetAsync("/api/v1/search?" + query);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query[..Math.Min(query.Length, 80)]}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(field, JsonDocument.Parse(text).RootElement.ErrorFields());
        }

        Assert.Null(cursor); // an empty register: one page
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cursor_EditedOrOfAnotherSort_400(DatabaseProvider provider)
    {
        var search = await SearchPlatform.StartAsync(provider);
        await using var platform = search.Platform;
        var client = platform.CreateClient();
        var next = (await client.GetAsync("/api/v1/search?limit=1&sort=name").OkAsync()).Str("next");
        var edited = next[..^2] + (next[^2] == 'A' ? "B" : "A") + next[^1];

        await client.GetAsync("/api/v1/search?limit=1&sort=name&cursor=" + next).OkAsync();
        var otherSort = await client.GetAsync("/api/v1/search?limit=1&sort=number&cursor=" + next).ProblemAsync(HttpStatusCode.BadRequest);
        var tampered = await client.GetAsync("/api/v1/search?limit=1&sort=name&cursor=" + edited).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["cursor"], otherSort.ErrorFields());
        Assert.Equal(["cursor"], tampered.ErrorFields());
    }

    // The reference: SearchTerms.Matches over the stored rows, and the filters written out plainly.
    private static Func<SearchEntry, bool> Filter(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
        var terms = SearchTerms.ForQuery(Get("q"));
        return e => SearchTerms.Matches(e.Terms, terms)
            && (Get("body") is not { } body || e.BodyCode == body)
            && (Get("region") is not { } region || e.RegionCode == region)
            && (Get("industry") is not { } industry || (industry.Length == 1 ? string.Equals(e.IndustrySection, industry, StringComparison.OrdinalIgnoreCase) : e.IndustryCode == industry))
            && (Get("state") is not { } state || string.Equals(e.State.ToString(), state, StringComparison.OrdinalIgnoreCase))
            && (Get("right") is not { } right || (e.Rights & (1 << (int)Enum.Parse<DataRight>(right, ignoreCase: true))) != 0)
            && (Get("pledged") is not { } pledged || e.Pledged == bool.Parse(pledged))
            && (Get("from") is not { } from || e.Date >= DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture))
            && (Get("to") is not { } to || e.Date <= DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, int> Counts(IEnumerable<SearchEntry> rows, Func<SearchEntry, string> key) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Facet(JsonElement facets, string name) =>
        facets.GetProperty(name).EnumerateArray().ToDictionary(f => f.Str("value"), f => f.GetProperty("count").GetInt32());

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];
}
