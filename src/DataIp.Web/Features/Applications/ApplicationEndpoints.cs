namespace DataIp.Web.Features.Applications;

/// <summary>A new draft: the body to file with and any content so far.</summary>
/// <param name="BodyCode">4-digit code of the registration body.</param>
/// <param name="Content">The application content, possibly partial.</param>
public sealed record CreateDraftRequest(string? BodyCode, ApplicationContent? Content);

/// <summary>New content for a draft or a correction.</summary>
/// <param name="Content">The complete new content.</param>
/// <param name="Version">The version the change was made on; a stale version is refused (409).</param>
public sealed record UpdateContentRequest(ApplicationContent? Content, int? Version);

/// <summary>The hand-over of an application to a colleague of the same organisation.</summary>
/// <param name="ColleagueEmail">The e-mail address of the colleague's applicant account, verified for the same organisation.</param>
/// <param name="Reason">Why, for the parties (optional).</param>
public sealed record HandOverRequest(string? ColleagueEmail, string? Reason);

/// <summary>The applicant's side of an application, and reading one.</summary>
internal static class ApplicationEndpoints
{
    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags("Applications");

        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Applicant)
            .WithName("CreateDraft").WithSummary("Create a draft application (applicant).");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithName("ListApplications")
            .WithSummary("List applications visible to the caller: an applicant's own; an examiner's or body administrator's body's; all for a national administrator.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.SignedIn)
            .WithName("GetApplication").WithSummary("Read one application with private content (its applicant, its body's examiners and administrators).");
        group.MapPut("/{id:guid}/content", UpdateContentAsync).RequireAuthorization(Policies.Applicant)
            .WithName("UpdateContent").WithSummary("Replace the content of a draft or of an application whose correction is requested (its applicant).");
        group.MapPost("/{id:guid}/submit", (Guid id, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                RespondAsync(acts.RunAsync(id, ActingParty.From(user), new Submit(), null, ct)))
            .RequireAuthorization(Policies.Applicant).WithName("Submit").WithSummary("Submit a complete draft (its applicant).");
        group.MapPost("/{id:guid}/resubmit", (Guid id, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                RespondAsync(acts.RunAsync(id, ActingParty.From(user), new Resubmit(), body?.Reason, ct)))
            .RequireAuthorization(Policies.Applicant).WithName("Resubmit").WithSummary("Answer a correction request before its deadline (its applicant).");
        group.MapPost("/{id:guid}/withdraw", (Guid id, ReasonRequest? body, ClaimsPrincipal user, ActPipeline acts, CancellationToken ct) =>
                RespondAsync(acts.RunAsync(id, ActingParty.From(user), new Withdraw(), body?.Reason, ct)))
            .RequireAuthorization(Policies.Applicant).WithName("Withdraw").WithSummary("Withdraw the application before registration (its applicant only).");
        group.MapPost("/{id:guid}/handover", (Guid id, HandOverRequest body, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
                RespondAsync(drafts.HandOverAsync(id, ActingParty.From(user), body.ColleagueEmail, body.Reason, ct)))
            .RequireAuthorization(Policies.Applicant).WithName("HandOver")
            .WithSummary("Hand a draft, or an application owing a correction, to a colleague verified for the same organisation (its applicant).");
        group.MapGet("/{id:guid}/acts", ActsAsync).RequireAuthorization(Policies.SignedIn)
            .WithName("ListApplicationActs").WithSummary("The act history of an application (whoever may read it; an objector's contact for the body's staff only).");
    }

    /// <summary>The response of an act on an application: the application after it, or the refusal.</summary>
    public static async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> RespondAsync(Task<ActOutcome> act) =>
        (await act.ConfigureAwait(false)).Answer(o => TypedResults.Ok(ApplicationView.Of(o.Application!)));

    private static async Task<Results<Created<ApplicationView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateDraftRequest request, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
        (await drafts.CreateAsync(ActingParty.From(user), request.BodyCode, request.Content, ct).ConfigureAwait(false))
            .Answer(o => TypedResults.Created($"/api/v1/applications/{o.Application!.Id}", ApplicationView.Of(o.Application)));

    private static Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> UpdateContentAsync(
        Guid id, UpdateContentRequest request, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
        RespondAsync(drafts.UpdateContentAsync(id, ActingParty.From(user), request.Content, request.Version, ct));

    private static async Task<Results<Ok<List<ApplicationSummary>>, ValidationProblem>> ListAsync(ClaimsPrincipal user, RegistryDbContext db, string? state, CancellationToken ct) =>
        QueryValues.TryParseEnum<ApplicationState>(state, out var wanted)
            ? TypedResults.Ok(await ApplicationQueries.ListAsync(db, ActingParty.From(user), wanted, ct).ConfigureAwait(false))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [QueryValues.EnumChoices<ApplicationState>("state")] });

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        return app is not null && ApplicationAccess.CanSee(ActingParty.From(user), app)
            ? TypedResults.Ok(ApplicationView.Of(app))
            : Refusal.NotFound(RefusalKey.WhatApplication).AsProblem();
    }

    private static async Task<Results<Ok<List<ActView>>, ProblemHttpResult>> ActsAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (app is null || ApplicationAccess.ReaderOf(ActingParty.From(user), app) is not { } reader)
        {
            return Refusal.NotFound(RefusalKey.WhatApplication).AsProblem();
        }

        var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(acts.Select(a => ActView.Of(a, reader)).ToList());
    }
}
