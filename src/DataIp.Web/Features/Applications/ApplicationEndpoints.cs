using System.Security.Claims;
using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Applications;

/// <summary>A new draft: the body to file with and any content so far.</summary>
/// <param name="BodyCode">4-digit code of the registration body.</param>
/// <param name="Content">The application content, possibly partial.</param>
public sealed record CreateDraftRequest(string? BodyCode, ApplicationContent? Content);

/// <summary>New content for a draft or a correction.</summary>
/// <param name="Content">The complete new content.</param>
/// <param name="Version">The version the change was made on; a stale version is refused (409).</param>
public sealed record UpdateContentRequest(ApplicationContent? Content, int? Version);

/// <summary>The applicant's side of an application, and reading one.</summary>
internal static class ApplicationEndpoints
{
    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags("Applications");

        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("Create a draft application (applicant).");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("List applications visible to the caller: an applicant's own; an examiner's or body administrator's body; all for a national administrator.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Read one application with private content (its applicant, its body's examiners and administrators).");
        group.MapPut("/{id:guid}/content", UpdateContentAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("Replace the content of a draft or of an application whose correction is requested (its applicant).");
        group.MapPost("/{id:guid}/submit", (Guid id, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                Respond(lifecycle.SubmitAsync(id, ActingParty.From(user), ct)))
            .RequireAuthorization(Policies.Applicant).WithSummary("Submit a complete draft (its applicant).");
        group.MapPost("/{id:guid}/resubmit", (Guid id, ReasonRequest? body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                Respond(lifecycle.ResubmitAsync(id, ActingParty.From(user), body?.Reason, ct)))
            .RequireAuthorization(Policies.Applicant).WithSummary("Answer a correction request before its deadline (its applicant).");
        group.MapPost("/{id:guid}/withdraw", (Guid id, ReasonRequest? body, ClaimsPrincipal user, LifecycleService lifecycle, CancellationToken ct) =>
                Respond(lifecycle.WithdrawAsync(id, ActingParty.From(user), body?.Reason, ct)))
            .RequireAuthorization(Policies.Applicant).WithSummary("Withdraw the application before registration (its applicant).");
        group.MapGet("/{id:guid}/acts", ActsAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The act history of an application (whoever may read it).");
    }

    /// <summary>The response of an act: the application after it, or the refusal.</summary>
    public static async Task<IResult> Respond(Task<ActOutcome> act)
    {
        var outcome = await act.ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(ApplicationView.Of(outcome.Application!)) : outcome.ToProblem();
    }

    private static async Task<IResult> CreateAsync(CreateDraftRequest request, ClaimsPrincipal user, DraftService drafts, CancellationToken ct)
    {
        var outcome = await drafts.CreateAsync(ActingParty.From(user), request.BodyCode, request.Content, ct).ConfigureAwait(false);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/applications/{outcome.Application!.Id}", ApplicationView.Of(outcome.Application))
            : outcome.ToProblem();
    }

    private static async Task<IResult> UpdateContentAsync(Guid id, UpdateContentRequest request, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
        await Respond(drafts.UpdateContentAsync(id, ActingParty.From(user), request.Content, request.Version, ct)).ConfigureAwait(false);

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, RegistryDbContext db, string? state, CancellationToken ct) =>
        QueryValues.TryParseEnum<ApplicationState>(state, out var wanted)
            ? TypedResults.Ok(await ApplicationQueries.ListAsync(db, ActingParty.From(user), wanted, ct).ConfigureAwait(false))
            : Problems.Field("state", QueryValues.EnumChoices<ApplicationState>("state"));

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        return app is not null && ApplicationAccess.CanSee(ActingParty.From(user), app)
            ? TypedResults.Ok(ApplicationView.Of(app))
            : Problems.NotFound("The application");
    }

    private static async Task<IResult> ActsAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        var party = ActingParty.From(user);
        if (app is null || !ApplicationAccess.CanSee(party, app))
        {
            return Problems.NotFound("The application");
        }

        var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        var bodyStaff = ApplicationAccess.IsBodyStaff(party, app);
        return TypedResults.Ok(acts.Select(a => ActView.Of(a, bodyStaff)).ToList());
    }
}
