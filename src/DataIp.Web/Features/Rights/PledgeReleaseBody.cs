using DataIp.Web.Features.Rights.Pledges;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// The body of a pledge's release, read through <see cref="RequestBodies"/>: JSON <c>{reason}</c>
/// (or nothing) from the pledgee, a multipart form with the court order from an examiner. A
/// multipart body from anyone but an examiner is refused (415) before it is read, so a pledgee
/// never files a court order. The order's file is stored when read and removed when this is
/// disposed, unless <see cref="Keep"/> was called after the release took effect.
/// </summary>
internal sealed class PledgeReleaseBody : IAsyncDisposable
{
    private static readonly FormShape CourtOrderShape = new(
        ["courtOrderNumber", "reason"],
        new Dictionary<string, int> { ["courtOrder"] = 1 },
        new Dictionary<string, string> { ["courtOrder"] = "Attach the court order as multipart field 'courtOrder'." });

    private readonly IAttachmentStore? _store;
    private StoredAttachment? _unkept;

    private PledgeReleaseBody(Results<ValidationProblem, ProblemHttpResult>? problem, string? reason = null, CourtOrder? order = null, IAttachmentStore? store = null)
    {
        Problem = problem;
        Reason = reason;
        CourtOrder = order;
        _store = store;
        _unkept = order?.File;
    }

    /// <summary>Why the body was refused; null when it was read.</summary>
    public Results<ValidationProblem, ProblemHttpResult>? Problem { get; }

    /// <summary>The reason given, if any.</summary>
    public string? Reason { get; }

    /// <summary>The court order (an examiner's release), stored.</summary>
    public CourtOrder? CourtOrder { get; }

    /// <summary>Reads the body as the caller may send it; an examiner's court order is stored.</summary>
    public static async Task<PledgeReleaseBody> ReadAsync(HttpRequest request, ActingParty party, IAttachmentStore store, CancellationToken ct)
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

        var file = form.Value!.Files.GetFile("courtOrder")!;
        await using var stream = file.OpenReadStream();
        var saved = await store.SaveAsync(AttachmentKind.CourtOrder, file.FileName, stream, ct).ConfigureAwait(false);
        if (saved.Refusal is { } refusal)
        {
            return new PledgeReleaseBody(Problems.Field("courtOrder", $"{file.FileName}: {refusal.Message}"));
        }

        var order = new CourtOrder(form.Value["courtOrderNumber"].ToString().Trim(), saved.Attachment!);
        return new PledgeReleaseBody(null, form.Value["reason"].ToString(), order, store);
    }

    /// <summary>The release took effect: the court order's file stays.</summary>
    public void Keep() => _unkept = null;

    /// <summary>Removes the court order's file unless it was kept: nothing half-recorded remains.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_unkept is { } orphan && _store is not null)
        {
            _unkept = null;
            await _store.DeleteAsync(orphan.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
