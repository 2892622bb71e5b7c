using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>How a password check ended.</summary>
public enum SignInCheck
{
    /// <summary>The password is the account's.</summary>
    Succeeded,

    /// <summary>Unknown e-mail or wrong password: the two are never told apart.</summary>
    WrongCredentials,

    /// <summary>Too many wrong passwords for this account from this client; see the wait.</summary>
    Throttled,

    /// <summary>The password is right but the account is disabled.</summary>
    Disabled,
}

/// <summary>The outcome of <see cref="PasswordSignIn.CheckAsync"/>.</summary>
/// <param name="Result">What happened.</param>
/// <param name="Account">The account, when the password was right.</param>
/// <param name="RetryAfter">How long to wait, when throttled.</param>
public sealed record SignInOutcome(SignInCheck Result, Account? Account = null, TimeSpan RetryAfter = default);

/// <summary>
/// Checks an e-mail and password for the API's token endpoint, the page sign-in and the password
/// change alike: per-account throttling (<see cref="SignInThrottle"/>) and equal work for unknown
/// e-mails, whose password is verified against a dummy hash of the same kind, so that the time
/// taken does not tell which e-mails have accounts. Public for the sign-in page's model; made by
/// <see cref="Create"/>.
/// </summary>
public sealed class PasswordSignIn
{
    private static readonly Account Nobody = new() { Id = Guid.Empty, UserName = "", Email = "" };
    private static string? _dummyHash;

    private readonly UserManager<Account> _users;
    private readonly IPasswordHasher<Account> _hasher;
    private readonly SignInThrottle _throttle;

    private PasswordSignIn(UserManager<Account> users, IPasswordHasher<Account> hasher, SignInThrottle throttle)
    {
        _users = users;
        _hasher = hasher;
        _throttle = throttle;
    }

    /// <summary>The scoped service, from the request's services.</summary>
    internal static PasswordSignIn Create(IServiceProvider services) => new(
        services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<IPasswordHasher<Account>>(), services.GetRequiredService<SignInThrottle>());

    /// <summary>Checks <paramref name="password"/> for the account of <paramref name="email"/>, asked from <paramref name="client"/>.</summary>
    public async Task<SignInOutcome> CheckAsync(string email, string password, string client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(password);
        var (allowed, wait) = _throttle.MayTry(email, client);
        if (!allowed)
        {
            return new SignInOutcome(SignInCheck.Throttled, RetryAfter: wait);
        }

        var account = await _users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (account is null)
        {
            // The same PBKDF2 work as for a real account (Identity's hasher, its iteration count).
            _dummyHash ??= _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            _hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            _throttle.Failed(email, client);
            return new SignInOutcome(SignInCheck.WrongCredentials);
        }

        // Verifies (and upgrades an old hash); never counts failures on the account itself.
        if (!await _users.CheckPasswordAsync(account, password).ConfigureAwait(false))
        {
            _throttle.Failed(email, client);
            return new SignInOutcome(SignInCheck.WrongCredentials);
        }

        if (await _users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return new SignInOutcome(SignInCheck.Disabled);
        }

        _throttle.Succeeded(email, client);
        return new SignInOutcome(SignInCheck.Succeeded, account);
    }
}
