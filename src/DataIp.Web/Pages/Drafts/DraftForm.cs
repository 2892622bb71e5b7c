using System.Globalization;

namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// The answers of one section's page as typed, every one a string so that what was typed comes back
/// unchanged after a refusal. <see cref="Fill"/> reads them from a content; <see cref="Apply"/> writes
/// one section's answers into a content, refusing only what cannot be read at all (a number that is
/// not a number, a date that is not a date); every other rule is the validator's.
/// </summary>
public sealed class DraftForm
{
    /// <summary>Blank rows offered below the filled ones in a list (co-applicants, structure fields).</summary>
    public const int SpareRows = 2;

    /// <summary>The version of the application the page was read at; a save against another version is refused.</summary>
    public int Version { get; set; }

    public string? Name { get; set; }
    public string? RegistrantType { get; set; }
    public string? CreditCode { get; set; }
    public string? IdNumber { get; set; }
    public string? RegionCode { get; set; }
    public string? Address { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public List<PartyRow> CoApplicants { get; set; } = [];

    public string? AgentName { get; set; }
    public string? AgentCreditCode { get; set; }
    public string? AgentPerson { get; set; }
    public string? AgentPhone { get; set; }
    public string? AgentEmail { get; set; }
    public bool RemoveAgent { get; set; }

    public string? DataName { get; set; }
    public string? IndustryCode { get; set; }
    public string? DataFormat { get; set; }
    public List<FieldRow> Structure { get; set; } = [];
    public string? Records { get; set; }
    public string? Bytes { get; set; }
    public string? UpdateFrequency { get; set; }
    public string? ProcessingRules { get; set; }
    public string? InnovationStatement { get; set; }
    public string? ProductSummary { get; set; }

    public string? DataSourceType { get; set; }
    public string? DataSourceDescription { get; set; }

    /// <summary>One scenario a line.</summary>
    public string? Scenarios { get; set; }

    /// <summary>One row per right, in <see cref="DataRight"/> order.</summary>
    public List<RightRow> Rights { get; set; } = [];

    public string? EvidenceReference { get; set; }
    public bool RemoveFingerprint { get; set; }

    public bool LawfulSource { get; set; }
    public bool Authenticity { get; set; }
    public string? PersonalInformation { get; set; }

    /// <summary>Attachments to take out of the content (their ids).</summary>
    public List<Guid> Remove { get; set; } = [];

    /// <summary>The form as the content fills it.</summary>
    public static DraftForm Fill(ApplicationContent content, int version)
    {
        ArgumentNullException.ThrowIfNull(content);
        var a = content.Applicant ?? new ApplicantParticulars();
        var d = content.DataObject ?? new DataObjectParticulars();
        var form = new DraftForm
        {
            Version = version,
            Name = a.Name,
            RegistrantType = a.RegistrantType?.ToString(),
            CreditCode = a.CreditCode,
            IdNumber = a.IdNumber,
            RegionCode = a.RegionCode,
            Address = a.Address,
            ContactPerson = a.Contact?.Person,
            ContactPhone = a.Contact?.Phone,
            ContactEmail = a.Contact?.Email,
            CoApplicants = [.. a.CoApplicants.Select(c => new PartyRow { Name = c.Name, RegistrantType = c.RegistrantType?.ToString(), CreditCode = c.CreditCode, IdNumber = c.IdNumber })],
            AgentName = a.Agent?.Name,
            AgentCreditCode = a.Agent?.CreditCode,
            AgentPerson = a.Agent?.Contact?.Person,
            AgentPhone = a.Agent?.Contact?.Phone,
            AgentEmail = a.Agent?.Contact?.Email,
            DataName = d.DataName,
            IndustryCode = d.IndustryCode,
            DataFormat = d.DataFormat,
            Structure = [.. d.Structure.Select(f => new FieldRow { Name = f.Name, Type = f.Type, Description = f.Description })],
            Records = d.Scale?.Records?.ToString(CultureInfo.InvariantCulture),
            Bytes = d.Scale?.Bytes?.ToString(CultureInfo.InvariantCulture),
            UpdateFrequency = d.UpdateFrequency?.ToString(),
            ProcessingRules = d.ProcessingRules,
            InnovationStatement = d.InnovationStatement,
            ProductSummary = d.ProductSummary,
            DataSourceType = d.DataSourceType?.ToString(),
            DataSourceDescription = d.DataSourceDescription,
            Scenarios = string.Join('\n', d.ApplicationScenarios),
            Rights = [.. Enum.GetValues<DataRight>().Select(r => RightRow.Of(r, content.RightsClaimed.FirstOrDefault(c => c.Right == r)))],
            EvidenceReference = content.Evidence?.EvidenceReference,
            LawfulSource = content.Declarations?.LawfulSource == true,
            Authenticity = content.Declarations?.Authenticity == true,
            PersonalInformation = content.Declarations?.PersonalInformation?.ToString(),
        };
        return form.WithSpareRows();
    }

    /// <summary>The lists with their blank rows dropped and <see cref="SpareRows"/> blank ones added, and a row for each right.</summary>
    public DraftForm WithSpareRows()
    {
        CoApplicants = [.. CoApplicants.Where(r => !r.IsBlank && !r.Remove), .. Enumerable.Range(0, SpareRows).Select(_ => new PartyRow())];
        Structure = [.. Structure.Where(r => !r.IsBlank && !r.Remove), .. Enumerable.Range(0, SpareRows).Select(_ => new FieldRow())];
        var rights = Enum.GetValues<DataRight>();
        Rights = [.. rights.Select(r => Rights.FirstOrDefault(x => x.Right == r) ?? new RightRow { Right = r })];
        return this;
    }

    /// <summary>
    /// The content with this section's answers; the errors of answers that cannot be read
    /// (field id → message), in which case the content is not to be saved.
    /// </summary>
    public (ApplicationContent Content, List<FieldError> Errors) Apply(DraftSection section, ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<FieldError>();
        var a = content.Applicant ?? new ApplicantParticulars();
        var d = content.DataObject ?? new DataObjectParticulars();
        switch (section)
        {
            case DraftSection.Applicant:
                content = content with
                {
                    Applicant = a with
                    {
                        Name = Clean(Name),
                        RegistrantType = Parse<RegistrantType>(RegistrantType, "applicant-registrantType", errors),
                        CreditCode = Clean(CreditCode)?.ToUpperInvariant(),
                        IdNumber = Clean(IdNumber)?.ToUpperInvariant(),
                        RegionCode = Clean(RegionCode),
                        Address = Clean(Address),
                        Contact = Contact(ContactPerson, ContactPhone, ContactEmail),
                    },
                };
                break;
            case DraftSection.CoApplicants:
                var parties = CoApplicants.Where(r => !r.IsBlank && !r.Remove).ToList();
                content = content with
                {
                    Applicant = a with
                    {
                        CoApplicants = [.. parties.Select((r, i) => new CoApplicant
                        {
                            Name = Clean(r.Name), RegistrantType = Parse<RegistrantType>(r.RegistrantType, $"applicant-coApplicants-{i}-registrantType", errors),
                            CreditCode = Clean(r.CreditCode)?.ToUpperInvariant(), IdNumber = Clean(r.IdNumber)?.ToUpperInvariant(),
                        })],
                    },
                };
                break;
            case DraftSection.Agent:
                var agentGiven = !RemoveAgent && new[] { AgentName, AgentCreditCode, AgentPerson, AgentPhone, AgentEmail }.Any(v => Clean(v) is not null);
                content = content with
                {
                    Applicant = a with
                    {
                        Agent = agentGiven || (!RemoveAgent && a.Agent?.PowerOfAttorneyAttachmentId is not null)
                            ? new AgentParticulars
                            {
                                Name = Clean(AgentName),
                                CreditCode = Clean(AgentCreditCode)?.ToUpperInvariant(),
                                Contact = Contact(AgentPerson, AgentPhone, AgentEmail),
                                PowerOfAttorneyAttachmentId = Remove.Contains(a.Agent?.PowerOfAttorneyAttachmentId ?? Guid.Empty) ? null : a.Agent?.PowerOfAttorneyAttachmentId,
                            }
                            : null,
                    },
                };
                break;
            case DraftSection.Description:
                var fields = Structure.Where(r => !r.IsBlank && !r.Remove).ToList();
                var records = Number(Records, "dataObject-scale-records", errors);
                var bytes = Number(Bytes, "dataObject-scale-bytes", errors);
                content = content with
                {
                    DataObject = d with
                    {
                        DataName = Clean(DataName),
                        IndustryCode = Clean(IndustryCode)?.ToUpperInvariant(),
                        DataFormat = Clean(DataFormat),
                        Structure = [.. fields.Select(f => new DataField { Name = Clean(f.Name), Type = Clean(f.Type), Description = Clean(f.Description) })],
                        Scale = records is null && bytes is null ? null : new DataScale { Records = records, Bytes = bytes },
                        UpdateFrequency = Parse<UpdateFrequency>(UpdateFrequency, "dataObject-updateFrequency", errors),
                        ProcessingRules = Clean(ProcessingRules),
                        InnovationStatement = Clean(InnovationStatement),
                        ProductSummary = Clean(ProductSummary),
                    },
                };
                break;
            case DraftSection.Source:
                content = content with
                {
                    DataObject = d with
                    {
                        DataSourceType = Parse<DataSourceType>(DataSourceType, "dataObject-dataSourceType", errors),
                        DataSourceDescription = Clean(DataSourceDescription),
                        SourceProofAttachmentIds = [.. d.SourceProofAttachmentIds.Where(i => !Remove.Contains(i))],
                    },
                };
                break;
            case DraftSection.Scenarios:
                var lines = (Scenarios ?? "").Split('\n').Select(Clean).OfType<string>().ToList();
                content = content with { DataObject = d with { ApplicationScenarios = lines } };
                break;
            case DraftSection.Rights:
                content = content with { RightsClaimed = [.. Rights.Where(r => r.Claimed).OrderBy(r => r.Right).Select(r => r.Claim(errors))] };
                break;
            case DraftSection.Evidence:
                var fingerprint = RemoveFingerprint ? null : content.Evidence?.Fingerprint;
                var reference = Clean(EvidenceReference);
                content = content with
                {
                    Evidence = fingerprint is null && reference is null ? null : new EvidenceParticulars { Fingerprint = fingerprint, EvidenceReference = reference },
                    DataObject = d with { SampleAttachmentIds = [.. d.SampleAttachmentIds.Where(i => !Remove.Contains(i))] },
                };
                break;
            case DraftSection.Declarations:
                content = content with
                {
                    Declarations = new Declarations
                    {
                        LawfulSource = LawfulSource ? true : null,
                        Authenticity = Authenticity ? true : null,
                        PersonalInformation = Parse<PersonalInformationStatus>(PersonalInformation, "declarations-personalInformation", errors),
                    },
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the task list.");
        }

        return (content, errors);
    }

    /// <summary>A typed text without its surrounding blanks; null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ContactDetails? Contact(string? person, string? phone, string? email) =>
        Clean(person) is null && Clean(phone) is null && Clean(email) is null ? null
            : new ContactDetails { Person = Clean(person), Phone = Clean(phone), Email = Clean(email) };

    /// <summary>An enum answer by its member name; a name that is not one (a forged form) is a form error.</summary>
    internal static T? Parse<T>(string? value, string fieldId, List<FieldError> errors)
        where T : struct, Enum
    {
        if (Clean(value) is not { } name)
        {
            return null;
        }

        if (Enum.TryParse<T>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !name.All(char.IsAsciiDigit))
        {
            return parsed;
        }

        errors.Add(new FieldError(fieldId, Text.Get("Draft.Error.Choose")));
        return null;
    }

    private static long? Number(string? value, string fieldId, List<FieldError> errors)
    {
        if (Clean(value)?.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) is not { } digits)
        {
            return null;
        }

        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(fieldId, Text.Get("Draft.Error.Number")));
        return null;
    }
}

