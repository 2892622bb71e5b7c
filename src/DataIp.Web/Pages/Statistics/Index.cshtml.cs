using DataIp.Web.Features.Statistics;

namespace DataIp.Web.Pages.Statistics;

/// <summary>
/// The register's statistics (anyone): each table of <c>GET /api/v1/statistics</c> with a chart
/// and its CSV file, filtered by months and body through a GET form.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RegisterStatistics statistics) : PageModel
{
    /// <summary>The first month, as typed.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>The last month, as typed.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The body's code, as chosen.</summary>
    [FromQuery(Name = "body")]
    public string? Body { get; set; }

    /// <summary>The figures; null when the filter was refused.</summary>
    public StatisticsView? View { get; private set; }

    /// <summary>The bodies to choose from.</summary>
    public IReadOnlyList<StatisticsBody> Bodies { get; private set; } = [];

    /// <summary>The filter's errors, for the summary and beside each field.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The query string of the filter, to repeat on the CSV links (empty without a filter).</summary>
    public string FilterQuery => QueryString.Create(
        new[] { ("from", From), ("to", To), ("body", Body) }.Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).ToUriComponent();

    /// <summary>The address of a table's CSV file, with the filter.</summary>
    public string CsvHref(string table) => $"/statistics/{table}.csv{FilterQuery}";

    /// <summary>The three counts' series names of a chart.</summary>
    public static IReadOnlyList<string> CountSeries => [Text.Get("Stats.Applications"), Text.Get("Stats.Registrations"), Text.Get("Stats.ValidCertificates")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await statistics.ReadAsync(new StatisticsQuery(From, To, Body), ct).ConfigureAwait(false);
        (View, Bodies) = (outcome.View, outcome.Bodies);
        Errors = [.. outcome.Problems.Select(p => new FieldError("stats-" + p.Field, Text.Get($"Stats.Error.{p.Code}")))];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>A body's name in the page's language.</summary>
    public static string Name(string name, string nameEn) => Text.InEnglish ? nameEn : name;

    /// <summary>A count with the page's thousands separator.</summary>
    public static string N(int value) => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);
}
