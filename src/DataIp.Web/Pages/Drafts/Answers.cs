using System.Globalization;

namespace DataIp.Web.Pages.Drafts;

/// <summary>One answer on the check-your-answers page: its question, and what was entered (data) or chosen (our words).</summary>
/// <param name="Label">The question.</param>
/// <param name="Value">The answer; null when not given.</param>
/// <param name="Entered">Whether the answer is data someone typed (marked as such on English pages) rather than our words.</param>
public sealed record Answer(string Label, string? Value, bool Entered = true);

/// <summary>The answers of each section, as the check-your-answers page lists them.</summary>
public static class Answers
{
    /// <summary>The answers of a section of <paramref name="content"/>; attachments by file name.</summary>
    public static IReadOnlyList<Answer> Of(DraftSection section, ApplicationContent content, IReadOnlyDictionary<Guid, DraftAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(files);
        var a = content.Applicant ?? new ApplicantParticulars();
        var d = content.DataObject ?? new DataObjectParticulars();
        string Files(IEnumerable<Guid> ids) => string.Join(Text.Get("Common.Separator"), ids.Select(i => files.TryGetValue(i, out var f) ? $"{f.FileName} ({f.Size})" : i.ToString()));
        string? Number(long? n) => n?.ToString("N0", CultureInfo.CurrentCulture);
        return section switch
        {
            DraftSection.Applicant =>
            [
                new(Field("name"), a.Name), Choice("registrantType", "RegistrantType", a.RegistrantType),
                new(Field("creditCode"), a.CreditCode), new(Field("idNumber"), a.IdNumber), new(Field("regionCode"), a.RegionCode),
                new(Field("address"), a.Address), new(Field("contact"), Contact(a.Contact)),
            ],
            DraftSection.CoApplicants => [.. a.CoApplicants.Select((c, i) => new Answer(Text.Format("Draft.CoApplicant", i + 1),
                string.Join(Text.Get("Common.Separator"), new[] { c.Name, c.CreditCode ?? c.IdNumber }.Where(v => v is not null))))],
            DraftSection.Agent => a.Agent is not { } agent ? [] :
            [
                new(Field("agentName"), agent.Name), new(Field("creditCode"), agent.CreditCode), new(Field("contact"), Contact(agent.Contact)),
                new(Field("powerOfAttorneyAttachmentId"), agent.PowerOfAttorneyAttachmentId is { } poa ? Files([poa]) : null),
            ],
            DraftSection.Description =>
            [
                new(Field("dataName"), d.DataName), new(Field("industryCode"), d.IndustryCode), new(Field("dataFormat"), d.DataFormat),
                new(Field("structure"), string.Join(Text.Get("Common.Separator"), d.Structure.Select(f => $"{f.Name} ({f.Type})"))),
                new(Field("records"), Number(d.Scale?.Records), Entered: false), new(Field("bytes"), Number(d.Scale?.Bytes), Entered: false),
                Choice("updateFrequency", "UpdateFrequency", d.UpdateFrequency),
                new(Field("processingRules"), d.ProcessingRules), new(Field("innovationStatement"), d.InnovationStatement), new(Field("productSummary"), d.ProductSummary),
            ],
            DraftSection.Source =>
            [
                Choice("dataSourceType", "DataSourceType", d.DataSourceType), new(Field("dataSourceDescription"), d.DataSourceDescription),
                new(Field("sourceProofAttachmentIds"), Files(d.SourceProofAttachmentIds)),
            ],
            DraftSection.Scenarios => [new(Field("applicationScenarios"), string.Join(Text.Get("Common.Separator"), d.ApplicationScenarios))],
            DraftSection.Rights => [.. content.RightsClaimed.Select(r => new Answer(r.Right is { } right ? Text.Get("Right." + right) : Field("rightsClaimed"),
                string.Join(Text.Get("Common.Separator"), new[]
                {
                    r.Basis is { } basis ? Text.Get($"Draft.RightBasis.{basis}") : null, r.AgreementReference,
                    r.AgreementEndDate is { } end ? Text.Format("Draft.Until", Labels.Day(end)) : null,
                }.Where(v => v is not null)), Entered: r.AgreementReference is not null))],
            DraftSection.Evidence =>
            [
                new(Field("fingerprint"), content.Evidence?.Fingerprint is { } fp ? $"{fp.HashAlgorithm} {fp.Root}" : null, Entered: false),
                new(Field("evidenceReference"), content.Evidence?.EvidenceReference), new(Field("sampleAttachmentIds"), Files(d.SampleAttachmentIds)),
            ],
            DraftSection.Declarations =>
            [
                new(Text.Get("Draft.Declare.LawfulSource"), Text.Get(content.Declarations?.LawfulSource == true ? "Draft.Yes" : "Draft.No"), Entered: false),
                new(Text.Get("Draft.Declare.Authenticity"), Text.Get(content.Declarations?.Authenticity == true ? "Draft.Yes" : "Draft.No"), Entered: false),
                Choice("personalInformation", "PersonalInformation", content.Declarations?.PersonalInformation),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the task list."),
        };
    }

    private static string Field(string name) => Text.Get($"Draft.Field.{name}");

    private static Answer Choice<T>(string field, string prefix, T? value)
        where T : struct, Enum => new(Field(field), value is { } v && Enum.IsDefined(v) ? Text.Get($"Draft.{prefix}.{v}") : null, Entered: false);

    private static string? Contact(ContactDetails? contact) => contact is null ? null
        : string.Join(Text.Get("Common.Separator"), new[] { contact.Person, contact.Phone, contact.Email }.Where(v => !string.IsNullOrWhiteSpace(v)));
}
