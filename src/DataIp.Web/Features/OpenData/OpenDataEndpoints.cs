using System.Text.Json.Nodes;
using DataIp.Web.Features.Ledger;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.OpenData;

/// <summary>
/// The register as open data (docs/open-data.md): the public register streamed as CSV and JSON
/// Lines, each stating the log checkpoint it corresponds to, and the DCAT-AP catalogue. Anyone;
/// no parameters.
/// </summary>
internal static class OpenDataEndpoints
{
    /// <summary>The JSON Lines media type.</summary>
    public const string JsonLines = "application/jsonl";

    /// <summary>The catalogue's media type.</summary>
    public const string LinkedData = "application/ld+json";

    public static void MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/open-data").WithTags("Open data").AllowAnonymous();
        group.MapGet("/registrations.csv", CsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithName("ExportRegistrationsCsv")
            .WithSummary("The public register as CSV (RFC 4180, UTF-8, header row; anyone). Headers DataIp-Checkpoint (tree size and root hash) and DataIp-Log-Size state the log checkpoint it corresponds to.");
        group.MapGet("/registrations.jsonl", JsonLinesAsync).Produces<string>(StatusCodes.Status200OK, JsonLines)
            .WithName("ExportRegistrationsJsonLines")
            .WithSummary("The public register as JSON Lines (anyone): a first line of metadata with the log checkpoint, then one registration per line.");
        group.MapGet("/catalog", CatalogAsync).Produces<JsonObject>(StatusCodes.Status200OK, LinkedData)
            .WithName("GetOpenDataCatalog").WithSummary("The DCAT-AP catalogue of the register's datasets and distributions, as JSON-LD (anyone).");
    }

    private static Task CsvAsync(HttpContext http, RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(http, db, sequencer, keys, options, "text/csv; charset=utf-8; header=present", "registrations.csv",
            (rows, _, _) => RegisterExport.WriteCsvAsync(http.Response.BodyWriter, rows, ct), clock, ct);

    private static Task JsonLinesAsync(HttpContext http, RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(http, db, sequencer, keys, options, JsonLines + "; charset=utf-8", "registrations.jsonl",
            (rows, checkpoint, now) => RegisterExport.WriteJsonLinesAsync(http.Response.BodyWriter, rows, checkpoint, options.Value.OpenData.Licence, now, ct), clock, ct);

    // The snapshot first, then the headers that state its checkpoint, then the rows as they are read.
    private static async Task ExportAsync(
        HttpContext http, RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options, string contentType, string fileName,
        Func<IAsyncEnumerable<RegisterRow>, ExportCheckpoint, DateTimeOffset, Task> write, TimeProvider clock, CancellationToken ct)
    {
        var (snapshot, checkpoint) = await ExportCheckpoint.OpenAsync(db, sequencer, keys, options, ct).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            var now = clock.GetUtcNow();
            var response = http.Response;
            response.ContentType = contentType;
            response.Headers.ContentDisposition = $"attachment; filename={fileName}";
            response.Headers.CacheControl = "no-cache";
            response.Headers[ExportCheckpoint.Header] = checkpoint.HeaderValue;
            response.Headers[ExportCheckpoint.LogSizeHeader] = checkpoint.LogSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers.Link = $"<{options.Value.OpenData.Licence}>; rel=\"license\"";
            await write(RegisterRows.ReadAsync(db, RegisterRows.Today(now), ct), checkpoint, now).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> CatalogAsync(
        RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options, PublicAddress address, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var (snapshot, checkpoint) = await ExportCheckpoint.OpenAsync(db, sequencer, keys, options, ct).ConfigureAwait(false);
        OpenDataCatalog.Facts facts;
        await using (snapshot.ConfigureAwait(false))
        {
            facts = new OpenDataCatalog.Facts(
                await RegisterRows.CountAsync(db, ct).ConfigureAwait(false),
                await db.Applications.Where(a => a.RegistrationNumber != null).MinAsync(a => a.RegistrationDate, ct).ConfigureAwait(false),
                checkpoint);
        }

        http.Response.Headers.CacheControl = "no-cache";
        var catalog = OpenDataCatalog.Build(address.Current, options.Value.OpenData, facts, clock.GetUtcNow());
        return TypedResults.Text(catalog.ToJsonString(), LinkedData + "; charset=utf-8");
    }
}
