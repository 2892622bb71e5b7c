using DataIp.Web.Features.Rights.Pledges;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// The body of a pledge's release, read through <see cref="RequestBodies"/>: JSON <c>{reason}</c>
/// (or nothing) from the pledgee, a multipart form with the court order from an examiner. A
/// multipart body from anyone but an examiner is refused (415) before it is read, so a pledgee
/// never files a court order. The order's file is stored by <see cref="CourtOrderRelease"/>, as
/// for the registration's page.
/// </summary>
internal sealed class PledgeReleaseBody
{
    private static readonly FormShape CourtOrderShape = new(
        ["courtOrderNumber", "courtName", "courtOrderDate", "reason"],
        new Dictionary<string, int> { [CourtOrderRelease.OrderField] = 1 },
        new Dictionary<string, string> { [CourtOrderRelease.OrderField] = "Attach the court order as multipart field 'courtOrder'." });

    private PledgeReleaseBody(Results<ValidationProblem, ProblemHttpResult>? problem, string? reason = null, IFormFile? order = null, CourtOrderParticulars? particulars = null)
    {
        Problem = problem;
        Reason = reason;
        CourtOrder = order;
        Particulars = particulars ?? new(null, null, null);
    }

    /// <summary>Why the body was refused; null when it was read.</summary>
    public Results<ValidationProblem, ProblemHttpResult>? Problem { get; }

    /// <summary>The reason given, if any.</summary>
    public string? Reason { get; }

    /// <summary>The court order's file (an examiner's release), not yet stored.</summary>
    public IFormFile? CourtOrder { get; }

    /// <summary>The court order's number (案号), court and date, as sent.</summary>
    public CourtOrderParticulars Particulars { get; }

    /// <summary>Reads the body as the caller may send it.</summary>
    public static async Task<PledgeReleaseBody> ReadAsync(HttpRequest request, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(party);
        if (!RequestBodies.IsMultipart(request))
        {
            var json = await RequestBodies.ReadJsonAsync<ReasonRequest>(request, ct).ConfigureAwait(false);
            return new PledgeReleaseBody(json.Problem, json.Value?.Reason);
        }

        if (party.Role != AccountRole.Examiner)
        {
            return new PledgeReleaseBody(Problems.UnsupportedMediaType(
                "A pledgee releases its pledge with JSON {\"reason\": …}; multipart/form-data with a court order is for an examiner of the registration's body."));
        }

        var form = await RequestBodies.ReadFormAsync(request, CourtOrderShape, ct).ConfigureAwait(false);
        if (form.Problem is { } problem)
        {
            return new PledgeReleaseBody(problem);
        }

        return new PledgeReleaseBody(null, form.Value!["reason"].ToString(), form.Value.Files.GetFile(CourtOrderRelease.OrderField)!,
            new CourtOrderParticulars(form.Value["courtOrderNumber"].ToString(), form.Value["courtName"].ToString(), form.Value["courtOrderDate"].ToString()));
    }
}

/// <summary>
/// An examiner's release on a court order as <c>multipart/form-data</c>, for the API description;
/// <see cref="PledgeReleaseBody"/> reads the form, and the use case checks each field.
/// </summary>
public sealed class CourtOrderReleaseRequest
{
    /// <summary>The court order: PDF, PNG or JPEG, at most 20 MiB.</summary>
    public IFormFile? CourtOrder { get; set; }

    /// <summary>The order's case number (案号), one line of at most 100 characters.</summary>
    public string? CourtOrderNumber { get; set; }

    /// <summary>The court that made the order (e.g. 深圳市中级人民法院), one line of at most 100 characters.</summary>
    public string? CourtName { get; set; }

    /// <summary>The day the order was made, <c>yyyy-MM-dd</c>: not after today in China time, not before 1949-10-01.</summary>
    public string? CourtOrderDate { get; set; }

    /// <summary>The reasons of the release (public).</summary>
    public string? Reason { get; set; }

    /// <summary>Describes the multipart body of the release by this class (the JSON body stays <see cref="ReasonRequest"/>).</summary>
    internal static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var multipart) == true)
        {
            multipart.Schema = await context.GetOrCreateSchemaAsync(typeof(CourtOrderReleaseRequest), null, ct).ConfigureAwait(false);
        }
    }
}
