using DataIp.Domain.Numbering;
using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>An applicant signing up: an organisation with its credit code, or a natural person with an ID number.</summary>
public sealed record RegisterApplicantRequest(string? Email, string? Password, string? DisplayName, RegistrantType? RegistrantType, string? Identifier, string? RegionCode);

/// <summary>An administrator creating an examiner, administrator or pledgee account.</summary>
public sealed record CreateAccountRequest(string? Email, string? Password, string? DisplayName, AccountRole? Role, string? BodyCode);

/// <summary>An account as shown to its owner and administrators.</summary>
public sealed record AccountView(
    Guid Id, string Email, string DisplayName, AccountRole Role, string? BodyCode, RegistrantType? RegistrantType, string? Identifier, string? RegionCode,
    IdentityVerification? IdentityVerification);

/// <summary>
/// The answer to a sign-up, the same whether the e-mail address was free or not, so that sign-up
/// does not tell which addresses have accounts.
/// </summary>
public sealed record SignUpAccepted(string Detail);

/// <summary>Sign-in for the API and account management.</summary>
internal static class AccountEndpoints
{
    /// <summary>What every sign-up is answered, whether or not the address already had an account.</summary>
    public const string SignUpDetail =
        "Sign-up received. If the e-mail address had no account, it has one now: sign in with POST /api/v1/auth/token. "
        + "Before the account may submit an application, an administrator verifies that it speaks for the organisation or person it names: "
        + "send the registration body your business licence (or ID) and the account id shown by GET /api/v1/accounts/me.";

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        accounts.MapPost("/", RegisterApplicantAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignUp)
            .WithName("SignUp").WithSummary("Sign up as an applicant (anyone). Always 202 with the same answer, whether or not the address was taken. The name and identifier are a claim until an administrator verifies them.");
        accounts.MapGet("/me", MeAsync).RequireAuthorization(Policies.SignedIn).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOwnAccount").WithSummary("The signed-in account (any account).");
        accounts.MapPost("/staff", CreateStaffAsync).RequireAuthorization(Policies.Administrator)
            .WithName("CreateStaffAccount").WithSummary("Create an examiner, administrator or pledgee account (administrators; a body administrator only for their own body).");
        accounts.MapAccountVerification();
    }

    private static async Task<Results<Accepted<SignUpAccepted>, ValidationProblem>> RegisterApplicantAsync(RegisterApplicantRequest request, UserManager<Account> users, RegistryDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 200)
        {
            errors["displayName"] = ["Give the organisation's registered name or the person's name (at most 200 characters)."];
        }

        if (request.RegistrantType is not { } type || !Enum.IsDefined(type))
        {
            errors["registrantType"] = ["Choose enterprise, publicInstitution, socialOrganisation, naturalPerson or other."];
        }
        else if (IdentifierError(type, request.Identifier) is { } identifierError)
        {
            errors["identifier"] = [identifierError];
        }

        if (request.RegionCode is { } region && (region.Length != 6 || !region.All(char.IsAsciiDigit)))
        {
            errors["regionCode"] = ["regionCode is a 6-digit GB/T 2260 code, e.g. 440300."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = request.Email?.Trim(),
            Email = request.Email?.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = AccountRole.Applicant,
            RegistrantType = request.RegistrantType,
            Identifier = request.Identifier,
            RegionCode = request.RegionCode,
            CreatedAt = clock.GetUtcNow(),
        };
        account.IdentityVerification = IdentityVerification.Claimed;
        var self = new ActingParty(account.Id, AccountRole.Applicant, null, account.DisplayName);
        var created = await CreateAsync(users, db, clock, self, account, request.Password, body: null).ConfigureAwait(false);
        // A taken address is answered as a free one (no enumeration); bad input is still a 400.
        return created.Result is ValidationProblem problem ? problem : TypedResults.Accepted((string?)null, new SignUpAccepted(SignUpDetail));
    }

    private static string? IdentifierError(RegistrantType type, string? identifier) => type == RegistrantType.NaturalPerson
        ? ResidentIdNumber.Validate(identifier).Error
        : UnifiedSocialCreditCode.Validate(identifier).Error;

    private static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateStaffAsync(CreateAccountRequest request, ClaimsPrincipal user, UserManager<Account> users, RegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var party = ActingParty.From(user);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 200)
        {
            errors["displayName"] = ["Give the person's or organisation's name (at most 200 characters)."];
        }

        if (request.Role is not (AccountRole.Examiner or AccountRole.Administrator or AccountRole.Pledgee))
        {
            errors["role"] = ["Choose examiner, administrator or pledgee; applicants sign up themselves."];
        }

        var body = string.IsNullOrWhiteSpace(request.BodyCode) ? null
            : await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == request.BodyCode, ct).ConfigureAwait(false);
        if (request.Role == AccountRole.Examiner && body is null)
        {
            errors["bodyCode"] = ["An examiner is bound to one registration body: give its 4-digit code."];
        }
        else if (!string.IsNullOrWhiteSpace(request.BodyCode) && body is null)
        {
            errors["bodyCode"] = [$"'{request.BodyCode}' is not the code of a registration body."];
        }
        else if (request.Role == AccountRole.Pledgee && body is not null)
        {
            errors["bodyCode"] = ["A pledgee is not bound to a registration body."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // A body administrator manages its own body only, and cannot create national administrators.
        if (party.BodyId is not null && (body is null || body.Id != party.BodyId))
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Not permitted", "A body administrator creates accounts for their own body only.");
        }

        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = request.Email?.Trim(),
            Email = request.Email?.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!.Value,
            BodyId = body?.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await CreateAsync(users, db, clock, party, account, request.Password, body?.Code).ConfigureAwait(false);
        return created.Result switch
        {
            Created<AccountView> done => done,
            ValidationProblem problem => problem,
            _ => Problems.Field("email", $"An account with the e-mail address '{account.Email}' exists already."),
        };
    }

    /// <summary>
    /// Creates the account and records the act in one transaction: an account never exists without
    /// the act that says who created it. The sign-in e-mail is contact data and stays out of the act.
    /// </summary>
    private static async Task<Results<Created<AccountView>, Conflict, ValidationProblem>> CreateAsync(
        UserManager<Account> users, RegistryDbContext db, TimeProvider clock, ActingParty party, Account account, string? password, string? body)
    {
        if (string.IsNullOrWhiteSpace(account.Email) || !account.Email.Contains('@', StringComparison.Ordinal))
        {
            return Problems.Field("email", "Give a valid e-mail address; it is the account's sign-in name.");
        }

        // The password is judged before the address is looked up, so its answer never depends on
        // whether the address is taken.
        if (await PasswordErrorsAsync(users, account, password).ConfigureAwait(false) is { } passwordErrors)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["password"] = passwordErrors });
        }

        await using var transaction = await ActTransaction.BeginAsync(db, clock, CancellationToken.None).ConfigureAwait(false);
        account.CreatedAt = transaction.Now;
        var result = await users.CreateAsync(account, password!).ConfigureAwait(false);
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            return TypedResults.Conflict();
        }

        if (!result.Succeeded)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["email"] = [.. result.Errors.Select(e => e.Description)] });
        }

        await ActWriter.AppendAsync(db, party.Actor, new CreateAccountAct
        {
            AccountId = account.Id,
            Role = ActingParty.RoleOf(new ActingParty(account.Id, account.Role, account.BodyId, account.DisplayName).Party.Role),
            BodyCode = body,
            DisplayName = account.DisplayName,
            RegistrantType = account.RegistrantType,
            // An organisation's credit code is public; a person's ID number is not.
            CreditCode = account.RegistrantType is null or RegistrantType.NaturalPerson ? null : account.Identifier,
        }, null, account.CreatedAt, null, noticeStarted: false, CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync().ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Created("/api/v1/accounts/me", View(account, body));
    }

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

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, UserManager<Account> users, RegistryDbContext db, CancellationToken ct)
    {
        var account = await users.GetUserAsync(user).ConfigureAwait(false);
        if (account is null)
        {
            return Problems.NotFound("The account");
        }

        var body = account.BodyId is { } id ? await db.Bodies.Where(b => b.Id == id).Select(b => b.Code).SingleAsync(ct).ConfigureAwait(false) : null;
        return TypedResults.Ok(View(account, body));
    }

    /// <summary>The account as its owner and administrators see it.</summary>
    public static AccountView View(Account a, string? bodyCode) =>
        new(a.Id, a.Email!, a.DisplayName, a.Role, bodyCode, a.RegistrantType, a.Identifier, a.RegionCode, a.IdentityVerification);
}
