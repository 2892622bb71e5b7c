using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights.Changes;
using DataIp.Web.Features.Rights.Licences;
using DataIp.Web.Features.Rights.Pledges;
using DataIp.Web.Features.Rights.Transfers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using CancelAct = DataIp.Web.Features.Rights.Cancel;
using RenewAct = DataIp.Web.Features.Rights.Renew;

namespace DataIp.Web.Pages.Registrations;

/// <summary>
/// A registration's record (anyone): its public particulars, legal status, certificates and public
/// acts, as <c>GET /api/v1/registrations/{n}</c>, <c>/status</c> and the log show them; its
/// parties also see the register of rights as <c>/rights</c> shows it to them. Below, a form for
/// each act the viewer may take now (<see cref="RegistrationRecord.Offered"/>): a posted act runs
/// the API's use case through the same <see cref="ActPipeline"/>, a refusal is the form's error,
/// and success leads to a confirmation page.
/// </summary>
/// <remarks>Revocation and re-issue of the certificate are on the application's page, which this one links to for its applicant and the body's staff.</remarks>
[AllowAnonymous]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody)]
public sealed class DetailModel(
    RegistryDbContext db, CertificateService certificates, ActPipeline acts, CourtOrderRelease courtOrders, PublicAddress address,
    IOptions<PlatformOptions> options, TimeProvider clock) : PageModel
{
    // A court order of the largest size a document may have (AttachmentPolicy: 20 MiB), and the form's text.
    private const long MaxBody = (20L << 20) + (1 << 20);

    // Each form's fields by the names the use cases' refusals give them; the first is where a refusal of the whole act links to.
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["licence"] = ["licenseeName", "licenseeIdentifier", "kind", "rights", "scope", "territory", "startsOn", "endsOn"],
        ["pledge"] = ["pledgeeEmail", "contractNumber", "securedAmount", "currency", "startsOn", "endsOn", "rights"],
        ["transfer"] = ["transfereeEmail", "share", "reason"],
        ["change"] = ["dataName", "applicationScenarios", "updateFrequency", "holderName", "reason"],
        ["renew"] = ["submit"],
        ["cancel"] = ["reason"],
    };

    /// <summary>The registration as the viewer may read it, with the acts offered.</summary>
    public RegistrationRecord Record { get; private set; } = null!;

    [BindProperty]
    public LicenceForm NewLicence { get; set; } = new();

    [BindProperty]
    public PledgeForm Pledge { get; set; } = new();

    [BindProperty]
    public TransferForm Transfer { get; set; } = new();

    [BindProperty]
    public ChangeForm Change { get; set; } = new();

    /// <summary>An examiner's release of a pledge on a court order.</summary>
    [BindProperty]
    public CourtOrderForm Release { get; set; } = new();

    /// <summary>The reason typed with a cancellation or a decision on a transfer or change.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The act posted on a transfer or change request.</summary>
    [BindProperty]
    public LifecycleTrigger? Trigger { get; set; }

    /// <summary>The transfer's number or the change request's id it is on.</summary>
    [BindProperty]
    public string? Item { get; set; }

    /// <summary>The form posted (licence, pledge, …), kept open with its values after a refusal.</summary>
    public string? Posted { get; private set; }

    /// <summary>The form's errors, each linking to its field.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The id of the reason box or button of an act on a transfer or change request.</summary>
    public static string ItemFieldId(LifecycleTrigger trigger, string item) => $"item-{trigger}-{item}";

    /// <summary>A changed particular as the page shows it: a list one item after another, an update frequency by its name.</summary>
    public static string ChangeValue(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Array => string.Join(Text.Get("Common.Separator"), value.EnumerateArray().Select(e => e.ToString())),
        System.Text.Json.JsonValueKind.Number when Enum.IsDefined((UpdateFrequency)value.GetInt32()) => Text.Get("Rights.Frequency." + (UpdateFrequency)value.GetInt32()),
        System.Text.Json.JsonValueKind.String when Enum.TryParse<UpdateFrequency>(value.GetString(), ignoreCase: true, out var frequency) && Enum.IsDefined(frequency)
            => Text.Get("Rights.Frequency." + frequency),
        _ => value.ToString(),
    };

    /// <summary>The page, or the same record as JSON for a request that accepts JSON and not HTML (docs/public.md).</summary>
    public async Task<IActionResult> OnGetAsync(string registrationNumber, CancellationToken ct)
    {
        Response.Headers.Vary = "Accept";
        if (!await LoadAsync(registrationNumber, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        return WantsJson(Request) ? new JsonResult(Record.Public, PublicRecord.Json) : Page();
    }

    /// <summary>Whether the request asks for JSON rather than HTML: an <c>Accept</c> naming application/json above any HTML.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = Quality("application/json");
        return json > 0 && json > Math.Max(Quality("text/html"), Quality("*/*"));
    }

    public Task<IActionResult> OnPostLicenceAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "licence", errors => Task.FromResult<IActUseCase?>(new RecordLicence(NewLicence.Request(errors))), null, ct);

    public Task<IActionResult> OnPostPledgeAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "pledge", async errors =>
        {
            var bank = await RightsForms.AccountAsync(db, Pledge.PledgeeEmail, AccountRole.Pledgee, RightsForms.FieldId("pledge", "pledgeeEmail"),
                "Rights.pledge.BankMissing", "Rights.pledge.BankUnknown", errors, ct).ConfigureAwait(false);
            return new FilePledge(Pledge.Request(bank, errors));
        }, null, ct);

    public Task<IActionResult> OnPostTransferAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "transfer", async errors =>
        {
            var transferee = await RightsForms.AccountAsync(db, Transfer.TransfereeEmail, AccountRole.Applicant, RightsForms.FieldId("transfer", "transfereeEmail"),
                "Rights.transfer.TransfereeMissing", "Rights.transfer.TransfereeUnknown", errors, ct).ConfigureAwait(false);
            return new ProposeTransfer(Transfer.Request(transferee, errors));
        }, Transfer.Reason, ct);

    public Task<IActionResult> OnPostChangeAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "change", _ => Task.FromResult<IActUseCase?>(new RequestChange(Change.Request())), Change.Reason, ct);

    public Task<IActionResult> OnPostRenewAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "renew", _ => Task.FromResult<IActUseCase?>(new RenewAct()), null, ct);

    public Task<IActionResult> OnPostCancelAsync(string registrationNumber, CancellationToken ct) =>
        RunAsync(registrationNumber, "cancel", errors => Task.FromResult<IActUseCase?>(Required(errors, "cancel-reason", "Rights.cancel.Missing") ? new CancelAct() : null), Reason, ct);

    public Task<IActionResult> OnPostItemAsync(string registrationNumber, CancellationToken ct)
    {
        var item = Item?.Trim() ?? "";
        var fieldId = Trigger is { } t ? ItemFieldId(t, item) : "item";
        return RunAsync(registrationNumber, fieldId, errors => Task.FromResult<IActUseCase?>(Trigger switch
        {
            LifecycleTrigger.AcceptTransfer => new AcceptTransfer(item),
            LifecycleTrigger.DeclineTransfer => new DeclineTransfer(item),
            LifecycleTrigger.ApproveChange when Guid.TryParse(item, out var id) => new ApproveChange(id),
            LifecycleTrigger.RefuseChange when Guid.TryParse(item, out var id) => Required(errors, fieldId, "Rights.RefuseChange.Missing") ? new RefuseChange(id) : null,
            _ => null,
        }), Reason, ct);
    }

    // An examiner of the body, on a court order (the API's multipart release): the order is stored only for a release the page offers this viewer.
    public Task<IActionResult> OnPostReleaseAsync(string registrationNumber, CancellationToken ct)
    {
        var pledge = Release.Pledge?.Trim() ?? "";
        return ActAsync(registrationNumber, CourtOrderForm.FormOf(pledge), errors => Task.FromResult(Make(errors)), ct);

        Func<Task<ActOutcome>>? Make(List<FieldError> errors)
        {
            if (!Record.CourtOrderReleases.Contains(pledge))
            {
                // Refused before anything is stored; the pipeline would refuse it too (a pledgee releases from its desk, without a court order).
                return () => Task.FromResult<ActOutcome>(Refusal.NotPermitted(RefusalKey.ReleaseNotOffered));
            }

            var order = Release.Check(pledge, Reason, errors);
            return order is null ? null : () => courtOrders.ReleaseAsync(registrationNumber, pledge, Release.Particulars, order, Reason!.Trim(), ActingParty.From(User), ct);
        }
    }

    private bool Required(List<FieldError> errors, string fieldId, string key)
    {
        if (!string.IsNullOrWhiteSpace(Reason))
        {
            return true;
        }

        errors.Add(new FieldError(fieldId, Text.Get(key)));
        return false;
    }

    // The page's own checks, then the API's use case through the pipeline.
    private Task<IActionResult> RunAsync(
        string registrationNumber, string form, Func<List<FieldError>, Task<IActUseCase?>> make, string? reason, CancellationToken ct) =>
        ActAsync(registrationNumber, form, async errors => await make(errors).ConfigureAwait(false) is { } useCase
            ? () => acts.RunOnRegistrationAsync(registrationNumber, ActingParty.From(User), useCase, reason, ct)
            : null, ct);

    // A refusal wrote nothing, so the page as loaded is the record as stored.
    private async Task<IActionResult> ActAsync(
        string registrationNumber, string form, Func<List<FieldError>, Task<Func<Task<ActOutcome>>?>> make, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(registrationNumber, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        Posted = form;
        var errors = new List<FieldError>();
        var run = await make(errors).ConfigureAwait(false);
        if (errors.Count > 0 || run is null)
        {
            return Refused(StatusCodes.Status400BadRequest, errors.Count > 0 ? errors : [new FieldError(FieldOf(form, null), Text.Get("Error.400.Text"))]);
        }

        var outcome = await run().ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            // A refusal naming several fields (a court order's number, court and date) puts each message beside its field.
            return Refused(refusal.Status(), refusal.Fields is { Count: > 1 } fields
                ? [.. fields.SelectMany(f => f.Value.Select(m => new FieldError(FieldOf(form, f.Key), RefusalText.Sentence(m))))]
                : [new FieldError(FieldOf(form, refusal.Fields?.Keys.FirstOrDefault()), RefusalText.Sentence(refusal))]);
        }

        return Redirect($"/registrations/{Uri.EscapeDataString(registrationNumber)}/done/{outcome.Act!.Id}");
    }

    // The field a refusal names, in the form's words (the API names accounts by id, the page by e-mail).
    private static string FieldOf(string form, string? key)
    {
        if (CourtOrderForm.PledgeOf(form) is { } pledge)
        {
            return CourtOrderForm.FieldId(pledge, key switch
            {
                CourtOrderRelease.OrderField => "order",
                "courtName" => "court",
                "courtOrderDate" => "date",
                "reason" => "reason",
                _ => "number",
            });
        }

        if (!Fields.TryGetValue(form, out var fields))
        {
            return form; // an act on a transfer or change: its reason box or button
        }

        var field = key switch
        {
            "pledgeeAccountId" => "pledgeeEmail",
            "transfereeAccountId" => "transfereeEmail",
            _ => key,
        };
        return RightsForms.FieldId(form, field is not null && fields.Contains(field) ? field : fields[0]);
    }

    private PageResult Refused(int status, IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string registrationNumber, CancellationToken ct)
    {
        var record = await RegistrationRecord.ReadAsync(db, certificates, registrationNumber, ActingParty.From(User), clock.GetUtcNow(),
            address.Current, options.Value.OpenData.Licence, ct).ConfigureAwait(false);
        if (record is null)
        {
            return false;
        }

        Record = record;
        return true;
    }
}

