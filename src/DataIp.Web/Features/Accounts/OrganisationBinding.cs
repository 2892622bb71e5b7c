namespace DataIp.Web.Features.Accounts;

/// <summary>
/// The check at submission that the applicant account may apply in the name the application
/// gives: its identity is verified (<see cref="AccountVerification"/>), and the application's
/// applicant is that identity, unless an agent applies under a power of attorney (which the
/// examiner checks like any other attachment).
/// </summary>
internal static class OrganisationBinding
{
    /// <summary>The refusal's title; tests and clients may match it.</summary>
    public const string NotVerifiedTitle = "Organisation binding not verified";

    /// <summary>A refusal when <paramref name="application"/>'s account may not submit it in its applicant's name; otherwise null.</summary>
    public static async Task<Refusal?> RefusalAsync(RegistryDbContext db, ApplicationRecord application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var account = await db.Users.AsNoTracking().Where(a => a.Id == application.ApplicantId)
            .Select(a => new { a.IdentityVerification, a.Identifier, a.RegistrantType })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (account.IdentityVerification != IdentityVerification.Verified)
        {
            return new Refusal(RefusalCode.NotPermitted, NotVerifiedTitle, new(RefusalKey.ApplicantNotVerified,
                account.IdentityVerification == IdentityVerification.Refused ? new RefusalMessage(RefusalKey.VerificationWasRefused) : null));
        }

        var applicant = application.Content.Applicant;
        if (applicant?.Agent is not null)
        {
            return null;
        }

        var named = account.RegistrantType == RegistrantType.NaturalPerson ? applicant?.IdNumber : applicant?.CreditCode;
        return string.Equals(named?.Trim(), account.Identifier, StringComparison.OrdinalIgnoreCase) ? null
            : new Refusal(RefusalCode.NotPermitted, "Applicant is not this account's organisation", new(RefusalKey.ApplicantMismatch,
                string.IsNullOrEmpty(named) ? new RefusalMessage(RefusalKey.NoIdentifier) : named, account.Identifier));
    }
}
