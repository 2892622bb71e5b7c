using DataIp.Web.Features.Rights.Pledges;

namespace DataIp.Web.Pages.Bank;

/// <summary>
/// The bank's desk (a pledgee's start page): a box to find a registration's encumbrances by
/// registration or certificate number, and the bank's work: pledges filed by holders awaiting its
/// confirmation, transfers awaiting its consent, its registered pledges with a consent form and a
/// release form. Each act posts through the same <see cref="ActPipeline"/> and use case as its API
/// endpoint (<c>POST /api/v1/registrations/{n}/pledges/{p}/confirm | consents | release</c>); a
/// refusal is the form's error, and success ends on <c>/bank/done/{actId}</c>.
/// </summary>
/// <remarks>
/// Only a pledgee has a desk (anyone else is sent to the access-denied page); a pledge that is not
/// the bank's does not exist for its forms (404), as a stranger's case does in the API.
/// </remarks>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(RegistryDbContext db, ActPipeline acts, TimeProvider clock) : PageModel
{
    /// <summary>The number typed in the search box.</summary>
    [FromQuery(Name = "number")]
    public string? Number { get; set; }

    /// <summary>The registration found, as the bank may see it.</summary>
    public Encumbrances? Found { get; private set; }

    /// <summary>The bank's pledges filed or registered, oldest first.</summary>
    public IReadOnlyList<OwnPledge> Pledges { get; private set; } = [];

    /// <summary>Transfers awaiting the bank's consent.</summary>
    public IReadOnlyList<ConsentRequest> ConsentRequests { get; private set; } = [];

    /// <summary>The registration an act posted is on.</summary>
    [BindProperty]
    public string? RegistrationNumber { get; set; }

    /// <summary>The pledge an act posted is on.</summary>
    [BindProperty]
    public string? PledgeNumber { get; set; }

    /// <summary>What a consent posted is to.</summary>
    [BindProperty]
    public ConsentPurpose? Purpose { get; set; }

    /// <summary>The consent's reference: a transfer's number, or an exclusive licensee's name.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The reason given with a release.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The form's errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Whether the signed-in user has a bank's desk.</summary>
    public static bool IsFor(ClaimsPrincipal user) => user?.IsInRole(nameof(AccountRole.Pledgee)) == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsFor(User))
        {
            return Forbid();
        }

        await LoadWorkAsync(ct).ConfigureAwait(false);
        if (!Request.Query.ContainsKey("number"))
        {
            return Page();
        }

        var typed = (Number ?? "").Trim();
        var registration = typed.Length == 0 ? null : await PledgeeWork.RegistrationOfAsync(db, typed, ct).ConfigureAwait(false);
        Found = registration is null ? null
            : await PledgeeWork.EncumbrancesAsync(db, registration, ActingParty.From(User), clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (Found is null)
        {
            return Refused(typed.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound,
                "number", Text.Get(typed.Length == 0 ? "Bank.NumberMissing" : "Bank.NotFound"));
        }

        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        ActAsync(new ConfirmPledge(PledgeNumber ?? ""), null, ConfirmId(PledgeNumber), null, ct);

    public Task<IActionResult> OnPostConsentAsync(CancellationToken ct)
    {
        // A consent to a transfer offered (its own button, with "transfer" set) names the transfer; the general form a purpose.
        var fieldId = Request.Form.ContainsKey("transfer") ? ConsentId(PledgeNumber, Reference) : PurposeId(PledgeNumber);
        var invalid = Purpose is { } purpose && Enum.IsDefined(purpose) ? null : new FieldError(PurposeId(PledgeNumber), Text.Get("Bank.PurposeMissing"));
        return ActAsync(new ConsentToAct(PledgeNumber ?? "", new Features.Rights.Pledges.ConsentRequest(Purpose, Reference)), null, fieldId, invalid, ct);
    }

    // The pledgee releases as with JSON {reason} in the API (PledgeReleaseBody): no court order, the reason optional.
    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) =>
        ActAsync(new ReleasePledge(PledgeNumber ?? "", null), string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), ReleaseId(PledgeNumber), null, ct);

    /// <summary>The id of a filed pledge's confirm button.</summary>
    public static string ConfirmId(string? pledge) => $"confirm-{pledge}";

    /// <summary>The id of a registered pledge's consent purpose (its first choice).</summary>
    public static string PurposeId(string? pledge) => $"consent-purpose-{pledge}";

    /// <summary>The id of a registered pledge's consent reference box.</summary>
    public static string ReferenceId(string? pledge) => $"consent-reference-{pledge}";

    /// <summary>The id of the consent button for one transfer offered.</summary>
    public static string ConsentId(string? pledge, string? transfer) => $"consent-{pledge}-{transfer}";

    /// <summary>The id of a registered pledge's release reason box.</summary>
    public static string ReleaseId(string? pledge) => $"release-{pledge}";

    // Runs an act on one of the bank's pledges; a pledge of anyone else is not found (404).
    private async Task<IActionResult> ActAsync(IActUseCase useCase, string? reason, string fieldId, FieldError? invalid, CancellationToken ct)
    {
        if (!IsFor(User))
        {
            return Forbid();
        }

        var bank = ActingParty.From(User).AccountId;
        var ownPledge = await db.Pledges.AsNoTracking()
            .Join(db.Applications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.Number, p.PledgeeAccountId, a.RegistrationNumber })
            .AnyAsync(x => x.Number == PledgeNumber && x.RegistrationNumber == RegistrationNumber && x.PledgeeAccountId == bank, ct).ConfigureAwait(false);
        if (!ownPledge)
        {
            return NotFound();
        }

        await LoadWorkAsync(ct).ConfigureAwait(false);
        if (invalid is not null)
        {
            return Refused(StatusCodes.Status400BadRequest, invalid.FieldId, invalid.Message);
        }

        var outcome = await acts.RunOnRegistrationAsync(RegistrationNumber!, ActingParty.From(User), useCase, reason, ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            // A refused act wrote nothing: the work loaded above is the record as stored.
            var field = refusal.Fields?.Keys.FirstOrDefault() switch
            {
                "reference" => ReferenceId(PledgeNumber),
                "purpose" => PurposeId(PledgeNumber),
                _ => fieldId,
            };
            return Refused(refusal.Status(), field, RefusalText.Sentence(refusal));
        }

        return Redirect($"/bank/done/{outcome.Act!.Id}");
    }

    private PageResult Refused(int status, string fieldId, string message)
    {
        Errors = [new FieldError(fieldId, message)];
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadWorkAsync(CancellationToken ct)
    {
        var bank = ActingParty.From(User).AccountId!.Value;
        Pledges = await PledgeeWork.PledgesAsync(db, bank, ct).ConfigureAwait(false);
        ConsentRequests = await PledgeeWork.ConsentRequestsAsync(db, bank, null, ct).ConfigureAwait(false);
    }
}
