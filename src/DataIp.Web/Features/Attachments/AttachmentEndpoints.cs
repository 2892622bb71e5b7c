using DataIp.Web.Features.Examination;

namespace DataIp.Web.Features.Attachments;

/// <summary>Files attached to an application: proofs of source, samples, powers of attorney.</summary>
internal static class AttachmentEndpoints
{
    public static void MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications/{id:guid}/attachments").WithTags("Attachments");
        group.MapPost("/", UploadAsync).RequireAuthorization(Policies.Applicant).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadAttachment").WithSummary("Attach a file to a draft or a correction; kind = proofOfSource | sampleData | powerOfAttorney (its applicant).");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithName("ListAttachments").WithSummary("The application's attachments (whoever may read the application).");
        group.MapGet("/{attachmentId:guid}", DownloadAsync).RequireAuthorization(Policies.SignedIn)
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentContentTypes.Pdf, AttachmentContentTypes.Png, AttachmentContentTypes.Jpeg,
                AttachmentContentTypes.Zip, AttachmentContentTypes.Xlsx, AttachmentContentTypes.Csv, AttachmentContentTypes.Json,
                AttachmentContentTypes.JsonLines, AttachmentContentTypes.PlainText)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithName("DownloadAttachment").WithSummary("Download an attachment (whoever may read the application).");
    }

    /// <summary>An upload's form: one file in the field <c>file</c> (the kind is in the query).</summary>
    private static readonly FormShape UploadShape = new(
        [], new Dictionary<string, int> { ["file"] = 1 }, new Dictionary<string, string> { ["file"] = "Send the file as multipart/form-data in a field named 'file'." });

    private static async Task<Results<Created<AttachmentView>, ValidationProblem, ProblemHttpResult>> UploadAsync(Guid id, string? kind, HttpRequest request, ClaimsPrincipal user, DraftService drafts, CancellationToken ct)
    {
        // The body first, as for a bound JSON body: a broken one is a 400 whatever the query.
        var read = await RequestBodies.ReadFormAsync(request, UploadShape, ct).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            return problem.AnswerFor<Created<AttachmentView>>();
        }

        // The kind is named as in JSON (camelCase); numbers are not names.
        if (!Enum.TryParse<AttachmentKind>(kind, ignoreCase: true, out var attachmentKind) || kind.All(char.IsAsciiDigit)
            || attachmentKind is not (AttachmentKind.ProofOfSource or AttachmentKind.SampleData or AttachmentKind.PowerOfAttorney))
        {
            return Problems.Field("kind", "An applicant attaches proofOfSource, sampleData or powerOfAttorney.");
        }

        var file = read.Value!.Files.GetFile("file")!;
        await using var stream = file.OpenReadStream();
        var (outcome, record) = await drafts.AttachAsync(id, ActingParty.From(user), attachmentKind, file.FileName, stream, ct).ConfigureAwait(false);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/applications/{id}/attachments/{record!.Id}",
                new AttachmentView(record.Id, record.Kind, record.FileName, record.ContentType, record.Length, record.Sha256))
            : outcome.Refusal!.ToProblem().AnswerFor<Created<AttachmentView>>();
    }

    private static async Task<Results<Ok<List<AttachmentView>>, ProblemHttpResult>> ListAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (app is null || !ApplicationAccess.CanSee(ActingParty.From(user), app))
        {
            return Problems.NotFound("The application");
        }

        var rows = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(a => new AttachmentView(a.Id, a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256)).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid attachmentId, ClaimsPrincipal user, RegistryDbContext db, IAttachmentStore store, CancellationToken ct)
    {
        var (record, stream, missing) = await OpenAsync(db, store, ActingParty.From(user), id, attachmentId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.NotFound("The attachment");
        }

        return missing
            ? Problems.Status(StatusCodes.Status410Gone, "Attachment missing", "The attachment's metadata exists but its file is missing from storage; tell the operator.")
            : TypedResults.File(stream!, record.ContentType, record.FileName);
    }

    /// <summary>
    /// An application's attachment for a party that may read the application (the API's download
    /// and the pages' link share this rule): null when there is none for this party; with
    /// <c>Missing</c> when its bytes are gone from storage.
    /// </summary>
    public static async Task<(AttachmentRecord? Record, Stream? Content, bool Missing)> OpenAsync(
        RegistryDbContext db, IAttachmentStore store, ActingParty party, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        var record = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == id, ct).ConfigureAwait(false);
        if (app is null || record is null || !ApplicationAccess.CanSee(party, app))
        {
            return (null, null, false);
        }

        var stream = await store.OpenReadAsync(attachmentId, ct).ConfigureAwait(false);
        return (record, stream, stream is null);
    }
}
