namespace DataIp.Web.Features.Accounts;

/// <summary>The administrators' API on accounts: the list, staff accounts, roles, disabling and enabling (<see cref="AccountAdministration"/>).</summary>
internal static class AccountAdministrationEndpoints
{
    public static void MapAccountAdministration(this RouteGroupBuilder accounts)
    {
        accounts.MapGet("/", ListAsync).RequireAuthorization(Policies.Administrator)
            .WithName("ListAccounts").WithSummary(
                "Accounts, in e-mail order, a page at a time: optionally by role, bodyCode, status (active, disabled) and identityVerification (claimed, verified, refused: applicants only); "
                + "page from 1, pageSize 1–200 (50). Administrators: a national one sees every account, a body administrator its body's staff and its region's applicants.");
        accounts.MapPost("/staff", CreateStaffAsync).RequireAuthorization(Policies.Administrator)
            .WithName("CreateStaffAccount").WithSummary("Create an examiner, administrator or pledgee account (administrators; a body administrator only for its own body). Recorded as a createAccount act.");
        accounts.MapPut("/{id:guid}/role", ChangeRoleAsync).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ChangeAccountRole").WithSummary(
                "Give a staff account another role (examiner, administrator, pledgee) or body, with a reason (administrators who administer the account; never one's own; an applicant never becomes staff). "
                + "Recorded as a changeAccountRole act; what the account was signed in with is refused from then on.");
        accounts.MapPost("/{id:guid}/disable", DisableAsync).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DisableAccount").WithSummary(
                "Disable an account, with a reason (administrators who administer it; never one's own): signed out everywhere at once, and sign-in refused until it is enabled. Recorded as a disableAccount act.");
        accounts.MapPost("/{id:guid}/enable", EnableAsync).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnableAccount").WithSummary("Enable a disabled account, with a reason (administrators who administer it; never one's own). Recorded as an enableAccount act.");
    }

    private static async Task<Results<Ok<AccountPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? role, string? bodyCode, string? status, string? identityVerification, int? page, int? pageSize, ClaimsPrincipal user, RegistryDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var roleFilter = Parse<AccountRole>(role, "role", errors);
        var statusFilter = Parse<AccountStatus>(status, "status", errors);
        var verification = Parse<IdentityVerification>(identityVerification, "identityVerification", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var filter = new AccountFilter(roleFilter, bodyCode, statusFilter, verification, page ?? 1, pageSize ?? AccountList.DefaultPageSize);
        var (accounts, refusal) = await AccountList.ReadAsync(db, ActingParty.From(user), filter, ct).ConfigureAwait(false);
        return accounts is not null ? TypedResults.Ok(accounts) : refusal!.ToProblem().AnswerFor<Ok<AccountPage>>();
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (QueryValues.TryParseEnum<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [QueryValues.EnumChoices<T>(field)];
        return null;
    }

    private static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateStaffAsync(
        CreateAccountRequest request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct)
    {
        var outcome = await accounts.CreateStaffAsync(request, ActingParty.From(user), ct).ConfigureAwait(false);
        return outcome.Account is { } account
            ? TypedResults.Created("/api/v1/accounts/me", AccountEndpoints.View(account, outcome.BodyCode))
            : outcome.Refusal!.ToProblem().AnswerFor<Created<AccountView>>();
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid id, ChangeRoleRequest request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
        Answer(await accounts.ChangeRoleAsync(id, request, ActingParty.From(user), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> DisableAsync(
        Guid id, AccountReasonRequest request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
        Answer(await accounts.DisableAsync(id, request, ActingParty.From(user), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> EnableAsync(
        Guid id, AccountReasonRequest request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
        Answer(await accounts.EnableAsync(id, request, ActingParty.From(user), ct).ConfigureAwait(false));

    private static Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult> Answer(AccountOutcome outcome) => outcome.Account is { } account
        ? TypedResults.Ok(AccountEndpoints.View(account, outcome.BodyCode))
        : outcome.Refusal!.ToProblem().AnswerFor<Ok<AccountView>>();
}
