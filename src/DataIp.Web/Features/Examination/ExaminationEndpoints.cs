using DataIp.Web.Features.Objections;

namespace DataIp.Web.Features.Examination;

/// <summary>An examiner's acts on the applications of their body.</summary>
internal static class ExaminationEndpoints
{
    public static void MapExaminationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications/{id:guid}").WithTags("Examination").RequireAuthorization(Policies.Examiner);

        group.MapPost("/examination/start", (Guid id, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new StartExamination(), null, ct))
            .WithName("StartExamination").WithSummary("Take up a submitted application for formal examination (examiner of its body).");
        group.MapPost("/examination/request-correction", (Guid id, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new RequestCorrection(), body.Reason, ct))
            .WithName("RequestCorrection").WithSummary("Ask the applicant to correct the application; the deadline follows the body's policy (examiner of its body).");
        group.MapPost("/examination/pass", (Guid id, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new PassExamination(), body?.Reason, ct))
            .WithName("PassExamination")
            .WithSummary("Pass the current (formal or substantive) examination; the public notice starts when no further examination is due (examiner of its body).");
        group.MapPost("/examination/reject", (Guid id, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new Reject(), body.Reason, ct))
            .WithName("Reject").WithSummary("Refuse registration with reasons, which are public (examiner of its body).");
        group.MapPost("/register", (Guid id, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new Register(), null, ct))
            .WithName("Register")
            .WithSummary("Register once the notice period has ended with no open objection; issues the registration and certificate numbers (examiner of its body).");
        group.MapPost("/revoke", (Guid id, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new Revoke(), body.Reason, ct))
            .WithName("Revoke")
            .WithSummary("Revoke a registration with reasons, which are public; its certificates read 'revoked' from then on (examiner of its body).");
        group.MapPost("/certificates/reissue", (Guid id, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                Act(acts, id, user, new ReissueCertificate(), body.Reason, ct))
            .WithName("ReissueCertificate")
            .WithSummary("Re-issue a registration's certificate under a new certificate number, with reasons; the earlier certificate reads 'superseded' (examiner of its body).");
        group.MapGet("/objections", ObjectionsAsync)
            .WithName("ListObjections").WithSummary("Objections to the application, with objectors' contact details (examiner of its body).");

        var objections = app.MapGroup("/api/v1/objections/{objectionId:guid}").WithTags("Examination").RequireAuthorization(Policies.Examiner);
        objections.MapPost("/uphold", (Guid objectionId, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, RegistryDbContext db, CancellationToken ct) =>
                RuleAsync(objectionId, upheld: true, body, user, acts, db, ct))
            .WithName("UpholdObjection").WithSummary("Uphold an objection: the application is rejected (examiner of its body).");
        objections.MapPost("/dismiss", (Guid objectionId, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, RegistryDbContext db, CancellationToken ct) =>
                RuleAsync(objectionId, upheld: false, body, user, acts, db, ct))
            .WithName("DismissObjection").WithSummary("Dismiss an objection: the notice period continues (examiner of its body).");
    }

    private static Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> Act(
        ActPipeline acts, Guid id, ClaimsPrincipal user, IActUseCase useCase, string? reason, CancellationToken ct) =>
        ApplicationEndpoints.RespondAsync(acts.RunAsync(id, ActingParty.From(user), useCase, reason, ct));

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> RuleAsync(
        Guid objectionId, bool upheld, ReasonRequest body, ClaimsPrincipal user, ActPipeline acts, RegistryDbContext db, CancellationToken ct)
    {
        var applicationId = await db.Objections.Where(o => o.Id == objectionId).Select(o => (Guid?)o.ApplicationId).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return applicationId is null
            ? Refusal.NotFound(RefusalKey.WhatObjection).AsProblem()
            : await Act(acts, applicationId.Value, user, new RuleObjection(objectionId, upheld), body.Reason, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<List<ObjectionView>>, ProblemHttpResult>> ObjectionsAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (app is null || ApplicationAccess.ReaderOf(ActingParty.From(user), app) != Disclosure.BodyStaff)
        {
            return Refusal.NotFound(RefusalKey.WhatApplication).AsProblem();
        }

        var rows = await db.Objections.AsNoTracking().Where(o => o.ApplicationId == id).OrderBy(o => o.FiledAt).ToListAsync(ct).ConfigureAwait(false);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ObjectionId != null && rows.Select(o => o.Id).Contains(a.ObjectionId.Value))
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(o => new ObjectionView(o.Id, o.ObjectorName, o.ObjectorContact, o.Grounds, o.Status, o.FiledAt, o.RuledAt, o.RulingReasons,
            [.. attachments.Where(a => a.ObjectionId == o.Id).Select(a => new AttachmentView(a.Id, a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256))])).ToList());
    }
}

/// <summary>An objection as examiners see it.</summary>
public sealed record ObjectionView(Guid Id, string ObjectorName, string ObjectorContact, string Grounds, ObjectionStatus Status,
    DateTimeOffset FiledAt, DateTimeOffset? RuledAt, string? RulingReasons, IReadOnlyList<AttachmentView> Attachments);

/// <summary>Metadata of an attachment.</summary>
public sealed record AttachmentView(Guid Id, DataIp.Domain.Registration.AttachmentKind Kind, string FileName, string ContentType, long Length, string Sha256);
