using DataIp.Domain.Registration;
using System.Security.Claims;
using DataIp.Data;
using DataIp.Web.Features.Applications;
using DataIp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Examination;

/// <summary>An examiner's acts on the applications of their body.</summary>
internal static class ExaminationEndpoints
{
    public static void MapExaminationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications/{id:guid}").WithTags("Examination").RequireAuthorization(Policies.Examiner);

        group.MapPost("/examination/start", (Guid id, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.StartExaminationAsync(id, ActingParty.From(user), ct)))
            .WithSummary("Take up a submitted application for formal examination (examiner of its body).");
        group.MapPost("/examination/request-correction", (Guid id, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RequestCorrectionAsync(id, ActingParty.From(user), body.Reason, ct)))
            .WithSummary("Ask the applicant to correct the application; the deadline follows the body's policy (examiner of its body).");
        group.MapPost("/examination/pass", (Guid id, ReasonRequest? body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.PassAsync(id, ActingParty.From(user), body?.Reason, ct)))
            .WithSummary("Pass the current (formal or substantive) examination; the public notice starts when no further examination is due (examiner of its body).");
        group.MapPost("/examination/reject", (Guid id, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RejectAsync(id, ActingParty.From(user), body.Reason, ct)))
            .WithSummary("Refuse registration with reasons (examiner of its body).");
        group.MapPost("/register", (Guid id, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RegisterAsync(id, ActingParty.From(user), ct)))
            .WithSummary("Register once the notice period has ended with no open objection; issues the registration and certificate numbers (examiner of its body).");
        group.MapPost("/revoke", (Guid id, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RevokeAsync(id, ActingParty.From(user), body.Reason, ct)))
            .WithSummary("Revoke a registration with reasons, which are public; its certificates read 'revoked' from then on (examiner of its body).");
        group.MapPost("/certificates/reissue", (Guid id, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.ReissueCertificateAsync(id, ActingParty.From(user), body.Reason, ct)))
            .WithSummary("Re-issue a registration's certificate under a new certificate number, with reasons; the earlier certificate reads 'superseded' (examiner of its body).");
        group.MapGet("/objections", ObjectionsAsync)
            .WithSummary("Objections to the application, with objectors' contact details (examiner of its body).");

        var objections = app.MapGroup("/api/v1/objections/{objectionId:guid}").WithTags("Examination").RequireAuthorization(Policies.Examiner);
        objections.MapPost("/uphold", (Guid objectionId, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RuleObjectionAsync(objectionId, ActingParty.From(user), upheld: true, body.Reason, ct)))
            .WithSummary("Uphold an objection: the application is rejected (examiner of its body).");
        objections.MapPost("/dismiss", (Guid objectionId, ReasonRequest body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                ApplicationEndpoints.Respond(lifecycle.RuleObjectionAsync(objectionId, ActingParty.From(user), upheld: false, body.Reason, ct)))
            .WithSummary("Dismiss an objection: the notice period continues (examiner of its body).");
    }

    private static async Task<IResult> ObjectionsAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (app is null || !ApplicationAccess.CanSee(ActingParty.From(user), app))
        {
            return Problems.NotFound("The application");
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
