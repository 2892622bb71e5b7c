using DataIp.Data.Bodies;

namespace DataIp.Web.Features.Bodies;

/// <summary>A registration body as shown to anyone.</summary>
public sealed record BodyView(string Code, string RegionCode, string Name, string NameEn, BodyPolicy Policy)
{
    /// <summary>The view of a stored body.</summary>
    public static BodyView Of(RegistrationBody b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Code, b.RegionCode, b.Name, b.NameEn, b.Policy);
    }
}

/// <summary>A new registration body.</summary>
public sealed record AddBodyRequest(string? RegionCode, string? Code, string? Name, string? NameEn, BodyPolicy? Policy);

/// <summary>Registration bodies and their policies.</summary>
internal static class BodyEndpoints
{
    public static void MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bodies").WithTags("Registration bodies");
        group.MapGet("/", ListAsync).AllowAnonymous().WithName("ListBodies").WithSummary("All registration bodies with their policies (anyone).");
        group.MapGet("/{code}", GetAsync).AllowAnonymous().WithName("GetBody").WithSummary("One registration body (anyone).");
        group.MapPost("/", AddAsync).RequireAuthorization(Policies.NationalAdministrator)
            .WithName("AddBody").WithSummary("Add a registration body (national administrator).");
        group.MapPut("/{code}/policy", SetPolicyAsync).RequireAuthorization(Policies.Administrator)
            .WithName("SetBodyPolicy").WithSummary("Change a body's policy (its administrator or a national administrator). Deadlines already set keep their dates.");
    }

    private static async Task<Ok<List<BodyView>>> ListAsync(RegistryDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false)).Select(BodyView.Of).ToList());

    private static async Task<Results<Ok<BodyView>, ProblemHttpResult>> GetAsync(string code, RegistryDbContext db, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, ct).ConfigureAwait(false) is { } body
            ? TypedResults.Ok(BodyView.Of(body))
            : Problems.NotFound($"Registration body {code}");

    private static async Task<Results<Created<BodyView>, ValidationProblem, ProblemHttpResult>> AddAsync(AddBodyRequest request, ClaimsPrincipal user, BodyAdministration bodies, CancellationToken ct)
    {
        var outcome = await bodies.AddAsync(request, ActingParty.From(user), ct).ConfigureAwait(false);
        return outcome.Body is { } body
            ? TypedResults.Created($"/api/v1/bodies/{body.Code}", BodyView.Of(body))
            : outcome.Refusal!.ToProblem().AnswerFor<Created<BodyView>>();
    }

    private static async Task<Results<Ok<BodyView>, ValidationProblem, ProblemHttpResult>> SetPolicyAsync(string code, BodyPolicy policy, ClaimsPrincipal user, BodyAdministration bodies, CancellationToken ct)
    {
        var outcome = await bodies.SetPolicyAsync(code, policy, ActingParty.From(user), ct).ConfigureAwait(false);
        return outcome.Body is { } body
            ? TypedResults.Ok(BodyView.Of(body))
            : outcome.Refusal!.ToProblem().AnswerFor<Ok<BodyView>>();
    }
}
