namespace DataIp.Web.Features.Search;

/// <summary>The public register's search: <c>GET /api/v1/search</c> (anyone), and the services the search page shares with it.</summary>
internal static class SearchEndpoints
{
    /// <summary>The search, for the database the platform runs on.</summary>
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IRegisterSearch>(sp =>
        {
            var db = sp.GetRequiredService<RegistryDbContext>();
            return db.Provider == DatabaseProvider.Postgres ? new PostgresRegisterSearch(db) : new SqliteRegisterSearch(db);
        });
    }

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync).CacheOutput(Register.PublicReads.Policy).AllowAnonymous().WithTags("Register").WithName("SearchRegister")
            .WithSummary("Search the public register: words, filters, facets, keyset pages (anyone).")
            .WithDescription("""
                Finds public records (applications under notice once, and registrations) by their data name, holders, application scenarios,
                product summary and identifiers. Words are ANDed; Chinese is matched by character pairs (two characters match inside longer
                text), a single character or other word by prefix, case- and accent-insensitively. Facet counts are over the whole filtered
                result. Page with `cursor` (the previous page's `next`, with the same `sort`); see docs/search.md.
                """);
    }

    /// <param name="q">Words, at most 200 characters and 16 terms.</param>
    /// <param name="body">A registration body's code (four digits).</param>
    /// <param name="region">A body's region code (GB/T 2260, six digits).</param>
    /// <param name="industry">A GB/T 4754 section (A–T) or division (I65).</param>
    /// <param name="state">publicNotice, objectionReview, registered, rejected, revoked, expired or cancelled.</param>
    /// <param name="right">holding, processingAndUse or productOperation.</param>
    /// <param name="pledged">true or false.</param>
    /// <param name="from">Record dates (registration date, or first day of notice) from this day (yyyy-MM-dd).</param>
    /// <param name="to">Record dates to this day (yyyy-MM-dd).</param>
    /// <param name="sort">newest (default), oldest, number or name.</param>
    /// <param name="cursor">The previous page's next.</param>
    /// <param name="limit">Results a page, 1–100 (default 20).</param>
    /// <param name="http">The request (its query string as sent).</param>
    /// <param name="search">The search.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        string? q, string? body, string? region, string? industry, string? state, string? right, string? pledged, string? from, string? to,
        string? sort, string? cursor, string? limit, HttpRequest http, IRegisterSearch search, CancellationToken ct)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = q,
            ["body"] = body,
            ["region"] = region,
            ["industry"] = industry,
            ["state"] = state,
            ["right"] = right,
            ["pledged"] = pledged,
            ["from"] = from,
            ["to"] = to,
            ["sort"] = sort,
            ["cursor"] = cursor,
            ["limit"] = limit,
        };
        var (request, errors) = SearchQueryReader.Read(f => values[f], http.QueryString.Value);
        if (request is null)
        {
            return Problems.Validation(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Message(e.Field, e.Error)).ToArray()));
        }

        return TypedResults.Ok(await search.SearchAsync(request, ct).ConfigureAwait(false));
    }

    private static string Message(string field, SearchQueryError error) => error switch
    {
        SearchQueryError.TooLong => $"{field} is at most {SearchRequest.MaxQueryLength} characters.",
        SearchQueryError.NotText => $"{field} must be well-formed text, without lone surrogates or control characters.",
        SearchQueryError.TooManyTerms => $"{field} has more than {Domain.Search.SearchTerms.MaxQueryTerms} words or character pairs; search for fewer.",
        SearchQueryError.NotOneOf => SearchQueryReader.Choices(field) is { } choices
            ? $"{field} is one of: {string.Join(", ", choices)}."
            : field switch
            {
                "body" => "body is a registration body's code of four digits, such as 4403.",
                "region" => "region is a GB/T 2260 region code of six digits, such as 440000.",
                _ => "industry is a GB/T 4754 section letter (A to T) or a division (a letter and two digits, such as I65).",
            },
        SearchQueryError.NotADate => $"{field} is a day written yyyy-MM-dd, from 1900-01-01.",
        SearchQueryError.FromAfterTo => "from is after to.",
        SearchQueryError.BadCursor => "cursor is the next value of a previous page of the same sort, unchanged.",
        _ => $"limit is a whole number from 1 to {SearchRequest.MaxLimit}.",
    };
}
