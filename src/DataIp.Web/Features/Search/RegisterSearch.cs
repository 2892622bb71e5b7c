using DataIp.Data.Search;
using DataIp.Domain.Search;

namespace DataIp.Web.Features.Search;

/// <summary>One public record found.</summary>
/// <param name="ApplicationNumber">The application number.</param>
/// <param name="RegistrationNumber">The registration number, once registered.</param>
/// <param name="DataName">The data name.</param>
/// <param name="Holders">The holders' names in order (the applicants' before registration).</param>
/// <param name="BodyCode">The registration body's code.</param>
/// <param name="BodyName">The body's name.</param>
/// <param name="BodyNameEn">The body's English name.</param>
/// <param name="RegionCode">The body's region.</param>
/// <param name="IndustryCode">The data's industry (GB/T 4754), if stated.</param>
/// <param name="State">Where the application stands.</param>
/// <param name="Pledged">Whether a registered pledge is not yet released.</param>
/// <param name="NoticeStartedOn">The first day of the public notice.</param>
/// <param name="RegistrationDate">The registration date.</param>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="CertificateNumber">The current certificate's number.</param>
/// <param name="Link">The record's public page: <c>/registrations/{n}</c>, or <c>/notices/{applicationNumber}</c> before registration.</param>
public sealed record SearchHit(
    string ApplicationNumber, string? RegistrationNumber, string DataName, IReadOnlyList<string> Holders, string BodyCode, string BodyName, string BodyNameEn,
    string RegionCode, string? IndustryCode, ApplicationState State, bool Pledged, DateOnly? NoticeStartedOn, DateOnly? RegistrationDate,
    DateOnly? ValidUntil, string? CertificateNumber, string Link);

/// <summary>How many of the whole filtered result have one value of a facet.</summary>
/// <param name="Value">The value (a body code, region code, industry section, state or pledged flag as the query names them).</param>
/// <param name="Count">How many results have it.</param>
public sealed record FacetCount(string Value, int Count);

/// <summary>The whole filtered result's counts by body, region, industry section, state and pledged.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Body, IReadOnlyList<FacetCount> Region, IReadOnlyList<FacetCount> Industry, IReadOnlyList<FacetCount> State,
    IReadOnlyList<FacetCount> Pledged);

/// <summary>A page of results, the total and facets of the whole result, and the cursor of the next page.</summary>
/// <param name="Total">How many records match.</param>
/// <param name="Items">This page.</param>
/// <param name="Next">The cursor of the next page; null on the last.</param>
/// <param name="Facets">Counts over the whole result.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Items, string? Next, SearchFacets Facets);

/// <summary>
/// The register's search: the same results on every database. The filters, orders, pages and
/// facets are one LINQ query here; only the match of the words is the provider's
/// (<c>Matching</c>): FTS5 on SQLite, a GIN-indexed array on PostgreSQL.
/// </summary>
public interface IRegisterSearch
{
    /// <summary>A page of the public records the request matches.</summary>
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

/// <summary>What both providers share: filters, keyset order, facets, the results' shape.</summary>
internal abstract class RegisterSearch(RegistryDbContext db) : IRegisterSearch
{
    protected RegistryDbContext Db => db;

    /// <summary>The rows whose terms match every query term (at least one term).</summary>
    protected abstract IQueryable<SearchEntry> Matching(IReadOnlyList<QueryTerm> terms);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filtered = Filtered(request.Terms.Count > 0 ? Matching(request.Terms) : db.SearchEntries.AsNoTracking(), request);
        var page = await Ordered(After(filtered, request.Sort, request.After), request.Sort).Take(request.Limit + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var facets = await FacetsAsync(filtered, cancellationToken).ConfigureAwait(false);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, cancellationToken).ConfigureAwait(false);
        var items = page.Take(request.Limit).Select(e => Hit(e, bodies.GetValueOrDefault(e.BodyCode))).ToList();
        var next = page.Count > request.Limit ? CursorAfter(page[request.Limit - 1], request.Sort).Encode() : null;
        return new SearchResults(facets.Body.Sum(f => f.Count), items, next, facets);
    }

    private static IQueryable<SearchEntry> Filtered(IQueryable<SearchEntry> rows, SearchRequest request)
    {
        if (request.Body is { } body)
        {
            rows = rows.Where(e => e.BodyCode == body);
        }

        if (request.Region is { } region)
        {
            rows = rows.Where(e => e.RegionCode == region);
        }

        if (request.Industry is { Length: 1 } section)
        {
            rows = rows.Where(e => e.IndustrySection == section);
        }
        else if (request.Industry is { } division)
        {
            rows = rows.Where(e => e.IndustryCode == division);
        }

        if (request.State is { } state)
        {
            rows = rows.Where(e => e.State == state);
        }

        if (request.Right is { } right)
        {
            var bit = SearchDocument.Bit(right);
            rows = rows.Where(e => (e.Rights & bit) != 0);
        }

        if (request.Pledged is { } pledged)
        {
            rows = rows.Where(e => e.Pledged == pledged);
        }

        if (request.From is { } from)
        {
            rows = rows.Where(e => e.Date >= from);
        }

        return request.To is { } to ? rows.Where(e => e.Date <= to) : rows;
    }

