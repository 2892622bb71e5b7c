using DataIp.Web.Features.Rights.Pledges;

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
        ["courtOrderNumber", "reason"],
        new Dictionary<string, int> { [CourtOrderRelease.OrderField] = 1 },
        new Dictionary<string, string> { [CourtOrderRelease.OrderField] = "Attach the court order as multipart field 'courtOrder'." });

    private PledgeReleaseBody(Results<ValidationProblem, ProblemHttpResult>? problem, string? reason = null, IFormFile? order = null, string? orderNumber = null)
    {
        Problem = problem;
        Reason = reason;
        CourtOrder = order;
        CourtOrderNumber = orderNumber;
    }

    /// <summary>Why the body was refused; null when it was read.</summary>
    public Results<ValidationProblem, ProblemHttpResult>? Problem { get; }

    /// <summary>The reason given, if any.</summary>
    public string? Reason { get; }

    /// <summary>The court order's file (an examiner's release), not yet stored.</summary>
    public IFormFile? CourtOrder { get; }

    /// <summary>The court order's number (案号), as sent.</summary>
    public string? CourtOrderNumber { get; }

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

        return new PledgeReleaseBody(null, form.Value!["reason"].ToString(), form.Value.Files.GetFile(CourtOrderRelease.OrderField)!, form.Value["courtOrderNumber"].ToString());
    }
}
