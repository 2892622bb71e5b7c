using DataIp.Data.Bodies;
using DataIp.Domain.Numbering;

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

    private static async Task<Results<Created<BodyView>, ValidationProblem>> AddAsync(AddBodyRequest request, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.RegionCode is not { Length: 6 } region || !region.All(char.IsAsciiDigit))
        {
            errors["regionCode"] = ["regionCode is the 6-digit GB/T 2260 code of the body's region, e.g. 440300."];
        }

        var code = request.Code ?? (errors.ContainsKey("regionCode") ? null : BodyCode.FromRegionCode(request.RegionCode!));
        if (!BodyCode.IsValid(code))
        {
            errors["code"] = ["code is the body's 4-digit code; leave it out to take the first four digits of regionCode."];
        }
        else if (await db.Bodies.AnyAsync(b => b.Code == code, ct).ConfigureAwait(false))
        {
            errors["code"] = [$"A registration body with code {code} exists already."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Give the body's Chinese name (at most 100 characters)."];
        }

        var policy = request.Policy ?? BodyPolicy.Default;
        foreach (var (field, message) in PolicyErrors(policy))
        {
            errors["policy." + field] = [message];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        var now = transaction.Now;
        var body = new RegistrationBody
        {
            Code = code!,
            RegionCode = request.RegionCode!,
            Name = request.Name!.Trim(),
            NameEn = request.NameEn?.Trim() ?? "",
            Policy = policy,
            CreatedAt = now,
        };
        db.Bodies.Add(body);
        await ActWriter.AppendAsync(db, ActingParty.From(user).Actor,
            new AddBodyAct { BodyCode = body.Code, RegionCode = body.RegionCode, Name = body.Name, Policy = policy }, null, now, null, noticeStarted: false, ct)
            .ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/bodies/{body.Code}", BodyView.Of(body));
    }

    private static async Task<Results<Ok<BodyView>, ValidationProblem, ProblemHttpResult>> SetPolicyAsync(string code, BodyPolicy policy, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var party = ActingParty.From(user);
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Code == code, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.NotFound($"Registration body {code}");
        }

        if (party.BodyId is not null && party.BodyId != body.Id)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Not permitted", "A body administrator changes the policy of their own body only.");
        }

        var errors = PolicyErrors(policy).ToDictionary(e => e.Field, e => new[] { e.Message });
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        await ActWriter.AppendAsync(db, party.Actor, new ChangePolicyAct { BodyCode = body.Code, PreviousPolicy = body.Policy, Policy = policy },
            null, transaction.Now, null, noticeStarted: false, ct).ConfigureAwait(false);
        body.Policy = policy;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(BodyView.Of(body));
    }

    private static IEnumerable<(string Field, string Message)> PolicyErrors(BodyPolicy p)
    {
        if (p.NoticeLength is < 1 or > 90)
        {
            yield return ("noticeLength", "noticeLength must be 1–90.");
        }

        if (p.CorrectionLength is < 1 or > 180)
        {
            yield return ("correctionLength", "correctionLength must be 1–180.");
        }

        if (p.ValidityYears is < 1 or > 30)
        {
            yield return ("validityYears", "validityYears must be 1–30.");
        }

        if (p.RenewalWindowDays is < 1 or > 365)
        {
            yield return ("renewalWindowDays", "renewalWindowDays must be 1–365.");
        }

        if (!Enum.IsDefined(p.NoticeUnit) || !Enum.IsDefined(p.CorrectionUnit))
        {
            yield return ("noticeUnit", "Units are workingDays or calendarDays.");
        }
    }
}
