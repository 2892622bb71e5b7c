using System.Globalization;
using System.Text.RegularExpressions;
using DataIp.Domain.Calendar;

namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// What the draft pages share: the application as its applicant may edit it (anyone else gets 404,
/// as the API answers), the submission-mode problems of its content, and the validator's problems
/// as form errors linking to the field they are about.
/// </summary>
public static partial class DraftCase
{
    // Field names the pages have a label for (Draft.Field.<name>); a problem about any other member names its section.
    private static readonly HashSet<string> Labelled =
    [
        "name", "registrantType", "creditCode", "idNumber", "regionCode", "address", "contact", "person", "phone", "email",
        "powerOfAttorneyAttachmentId", "dataName", "industryCode", "applicationScenarios", "dataSourceType", "dataSourceDescription",
        "sourceProofAttachmentIds", "processingRules", "innovationStatement", "dataFormat", "structure", "type", "description",
        "records", "bytes", "updateFrequency", "productSummary", "sampleAttachmentIds", "fingerprint", "evidenceReference",
        "rightsClaimed", "basis", "agreementReference", "agreementEndDate", "lawfulSource", "authenticity", "personalInformation",
    ];

    /// <summary>
    /// The application if <paramref name="user"/> is its applicant; null for anyone else, who is
    /// answered 404 so that a stranger cannot tell it exists (a draft is its applicant's own).
    /// </summary>
    public static async Task<ApplicationRecord?> LoadAsync(RegistryDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = await db.Applications.AsNoTracking().Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        return record is not null && ApplicationAccess.ReaderOf(ActingParty.From(user), record) == Disclosure.Parties ? record : null;
    }

    /// <summary>Whether the content may be changed now: a draft, or an application whose correction is requested.</summary>
    public static bool IsEditable(ApplicationRecord application) =>
        application?.State is ApplicationState.Draft or ApplicationState.CorrectionRequested;

    /// <summary>Today's validation options in China, as <see cref="DraftService"/> and the submission use their own.</summary>
    public static ApplicationValidationOptions Options(TimeProvider clock) =>
        Submission.ValidationOptions(ChinaTime.ToChinaDate((clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow()));

    /// <summary>What a submission would refuse in the content now.</summary>
    public static IReadOnlyList<ContentProblem> Problems(ApplicationContent content, TimeProvider clock) =>
        ApplicationContentValidator.Problems(content, ValidationMode.Submission, Options(clock));

    /// <summary>The validator's problems as form errors, in its order, each linking to its field on the section's page.</summary>
    public static IReadOnlyList<FieldError> Errors(IEnumerable<ContentProblem> problems, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [.. problems.Select(p => new FieldError(FieldId(p.Path, content), ContentText.Sentence(p)))];
    }

    /// <summary>
    /// A use case's refusal of the content as form errors: each field's problem worded by the page,
    /// any other message as the refusal words it.
    /// </summary>
    public static IReadOnlyList<FieldError> Errors(IReadOnlyDictionary<string, RefusalMessage[]> fields, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. fields.SelectMany(f => f.Value.Select(m => new FieldError(FieldId(m.Problem?.Path ?? f.Key, content), RefusalText.ForPage(m))))];
    }

    /// <summary>
    /// The HTML id of the field a validator path is about on its section's page:
    /// <c>applicant.contact.phone</c> → <c>applicant-contact-phone</c>; a right's by the right it claims;
    /// a whole group's by its first field.
    /// </summary>
    public static string FieldId(string path, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var p = path.StartsWith("content.", StringComparison.Ordinal) ? path["content.".Length..] : path;
        if (RightPath().Match(p) is { Success: true } right)
        {
            var index = int.Parse(right.Groups[1].Value, CultureInfo.InvariantCulture);
            var claimed = index < content.RightsClaimed.Count ? content.RightsClaimed[index].Right : null;
            var member = right.Groups[2].Success ? right.Groups[2].Value : "basis";
            return $"rights-{claimed ?? DataRight.Holding}-{(member == "right" ? "claimed" : member)}";
        }

        return p switch
        {
            "applicant" => "applicant-name",
            "applicant.contact" => "applicant-contact-person",
            "applicant.coApplicants" => "applicant-coApplicants-0-name",
            "applicant.agent.powerOfAttorneyAttachmentId" => "agent-file",
            "dataObject" => "dataObject-dataName",
            "dataObject.structure" => "dataObject-structure-0-name",
            "dataObject.scale" => "dataObject-scale-records",
            "rightsClaimed" => "rights-Holding-claimed",
            "declarations" => "declarations-lawfulSource",
            _ when p.StartsWith("dataObject.applicationScenarios", StringComparison.Ordinal) => "scenarios",
            _ when p.StartsWith("dataObject.sourceProofAttachmentIds", StringComparison.Ordinal) => "source-file",
            _ when p.StartsWith("dataObject.sampleAttachmentIds", StringComparison.Ordinal) => "sample-file",
            _ when p == "evidence" || p.StartsWith("evidence.fingerprint", StringComparison.Ordinal) => "evidence-manifest",
            _ => p.Replace(".", "-", StringComparison.Ordinal).Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal),
        };
    }

    /// <summary>The name of the field a path is about, numbered when it is in a list ("字段名称（第 2 行）").</summary>
    public static string Label(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.StartsWith("content.", StringComparison.Ordinal) ? path["content.".Length..] : path;
        var leaf = p.StartsWith("evidence.fingerprint", StringComparison.Ordinal) ? "fingerprint" : Index().Replace(p[(p.LastIndexOf('.') + 1)..], "");
        var label = Labelled.Contains(leaf) ? Text.Get($"Draft.Field.{leaf}") : Text.Get($"Draft.Section.{DraftSections.Of(p)}");
        return Index().Match(p) is { Success: true } row && !p.StartsWith("rightsClaimed", StringComparison.Ordinal)
            ? Text.Format("Draft.Field.Row", label, int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture) + 1)
            : label;
    }

    [GeneratedRegex(@"^rightsClaimed\[(\d+)\](?:\.(\w+))?")]
    private static partial Regex RightPath();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
