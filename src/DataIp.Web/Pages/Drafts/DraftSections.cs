namespace DataIp.Web.Pages.Drafts;

/// <summary>The sections of an application's task list, in the order the list shows them (DOMAIN §6).</summary>
public enum DraftSection
{
    /// <summary>Who applies: name, identifier, type, region, address, contact.</summary>
    Applicant,

    /// <summary>Parties applying jointly (optional).</summary>
    CoApplicants,

    /// <summary>An agent with a power of attorney (optional).</summary>
    Agent,

    /// <summary>What the data is: name, industry, format, structure, scale, frequency, rules, statements.</summary>
    Description,

    /// <summary>Where the data comes from, with proof documents.</summary>
    Source,

    /// <summary>What the data is used for.</summary>
    Scenarios,

    /// <summary>The rights claimed, each with its basis.</summary>
    Rights,

    /// <summary>The fingerprint, the evidence reference and sample data.</summary>
    Evidence,

    /// <summary>The applicant's declarations.</summary>
    Declarations,
}

/// <summary>Where a section of the task list stands (GOV.UK task list statuses).</summary>
public enum SectionStatus
{
    /// <summary>Nothing of it is filled in.</summary>
    NotStarted,

    /// <summary>Something is filled in, and a submission would still find a problem in it.</summary>
    InProgress,

    /// <summary>Filled in, and a submission would find no problem in it.</summary>
    Completed,

    /// <summary>An optional section left empty.</summary>
    Optional,
}

/// <summary>
/// Which fields belong to which section, and where each section stands: a section's status is read
/// from what is filled in and from the problems <see cref="ApplicationContentValidator"/> reports for
/// its fields in submission mode, so that "completed" means the submission will not be refused for it.
/// </summary>
public static class DraftSections
{
    /// <summary>Every section in the task list's order.</summary>
    public static IReadOnlyList<DraftSection> All { get; } = Enum.GetValues<DraftSection>();

    /// <summary>The section's segment in its page's address (/applications/{id}/draft/{slug}).</summary>
    public static string Slug(DraftSection section) => section switch
    {
        DraftSection.CoApplicants => "co-applicants",
        _ => section.ToString().ToLowerInvariant(),
    };

    /// <summary>The section a page address names, or null.</summary>
    public static DraftSection? FromSlug(string? slug) => All.Where(s => Slug(s) == slug).Select(s => (DraftSection?)s).FirstOrDefault();

    /// <summary>Whether the applicant may leave the section empty.</summary>
    public static bool IsOptional(DraftSection section) => section is DraftSection.CoApplicants or DraftSection.Agent;

    /// <summary>The section a validator path (<c>applicant.contact.phone</c>, with or without a <c>content.</c> prefix) belongs to.</summary>
    public static DraftSection Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.StartsWith("content.", StringComparison.Ordinal) ? path["content.".Length..] : path;
        bool Under(string prefix) => p == prefix || p.StartsWith(prefix + ".", StringComparison.Ordinal) || p.StartsWith(prefix + "[", StringComparison.Ordinal);
        return p switch
        {
            _ when Under("applicant.coApplicants") => DraftSection.CoApplicants,
            _ when Under("applicant.agent") => DraftSection.Agent,
            _ when Under("applicant") => DraftSection.Applicant,
            _ when Under("dataObject.dataSourceType") || Under("dataObject.dataSourceDescription") || Under("dataObject.sourceProofAttachmentIds") => DraftSection.Source,
            _ when Under("dataObject.applicationScenarios") => DraftSection.Scenarios,
            _ when Under("dataObject.sampleAttachmentIds") || Under("evidence") => DraftSection.Evidence,
            _ when Under("rightsClaimed") => DraftSection.Rights,
            _ when Under("declarations") => DraftSection.Declarations,
            _ => DraftSection.Description,
        };
    }

    /// <summary>Whether anything of the section is filled in.</summary>
    public static bool IsFilled(DraftSection section, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var applicant = content.Applicant;
        var data = content.DataObject;
        return section switch
        {
            DraftSection.Applicant => applicant is not null && (Any(applicant.Name, applicant.CreditCode, applicant.IdNumber, applicant.RegionCode, applicant.Address)
                || applicant.RegistrantType is not null || applicant.Contact is not null),
            DraftSection.CoApplicants => applicant?.CoApplicants.Count > 0,
            DraftSection.Agent => applicant?.Agent is not null,
            DraftSection.Description => data is not null && (Any(data.DataName, data.IndustryCode, data.DataFormat, data.ProcessingRules, data.InnovationStatement, data.ProductSummary)
                || data.Structure.Count > 0 || data.Scale is not null || data.UpdateFrequency is not null),
            DraftSection.Source => data is not null && (data.DataSourceType is not null || Any(data.DataSourceDescription) || data.SourceProofAttachmentIds.Count > 0),
            DraftSection.Scenarios => data?.ApplicationScenarios.Count > 0,
            DraftSection.Rights => content.RightsClaimed.Count > 0,
            DraftSection.Evidence => content.Evidence is not null || data?.SampleAttachmentIds.Count > 0,
            DraftSection.Declarations => content.Declarations is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the task list."),
        };
    }

    /// <summary>The section's status, from what is filled in and the submission-mode problems (keyed by validator path).</summary>
    public static SectionStatus Status(DraftSection section, ApplicationContent content, IReadOnlyList<ContentProblem> submissionErrors)
    {
        ArgumentNullException.ThrowIfNull(submissionErrors);
        var problems = submissionErrors.Any(p => Of(p.Path) == section);
        return IsFilled(section, content) switch
        {
            false when IsOptional(section) => SectionStatus.Optional,
            false => SectionStatus.NotStarted,
            true when problems => SectionStatus.InProgress,
            true => SectionStatus.Completed,
        };
    }

    private static bool Any(params string?[] values) => values.Any(v => !string.IsNullOrWhiteSpace(v));
}
