using DataIp.Domain.Numbering;
using Microsoft.AspNetCore.Identity;

namespace DataIp.Web.Features.Accounts;

/// <summary>An applicant signing up: an organisation with its credit code, or a natural person with an ID number.</summary>
public sealed record RegisterApplicantRequest(string? Email, string? Password, string? DisplayName, RegistrantType? RegistrantType, string? Identifier, string? RegionCode);

/// <summary>An account as shown to its owner and administrators.</summary>
public sealed record AccountView(
    Guid Id, string Email, string DisplayName, AccountRole Role, string? BodyCode, RegistrantType? RegistrantType, string? Identifier, string? RegionCode,
    IdentityVerification? IdentityVerification, AccountStatus Status);

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
        accounts.MapAccountAdministration();
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
        var created = await AccountCreation.CreateAsync(users, db, clock, self, account, request.Password, bodyCode: null).ConfigureAwait(false);
        // A taken address is answered as a free one (no enumeration); bad input is still a 400.
        return created.Refusal is { Code: RefusalCode.Invalid } invalid
            ? Problems.Validation(new Dictionary<string, string[]>(invalid.Errors!), invalid.Detail)
            : TypedResults.Accepted((string?)null, new SignUpAccepted(SignUpDetail));
    }

    private static string? IdentifierError(RegistrantType type, string? identifier) => type == RegistrantType.NaturalPerson
        ? ResidentIdNumber.Validate(identifier).Error
        : UnifiedSocialCreditCode.Validate(identifier).Error;

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
        new(a.Id, a.Email!, a.DisplayName, a.Role, bodyCode, a.RegistrantType, a.Identifier, a.RegionCode, a.IdentityVerification,
            AccountAdministration.IsDisabled(a) ? AccountStatus.Disabled : AccountStatus.Active);
}
