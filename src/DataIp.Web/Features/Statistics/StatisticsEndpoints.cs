namespace DataIp.Web.Features.Statistics;

/// <summary>The register's statistics for anyone: as JSON, and each table as a CSV file.</summary>
internal static class StatisticsEndpoints
{
    public static void AddStatistics(this WebApplicationBuilder builder) => builder.Services.AddScoped<RegisterStatistics>();

    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/statistics", ReadAsync).CacheOutput(Register.PublicReads.Policy).AllowAnonymous().WithTags("Statistics").WithName("GetStatistics")
            .WithSummary("The register's statistics by body, region, industry and month; licences, transfers, pledges and processing times (anyone).")
            .WithDescription("Counted at most a minute before (countedAt). from and to are months (YYYY-MM, inclusive); body is a registration body's code. docs/statistics.md defines each figure.");
        app.MapGet("/statistics/{table}.csv", CsvAsync).AllowAnonymous().WithTags("Statistics").WithName("GetStatisticsCsv")
            .WithSummary("One table of the statistics as CSV (UTF-8 with BOM, RFC 4180), with the same filters (anyone).")
            .WithDescription("table is one of: " + string.Join(", ", StatisticsTables.All.Select(t => t.Name))
                + ". The header row holds the API's JSON member names (stable, in English); each row is an element of the API's array of the same table.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static async Task<Results<Ok<StatisticsView>, ValidationProblem>> ReadAsync(
        RegisterStatistics statistics, string? from, string? to, string? body, CancellationToken ct)
    {
        var outcome = await statistics.ReadAsync(new StatisticsQuery(from, to, body), ct).ConfigureAwait(false);
        return outcome.View is { } view ? TypedResults.Ok(view) : Problem(outcome.Problems);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CsvAsync(
        string table, RegisterStatistics statistics, string? from, string? to, string? body, CancellationToken ct)
    {
        if (StatisticsTables.Find(table) is not { } found)
        {
            return Problems.NotFound($"Statistics table {table}");
        }

        var outcome = await statistics.ReadAsync(new StatisticsQuery(from, to, body), ct).ConfigureAwait(false);
        return outcome.View is { } view
            ? TypedResults.File(StatisticsTables.Csv(found, view), "text/csv; charset=utf-8", $"statistics-{found.Name}.csv")
            : Problem(outcome.Problems);
    }

    private static ValidationProblem Problem(IReadOnlyList<StatisticsProblem> problems) =>
        Problems.Validation(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.English).ToArray()));
}
