using DataIp.Web.Features.Examination;
using DataIp.Web.Features.Objections;

namespace DataIp.Web.Pages.Applications;

/// <summary>
/// One application as its applicant and its body's staff see it (the rule of
/// <c>GET /api/v1/applications/{id}</c>): where it stands, its numbers and dates, what it claims,
/// every act on it with who did it, when and why, and a form for each act the viewer may take now.
/// Anyone else gets the 404 page, as the API answers, so that a stranger cannot tell it exists.
/// </summary>
/// <remarks>
/// The acts offered are the lifecycle table's (<see cref="Lifecycle.AvailableTriggers"/>) for the
/// viewer's relations to the case whose guards hold now (<see cref="Lifecycle.Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/>); a posted act runs through the same <see cref="ActPipeline"/> and
/// use case as its API endpoint, and a refusal is shown as the form's error.
/// </remarks>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailModel(RegistryDbContext db, ActPipeline acts, TimeProvider clock, Features.Evidence.EvidenceService evidence) : PageModel
{
    // The acts this page offers, with whether each takes a reason; the others have pages of their own
    // (objections, rights) or are the system's (a lapse).
    private static readonly Dictionary<LifecycleTrigger, ReasonNeed> Offered = new()
    {
        [LifecycleTrigger.Submit] = ReasonNeed.None,
        [LifecycleTrigger.Resubmit] = ReasonNeed.Optional,
        [LifecycleTrigger.StartExamination] = ReasonNeed.None,
        [LifecycleTrigger.PassFormalExamination] = ReasonNeed.Optional,
        [LifecycleTrigger.PassSubstantiveExamination] = ReasonNeed.Optional,
        [LifecycleTrigger.RequestCorrection] = ReasonNeed.Required,
        [LifecycleTrigger.Reject] = ReasonNeed.Required,
        [LifecycleTrigger.Register] = ReasonNeed.None,
        [LifecycleTrigger.Revoke] = ReasonNeed.Required,
        [LifecycleTrigger.ReissueCertificate] = ReasonNeed.Required,
        [LifecycleTrigger.Withdraw] = ReasonNeed.Optional,
    };

    // The rulings on one objection, offered beside it.
    private static readonly LifecycleTrigger[] Rulings = [LifecycleTrigger.UpholdObjection, LifecycleTrigger.DismissObjection];

    /// <summary>The application.</summary>
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>The body's name in the page's language.</summary>
    public string BodyName { get; private set; } = "";

    /// <summary>The acts on it, oldest first, as the reader may read them.</summary>
    public IReadOnlyList<ActView> Acts { get; private set; } = [];

    /// <summary>The acts the viewer may take now, in the table's order.</summary>
    public IReadOnlyList<PageAct> Actions { get; private set; } = [];

    /// <summary>The act posted, kept with its reason when it was refused.</summary>
    [BindProperty]
    public LifecycleTrigger? Trigger { get; set; }

    /// <summary>The reason typed with the act posted.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The objection a ruling posted is on.</summary>
    [BindProperty]
    public Guid? ObjectionId { get; set; }

    /// <summary>The objections to the application, for its body's staff (with the objectors' contacts); none for anyone else.</summary>
    public IReadOnlyList<ObjectionRow> Objections { get; private set; } = [];

    /// <summary>The rulings the viewer may make on an open objection now.</summary>
    public IReadOnlyList<LifecycleTrigger> RulingsOffered { get; private set; } = [];

    /// <summary>The attachments, the evidence, and for the body's staff the overlaps and the checklist.</summary>
    public ExaminationFile Examination { get; private set; } = null!;

    /// <summary>Whether the viewer is the application's applicant, who edits a draft or a correction on its task list (Pages/Drafts).</summary>
    public bool IsOwnApplicant { get; private set; }

    /// <summary>The form's errors, each linking to the act's reason box (or its button).</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct).ConfigureAwait(false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var ruling = Trigger is { } t && Rulings.Contains(t);
        if (ruling && Objections.All(o => o.Id != ObjectionId))
        {
            return NotFound(); // not an objection to this application, or one the viewer may not see
        }

        if (Trigger is not { } trigger || UseCase(trigger, ObjectionId) is not { } useCase)
        {
            return Refused(StatusCodes.Status400BadRequest, "trigger", Text.Get("Error.400.Text"));
        }

        var fieldId = ruling ? FieldId(trigger, ObjectionId) : FieldId(trigger);
        if ((ruling || Offered[trigger] == ReasonNeed.Required) && reason is null)
        {
            return Refused(StatusCodes.Status400BadRequest, fieldId, Text.Get($"Action.{trigger}.Missing"));
        }

        var outcome = await acts.RunAsync(id, ActingParty.From(User), useCase, reason, ct).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            // A refused act wrote nothing: the page as loaded above is the record as stored.
            return Refused(refusal.Status(), fieldId, RefusalText.Sentence(refusal));
        }

        return Redirect($"/applications/{id}/done/{outcome.Act!.Id}");
    }

    /// <summary>The id of the field an act's error links to: its reason box, or its button (a ruling's: on its objection).</summary>
    public static string FieldId(LifecycleTrigger trigger, Guid? objectionId = null) =>
        objectionId is { } objection ? $"act-{trigger}-{objection:N}" : $"act-{trigger}";

    private PageResult Refused(int status, string fieldId, string message)
    {
        Errors = [new FieldError(fieldId, message)];
        Response.StatusCode = status;
        return Page();
    }

    private static IActUseCase? UseCase(LifecycleTrigger trigger, Guid? objectionId) => trigger switch
    {
        LifecycleTrigger.UpholdObjection or LifecycleTrigger.DismissObjection when objectionId is { } objection =>
            new RuleObjection(objection, upheld: trigger == LifecycleTrigger.UpholdObjection),
        LifecycleTrigger.Submit => new Submit(),
        LifecycleTrigger.Resubmit => new Resubmit(),
        LifecycleTrigger.StartExamination => new StartExamination(),
        LifecycleTrigger.PassFormalExamination or LifecycleTrigger.PassSubstantiveExamination => new PassExamination(),
        LifecycleTrigger.RequestCorrection => new RequestCorrection(),
        LifecycleTrigger.Reject => new Reject(),
        LifecycleTrigger.Register => new Register(),
        LifecycleTrigger.Revoke => new Revoke(),
        LifecycleTrigger.ReissueCertificate => new ReissueCertificate(),
        LifecycleTrigger.Withdraw => new Withdraw(),
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        var party = ActingParty.From(User);
        if (record is null || ApplicationAccess.ReaderOf(party, record) is not { } reader)
        {
            return false;
        }

        Application = ApplicationView.Of(record);
        IsOwnApplicant = reader == Disclosure.Parties;
        BodyName = Text.InEnglish ? record.Body.NameEn : record.Body.Name;
        var stored = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync(ct).ConfigureAwait(false);
        Acts = [.. stored.Select(a => ActView.Of(a, reader))];
        var relations = Relations.Of(party.Party, new CaseParties(record.ApplicantId, record.BodyId, []));
        // The table's rows for the viewer's relations whose guards hold now: no button for an act that would be refused.
        var openObjections = await db.Objections.CountAsync(o => o.ApplicationId == id && o.Status == ObjectionStatus.Open, ct).ConfigureAwait(false);
        var facts = ActPipeline.TransitionOf(record, clock.GetUtcNow(), openObjections);
        var available = relations.SelectMany(r => Lifecycle.AvailableTriggers(record.State, r)).Distinct()
            .Where(t => Lifecycle.Decide(record.State, t, relations, facts).IsAllowed)
            .ToList();
        Actions = [.. available.Where(Offered.ContainsKey).Select(t => new PageAct(t, Offered[t]))];
        RulingsOffered = [.. available.Where(Rulings.Contains)];
        Examination = await ExaminationFile.ReadAsync(db, evidence, record, reader == Disclosure.BodyStaff, Domain.Calendar.ChinaTime.ToChinaDate(clock.GetUtcNow()), ct).ConfigureAwait(false);
        if (reader == Disclosure.BodyStaff)
        {
            var objections = await db.Objections.AsNoTracking().Where(o => o.ApplicationId == id).OrderBy(o => o.FiledAt).ToListAsync(ct).ConfigureAwait(false);
            var ids = objections.Select(o => o.Id).ToList();
            var files = await db.Attachments.AsNoTracking().Where(f => f.ObjectionId != null && ids.Contains(f.ObjectionId.Value))
                .Select(f => new { f.ObjectionId, f.FileName }).ToListAsync(ct).ConfigureAwait(false);
            Objections = [.. objections.Select(o => new ObjectionRow(o.Id, o.FiledAt, o.ObjectorName, o.ObjectorContact, o.Grounds, o.Status,
                [.. files.Where(f => f.ObjectionId == o.Id).Select(f => f.FileName)]))];
        }

        return true;
    }
}

/// <summary>An objection as the body's staff read it on the application's page.</summary>
public sealed record ObjectionRow(
    Guid Id, DateTimeOffset FiledAt, string ObjectorName, string ObjectorContact, string Grounds, ObjectionStatus Status, IReadOnlyList<string> Evidence);

/// <summary>Whether an act asks for a reason.</summary>
public enum ReasonNeed
{
    /// <summary>No reason is asked for.</summary>
    None,

    /// <summary>A reason may be given.</summary>
    Optional,

    /// <summary>A reason must be given (it is shown to the applicant or published).</summary>
    Required,
}

/// <summary>An act a page offers: its trigger and whether it asks for a reason.</summary>
/// <param name="Trigger">The lifecycle trigger.</param>
/// <param name="Reason">Whether it asks for a reason.</param>
public sealed record PageAct(LifecycleTrigger Trigger, ReasonNeed Reason)
{
    /// <summary>Acts that end or refuse something, shown as such.</summary>
    public bool IsWarning => Trigger is LifecycleTrigger.Reject or LifecycleTrigger.Withdraw or LifecycleTrigger.Revoke;
}