/// <summary>A co-applicant's row of the form.</summary>
public sealed class PartyRow
{
    public string? Name { get; set; }
    public string? RegistrantType { get; set; }
    public string? CreditCode { get; set; }
    public string? IdNumber { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => new[] { Name, RegistrantType, CreditCode, IdNumber }.All(v => DraftForm.Clean(v) is null);
}

/// <summary>A structure field's row of the form.</summary>
public sealed class FieldRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => new[] { Name, Type, Description }.All(v => DraftForm.Clean(v) is null);
}

/// <summary>A right's row of the form: whether it is claimed, and on what.</summary>
public sealed class RightRow
{
    public DataRight Right { get; set; }
    public bool Claimed { get; set; }
    public string? Basis { get; set; }
    public string? AgreementReference { get; set; }

    /// <summary>The last day, as yyyy-MM-dd (an HTML date input's value).</summary>
    public string? AgreementEndDate { get; set; }

    public static RightRow Of(DataRight right, RightClaim? claim) => new()
    {
        Right = right,
        Claimed = claim is not null,
        Basis = claim?.Basis?.ToString(),
        AgreementReference = claim?.AgreementReference,
        AgreementEndDate = claim?.AgreementEndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public RightClaim Claim(List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        DateOnly? end = null;
        if (DraftForm.Clean(AgreementEndDate) is { } typed)
        {
            if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                end = day;
            }
            else
            {
                errors.Add(new FieldError($"rights-{Right}-agreementEndDate", Text.Get("Draft.Error.Date")));
            }
        }

        return new RightClaim
        {
            Right = Right,
            Basis = DraftForm.Parse<RightBasis>(Basis, $"rights-{Right}-basis", errors),
            AgreementReference = DraftForm.Clean(AgreementReference),
            AgreementEndDate = end,
        };
    }
}