    // Keyset: strictly after the cursor's row in the order, so that rows added meanwhile never repeat one.
    private static IQueryable<SearchEntry> After(IQueryable<SearchEntry> rows, SearchSort sort, SearchCursor? cursor)
    {
        if (cursor is null)
        {
            return rows;
        }

        var (value, id) = (cursor.Value, cursor.Id);
        return sort switch
        {
            SearchSort.Newest => rows.Where(e => e.Date < cursor.Date || (e.Date == cursor.Date && e.Id < id)),
            SearchSort.Oldest => rows.Where(e => e.Date > cursor.Date || (e.Date == cursor.Date && e.Id > id)),
            SearchSort.Number => rows.Where(e => e.Number.CompareTo(value) > 0 || (e.Number == value && e.Id > id)),
            _ => rows.Where(e => e.DataName.CompareTo(value) > 0 || (e.DataName == value && e.Id > id)),
        };
    }

    private static IQueryable<SearchEntry> Ordered(IQueryable<SearchEntry> rows, SearchSort sort) => sort switch
    {
        SearchSort.Newest => rows.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id),
        SearchSort.Oldest => rows.OrderBy(e => e.Date).ThenBy(e => e.Id),
        SearchSort.Number => rows.OrderBy(e => e.Number).ThenBy(e => e.Id),
        _ => rows.OrderBy(e => e.DataName).ThenBy(e => e.Id),
    };

    private static SearchCursor CursorAfter(SearchEntry last, SearchSort sort) => new(sort, sort switch
    {
        SearchSort.Newest or SearchSort.Oldest => last.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        SearchSort.Number => last.Number,
        _ => last.DataName,
    }, last.Id);

    private static async Task<SearchFacets> FacetsAsync(IQueryable<SearchEntry> rows, CancellationToken cancellationToken)
    {
        var body = await rows.GroupBy(e => e.BodyCode).Select(g => new FacetCount(g.Key, g.Count())).ToListAsync(cancellationToken).ConfigureAwait(false);
        var region = await rows.GroupBy(e => e.RegionCode).Select(g => new FacetCount(g.Key, g.Count())).ToListAsync(cancellationToken).ConfigureAwait(false);
        var industry = await rows.Where(e => e.IndustrySection != null).GroupBy(e => e.IndustrySection!).Select(g => new FacetCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var state = (await rows.GroupBy(e => e.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(g => new FacetCount(SearchQueryReader.Name(g.Key), g.Count)).ToList();
        var pledged = (await rows.GroupBy(e => e.Pledged).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(g => new FacetCount(g.Key ? "true" : "false", g.Count)).ToList();
        return new SearchFacets(Sorted(body), Sorted(region), Sorted(industry), Sorted(state), Sorted(pledged));

        static List<FacetCount> Sorted(List<FacetCount> counts) => [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];
    }

    private static SearchHit Hit(SearchEntry e, Data.Bodies.RegistrationBody? body) => new(
        e.ApplicationNumber, e.RegistrationNumber, e.DataName, e.Holders, e.BodyCode, body?.Name ?? e.BodyCode, body?.NameEn ?? e.BodyCode, e.RegionCode,
        e.IndustryCode, e.State, e.Pledged, e.NoticeStartedOn, e.RegistrationDate, e.ValidUntil, e.CertificateNumber,
        e.RegistrationNumber is { } n ? $"/registrations/{Uri.EscapeDataString(n)}" : $"/notices/{Uri.EscapeDataString(e.ApplicationNumber)}");
}

/// <summary>SQLite: the words through the FTS5 table <c>SearchText</c> (<see cref="SqliteSearchText"/>).</summary>
internal sealed class SqliteRegisterSearch(RegistryDbContext db) : RegisterSearch(db)
{
    protected override IQueryable<SearchEntry> Matching(IReadOnlyList<QueryTerm> terms)
    {
        // Each term a quoted string (terms hold no quote), a prefix with *; all of them must match.
        var match = string.Join(" AND ", terms.Select(t => $"\"{t.Text}\"" + (t.Prefix ? "*" : "")));
        return Db.SearchEntries.FromSql(
            $"""SELECT * FROM "SearchEntries" WHERE "Id" IN (SELECT rowid FROM "SearchText" WHERE "SearchText" MATCH {match})""").AsNoTracking();
    }
}

/// <summary>
/// PostgreSQL: exact terms by containment in the GIN-indexed array; each prefix term expanded
/// through the lexicon (a B-tree range in the "C" collation) to the terms it stands for, then by overlap.
/// </summary>
internal sealed class PostgresRegisterSearch(RegistryDbContext db) : RegisterSearch(db)
{
    protected override IQueryable<SearchEntry> Matching(IReadOnlyList<QueryTerm> terms)
    {
        var sql = new System.Text.StringBuilder("""SELECT * FROM "SearchEntries" WHERE TRUE""");
        var parameters = new List<object>();
        string[] exact = [.. terms.Where(t => !t.Prefix).Select(t => t.Text)];
        if (exact.Length > 0)
        {
            parameters.Add(exact);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $$""" AND "Terms" @> {{{parameters.Count - 1}}}""");
        }

        foreach (var prefix in terms.Where(t => t.Prefix))
        {
            parameters.Add(Like(prefix.Text) + "%");
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $$""" AND "Terms" && ARRAY(SELECT "Term" FROM "SearchLexicon" WHERE "Term" LIKE {{{parameters.Count - 1}}})""");
        }

        return Db.SearchEntries.FromSqlRaw(sql.ToString(), [.. parameters]).AsNoTracking();
    }

    private static string Like(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