/// <summary>The form of one act on a transfer or change request (Pages/Registrations/_ItemAct.cshtml).</summary>
/// <param name="Page">The page, with what was posted and its errors.</param>
/// <param name="Trigger">The act.</param>
/// <param name="Item">The transfer's number or the change request's id.</param>
public sealed record ItemActForm(DetailModel Page, LifecycleTrigger Trigger, string Item)
{
    /// <summary>The id of its reason box or button.</summary>
    public string FieldId => DetailModel.ItemFieldId(Trigger, Item);

    /// <summary>Whether it asks for a reason: accepting no, refusing a change yes (the reasons are public), the others may give one.</summary>
    public Applications.ReasonNeed Reason => Trigger switch
    {
        LifecycleTrigger.AcceptTransfer => Applications.ReasonNeed.None,
        LifecycleTrigger.RefuseChange => Applications.ReasonNeed.Required,
        _ => Applications.ReasonNeed.Optional,
    };

    /// <summary>Acts that end something, shown as such.</summary>
    public bool IsWarning => Trigger is LifecycleTrigger.DeclineTransfer or LifecycleTrigger.RefuseChange;
}

/// <summary>The court-order release form of one registered pledge (Pages/Registrations/_CourtOrderRelease.cshtml).</summary>
/// <param name="Page">The page, with what was posted and its errors.</param>
/// <param name="Pledge">The pledge's number.</param>
public sealed record CourtOrderReleaseForm(DetailModel Page, string Pledge);
