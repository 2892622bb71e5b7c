namespace DataIp.Web.Features.Accounts;

/// <summary>An administrator's decision on an applicant's claimed identity.</summary>
/// <param name="Evidence">What was checked (e.g. "营业执照原件核验，2025-09-26"); kept private, digested in the public log.</param>
/// <param name="Decision">Verified or refused.</param>
/// <param name="Reason">Why; required for a refusal, shown to the applicant.</param>
public sealed record VerificationRequest(string? Evidence, IdentityVerification? Decision, string? Reason);

/// <summary>
/// Binds an applicant account to the organisation or person it names (defect [M6] 8): at sign-up
/// the name and identifier are only a claim; an administrator checks evidence the organisation
/// controls (its business licence with its seal, a letter of authorisation) and records the
/// decision as a <c>verifyAccount</c> act in the public log. Until verified the account may draft
/// but not submit (<see cref="OrganisationBinding"/>).
/// </summary>
internal static class AccountVerification
{
    public static void MapAccountVerification(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/{id:guid}/verification", DecideAsync).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("VerifyAccount").WithSummary("Verify or refuse an applicant's claimed organisation or identity, with the evidence checked (national administrators; a body administrator for applicants of its region). Recorded as a verifyAccount act.");
        accounts.MapGet("/", ListAsync).RequireAuthorization(Policies.Administrator)
            .WithName("ListApplicantAccounts").WithSummary("Applicant accounts, optionally by identityVerification (claimed, verified, refused); administrators (a body administrator sees its region's).");
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> DecideAsync(Guid id, VerificationRequest request, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is { } errors)
        {
            return Problems.Validation(errors);
        }

        var party = ActingParty.From(user);
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == id && a.Role == AccountRole.Applicant, ct).ConfigureAwait(false);
        if (account is null || !await MayDecideAsync(db, party, account, ct).ConfigureAwait(false))
        {
            return Problems.NotFound("The applicant account");
        }

        if (account.IdentityVerification == request.Decision)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Already decided",
                $"The account's identity is {JsonNaming.Camel(request.Decision!.Value)} already.");
        }

        await RecordAsync(db, clock, party, account, request.Decision!.Value, request.Evidence!.Trim(), request.Reason, ct).ConfigureAwait(false);
        return TypedResults.Ok(AccountEndpoints.View(account, null));
    }

    /// <summary>
    /// Records the decision on <paramref name="account"/> and its act in one transaction. The act
    /// names the account, the organisation (for a person, no ID number) and the decision; the
    /// evidence and the reason are private, so the public log holds only their salted digests.
    /// </summary>
    public static async Task RecordAsync(
        RegistryDbContext db, TimeProvider clock, ActingParty party, Account account, IdentityVerification decision, string evidence, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(account);
        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        account.IdentityVerification = decision;
        account.IdentityDecidedAt = transaction.Now;
        await ActWriter.AppendAsync(db, party.Actor, new VerifyAccountAct
        {
            AccountId = account.Id,
            Decision = decision,
            DisplayName = account.DisplayName,
            RegistrantType = account.RegistrantType,
            CreditCode = account.RegistrantType is null or RegistrantType.NaturalPerson ? null : account.Identifier,
            Evidence = evidence,
        }, null, transaction.Now, reason, noticeStarted: false, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<List<AccountView>>, ValidationProblem>> ListAsync(string? identityVerification, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        if (!QueryValues.TryParseEnum<IdentityVerification>(identityVerification, out var filter))
        {
            return Problems.Field("identityVerification", QueryValues.EnumChoices<IdentityVerification>("identityVerification"));
        }

        var party = ActingParty.From(user);
        var query = db.Users.AsNoTracking().Where(a => a.Role == AccountRole.Applicant);
        if (filter is { } wanted)
        {
            query = wanted == IdentityVerification.Claimed
                ? query.Where(a => a.IdentityVerification == wanted || a.IdentityVerification == null)
                : query.Where(a => a.IdentityVerification == wanted);
        }

        var region = await BodyRegionPrefixAsync(db, party, ct).ConfigureAwait(false);
        if (region is not null)
        {
            query = query.Where(a => a.RegionCode != null && a.RegionCode.StartsWith(region));
        }

        var accounts = await query.OrderBy(a => a.CreatedAt).Take(500).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(accounts.Select(a => AccountEndpoints.View(a, null)).ToList());
    }

    private static Dictionary<string, string[]>? Validate(VerificationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Evidence) || request.Evidence.Trim().Length > 2000)
        {
            errors["evidence"] = ["Say what was checked (e.g. the business licence's original, its seal and date); at most 2,000 characters."];
        }

        if (request.Decision is not (IdentityVerification.Verified or IdentityVerification.Refused))
        {
            errors["decision"] = ["Choose verified or refused."];
        }
        else if (request.Decision == IdentityVerification.Refused && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why the claim is refused; the applicant reads it."];
        }

        return errors.Count > 0 ? errors : null;
    }

    // A national administrator decides on every applicant; a body administrator on those whose
    // region code lies in its body's region (a body of 440000 covers 44xxxx, one of 440300 4403xx).
    private static async Task<bool> MayDecideAsync(RegistryDbContext db, ActingParty party, Account account, CancellationToken ct) =>
        await BodyRegionPrefixAsync(db, party, ct).ConfigureAwait(false) is not { } prefix
        || (account.RegionCode?.StartsWith(prefix, StringComparison.Ordinal) ?? false);

    private static async Task<string?> BodyRegionPrefixAsync(RegistryDbContext db, ActingParty party, CancellationToken ct)
    {
        if (party.BodyId is not { } bodyId)
        {
            return null;
        }

        var region = await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.RegionCode).SingleAsync(ct).ConfigureAwait(false);
        var prefix = region;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }

        return prefix;
    }
}
