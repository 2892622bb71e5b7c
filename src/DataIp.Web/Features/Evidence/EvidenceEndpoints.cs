namespace DataIp.Web.Features.Evidence;

/// <summary>Evidence of registered data: overlaps for examiners, sample proofs for anyone.</summary>
internal static class EvidenceEndpoints
{
    public static void MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/applications/{id:guid}/evidence/overlaps", OverlapsAsync)
            .RequireAuthorization(Policies.Examiner)
            .WithTags("Examination")
            .WithName("ListOverlaps")
            .WithSummary("Datasets whose similarity sketches overlap the application's at or above the configured similarity, most similar first (examiner of its body).");
        app.MapPost("/api/v1/registrations/{registrationNumber}/evidence/check", EvidenceCheck.CheckAsync)
            .AllowAnonymous()
            .Accepts<object>("application/json")
            .WithMetadata(new JsonBodyLimit(EvidenceCheck.MaxProofBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Evidence")
            .WithName("CheckEvidence")
            .WithSummary("Check a `dataip prove` proof (row, file or chunk) against the fingerprint the registration was made with; 200 with valid true or false and why (anyone).");
    }

    private static async Task<Results<Ok<List<OverlapView>>, ProblemHttpResult>> OverlapsAsync(Guid id, ClaimsPrincipal user, RegistryDbContext db, EvidenceService evidence, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (application is null || !ApplicationAccess.CanSee(ActingParty.From(user), application))
        {
            return Problems.NotFound("The application");
        }

        var overlaps = await evidence.OverlapsAsync(application, registeredOnly: false, ct).ConfigureAwait(false);
        return TypedResults.Ok(overlaps.Select(o => new OverlapView(
            o.ApplicationId, o.ApplicationNumber, o.RegistrationNumber, o.BodyCode, o.DataName, o.State, o.HashAlgorithm, o.Root, Math.Round(o.Similarity, 4))).ToList());
    }
}

/// <summary>An overlapping dataset as examiners see it.</summary>
/// <param name="ApplicationId">The other application.</param>
/// <param name="ApplicationNumber">Its application number.</param>
/// <param name="RegistrationNumber">Its registration number, once registered.</param>
/// <param name="BodyCode">The body it was filed with.</param>
/// <param name="DataName">Its data name.</param>
/// <param name="State">Its state.</param>
/// <param name="HashAlgorithm">Its fingerprint's hash algorithm.</param>
/// <param name="Root">Its fingerprint root.</param>
/// <param name="Similarity">Estimated Jaccard similarity of the two datasets' features, 0–1.</param>
public sealed record OverlapView(
    Guid ApplicationId, string? ApplicationNumber, string? RegistrationNumber, string BodyCode, string DataName,
    ApplicationState State, string HashAlgorithm, string Root, double Similarity);
