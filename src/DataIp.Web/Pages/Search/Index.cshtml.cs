using System.Text.Encodings.Web;
using DataIp.Data.Bodies;
using DataIp.Web.Features.Search;

namespace DataIp.Web.Pages.Search;

/// <summary>
/// The public register's search (anyone): a GET form read by the same <see cref="SearchQueryReader"/>
/// and answered by the same <see cref="IRegisterSearch"/> as <c>GET /api/v1/search</c>. Facet counts
/// stand beside the filters' options; a value that cannot be read is a form error (status 400)
/// with what was typed kept; the next page follows the cursor. Works without script.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IRegisterSearch search, RegistryDbContext db) : PageModel
{
    // The form field a refused query value links to (the cursor and the page size are not on the form).
    private static readonly Dictionary<string, string> FieldIds = new() { ["cursor"] = "q", ["limit"] = "q" };

    /// <summary>The results, when the search could be read.</summary>
    public SearchResults? Results { get; private set; }

    /// <summary>The form's errors, each linking to its field.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The registration bodies, for the body and region filters.</summary>
    public IReadOnlyList<RegistrationBody> Bodies { get; private set; } = [];

    /// <summary>Whether anything was asked (else the page shows the newest records).</summary>
    public bool Asked => SearchQueryReader.Fields.Any(f => !string.IsNullOrEmpty(Value(f)));

    /// <summary>What was sent for a field, to keep it in the form.</summary>
    public string? Value(string field) => Request.Query.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>The facet count of a value, or 0.</summary>
    public static int Count(IReadOnlyList<FacetCount>? facet, string value) =>
        facet?.FirstOrDefault(f => string.Equals(f.Value, value, StringComparison.OrdinalIgnoreCase))?.Count ?? 0;

    /// <summary>The link to the next page: the same search, after the cursor.</summary>
    public string NextLink(string cursor) =>
        "/search?" + string.Join("&", SearchQueryReader.Fields.Where(f => f != "cursor" && !string.IsNullOrEmpty(Value(f)))
            .Select(f => f + "=" + UrlEncoder.Default.Encode(Value(f)!)).Append("cursor=" + UrlEncoder.Default.Encode(cursor)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        var (request, errors) = SearchQueryReader.Read(Value, Request.QueryString.Value);
        if (request is null)
        {
            Errors = [.. errors.Select(e => new FieldError(FieldIds.GetValueOrDefault(e.Field, e.Field),
                Text.Format("Search.Error." + e.Error, Text.Get("Search.Field." + e.Field))))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await search.SearchAsync(request, ct).ConfigureAwait(false);
    }
}
