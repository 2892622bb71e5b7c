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
    public static void MapAccountVerification(this RouteGroupBuilder accounts) =>
        accounts.MapPost("/{id:guid}/verification", PostDecisionAsync).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("VerifyAccount").WithSummary("Verify or refuse an applicant's claimed organisation or identity, with the evidence checked (national administrators; a body administrator for applicants of its region). Recorded as a verifyAccount act.");

    /// <summary>
    /// Decides on the identity applicant account <paramref name="id"/> claims: the one use case of
    /// the API and the account's page. Refused when the request is invalid, the party does not
    /// administer the applicant (as if there were none), or the decision is the account's already.
    /// </summary>
    public static async Task<AccountOutcome> DecideAsync(RegistryDbContext db, TimeProvider clock, ActingParty party, Guid id, VerificationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } errors)
        {
            return Refusal.Invalid(errors);
        }

        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == id && a.Role == AccountRole.Applicant, ct).ConfigureAwait(false);
        if (account is null || !await AccountAccess.MayAdministerAsync(db, party, account, ct).ConfigureAwait(false))
        {
            return Refusal.NotFound(RefusalKey.WhatApplicantAccount);
        }

        if (account.IdentityVerification == request.Decision)
        {
            return Refusal.Conflict("Already decided", request.Decision == IdentityVerification.Verified ? RefusalKey.IdentityVerifiedAlready : RefusalKey.IdentityRefusedAlready);
        }

        var act = await RecordAsync(db, clock, party, account, request.Decision!.Value, request.Evidence!.Trim(), request.Reason, ct).ConfigureAwait(false);
        return new AccountOutcome(account, null, act, null);
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> PostDecisionAsync(
        Guid id, VerificationRequest request, ClaimsPrincipal user, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await DecideAsync(db, clock, ActingParty.From(user), id, request, ct).ConfigureAwait(false);
        return outcome.Account is { } account
            ? TypedResults.Ok(AccountEndpoints.View(account, null))
            : outcome.Refusal!.ToProblem().AnswerFor<Ok<AccountView>>();
    }

    /// <summary>
    /// Records the decision on <paramref name="account"/> and its act in one transaction. The act
    /// names the account, the organisation (for a person, no ID number) and the decision; the
    /// evidence and the reason are private, so the public log holds only their salted digests.
    /// </summary>
    public static async Task<Act> RecordAsync(
        RegistryDbContext db, TimeProvider clock, ActingParty party, Account account, IdentityVerification decision, string evidence, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(account);
        await using var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false);
        account.IdentityVerification = decision;
        account.IdentityDecidedAt = transaction.Now;
        var recorded = await ActWriter.AppendAsync(db, party.Actor, new VerifyAccountAct
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
        return recorded.Act;
    }

    private static Dictionary<string, RefusalMessage[]>? Validate(VerificationRequest request)
    {
        var errors = new Dictionary<string, RefusalMessage[]>();
        if (string.IsNullOrWhiteSpace(request.Evidence) || request.Evidence.Trim().Length > 2000)
        {
            errors["evidence"] = [new(RefusalKey.VerificationEvidenceMissing)];
        }

        if (request.Decision is not (IdentityVerification.Verified or IdentityVerification.Refused))
        {
            errors["decision"] = [new(RefusalKey.VerificationDecisionMissing)];
        }
        else if (request.Decision == IdentityVerification.Refused && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = [new(RefusalKey.VerificationRefusalReason)];
        }

        return errors.Count > 0 ? errors : null;
    }
}
