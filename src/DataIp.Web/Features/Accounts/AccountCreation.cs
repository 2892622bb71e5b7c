using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>What an act on an account came to: the account after it and the act recorded, or the refusal (nothing written).</summary>
/// <param name="Account">The account, when the act was done.</param>
/// <param name="BodyCode">The body it is bound to after the act, if any.</param>
/// <param name="Act">The act recorded.</param>
/// <param name="Refusal">Why nothing was done.</param>
public sealed record AccountOutcome(Account? Account, string? BodyCode, Act? Act, Refusal? Refusal)
{
    /// <summary>A refusal.</summary>
    public static implicit operator AccountOutcome(Refusal refusal) => new(null, null, null, refusal);
}

/// <summary>
/// Creates an account and records its <c>createAccount</c> act in one transaction: an account
/// never exists without the act that says who created it. Shared by the sign-up and by an
/// administrator's staff account (<see cref="AccountAdministration"/>). The sign-in e-mail is
/// contact data and stays out of the act.
/// </summary>
internal static class AccountCreation
{
    /// <summary>Title of the refusal of an e-mail address that has an account already (a sign-up answers it as any other).</summary>
    public const string AddressTaken = "Address taken";

    /// <summary>
    /// Creates <paramref name="account"/> with <paramref name="password"/>. Refused as invalid for
    /// a bad address or password (the password is judged before the address is looked up, so its
    /// answer never depends on whether the address is taken), as a conflict titled
    /// <see cref="AddressTaken"/> when the address has an account.
    /// </summary>
    public static async Task<AccountOutcome> CreateAsync(
        UserManager<Account> users, RegistryDbContext db, TimeProvider clock, ActingParty party, Account account, string? password, string? bodyCode)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(account.Email) || !account.Email.Contains('@', StringComparison.Ordinal))
        {
            return Refusal.Invalid("email", RefusalKey.EmailInvalid);
        }

        if (await PasswordErrorsAsync(users, account, password).ConfigureAwait(false) is { } passwordErrors)
        {
            return Refusal.Invalid(new Dictionary<string, RefusalMessage[]> { ["password"] = [.. passwordErrors.Select(e => RefusalMessage.Worded(e, RefusalKey.PasswordRefused))] });
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, CancellationToken.None).ConfigureAwait(false);
        account.CreatedAt = transaction.Now;
        var result = await users.CreateAsync(account, password!).ConfigureAwait(false);
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            return Refusal.Conflict(AddressTaken, RefusalKey.EmailTaken, account.Email);
        }

        if (!result.Succeeded)
        {
            return Refusal.Invalid(new Dictionary<string, RefusalMessage[]> { ["email"] = [.. result.Errors.Select(e => RefusalMessage.Worded(e.Description, RefusalKey.EmailRefused))] });
        }

        var recorded = await ActWriter.AppendAsync(db, party.Actor, new CreateAccountAct
        {
            AccountId = account.Id,
            Role = RoleName(account.Role),
            BodyCode = bodyCode,
            DisplayName = account.DisplayName,
            RegistrantType = account.RegistrantType,
            // An organisation's credit code is public; a person's ID number is not.
            CreditCode = account.RegistrantType is null or RegistrantType.NaturalPerson ? null : account.Identifier,
        }, null, account.CreatedAt, null, noticeStarted: false, CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync().ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return new AccountOutcome(account, bodyCode, recorded.Act, null);
    }

    /// <summary>An account's role as the log records it: one of <see cref="ActorRoles"/>.</summary>
    public static string RoleName(AccountRole role) => new ActingParty(Guid.Empty, role, null, "").RoleName;

    private static async Task<string[]?> PasswordErrorsAsync(UserManager<Account> users, Account account, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Choose a password of at least 15 characters; a phrase of several words is easy to remember."];
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password).ConfigureAwait(false);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Count > 0 ? [.. errors] : null;
    }
}
