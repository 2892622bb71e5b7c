namespace DataIp.Domain.Registration;

/// <summary>
/// Everything an applicant states in an application for data-IP registration (DOMAIN §6): who
/// applies, what data is registered, the evidence preserved, the rights claimed and the
/// declarations made.
/// </summary>
/// <remarks>
/// <para>
/// Every member may be absent so that a draft can be saved half-filled; which members a submission
/// needs is decided by <see cref="ApplicationContentValidator"/>, not by the type. The JSON form
/// (camelCase names, enum names as camelCase strings) is fixed by <see cref="ApplicationContentJson"/>
/// and is what the API accepts and the log records.
/// </para>
/// <para>
/// Immutable and therefore thread-safe. Record equality compares list members by reference; compare
/// the serialised JSON to decide whether two contents say the same thing.
/// </para>
/// </remarks>
public sealed record ApplicationContent
{
    /// <summary>The applicant (登记主体), with co-applicants and agent.</summary>
    public ApplicantParticulars? Applicant { get; init; }

    /// <summary>The data collection to be registered (登记对象).</summary>
    public DataObjectParticulars? DataObject { get; init; }

    /// <summary>The evidence preservation (存证) or notarisation of the data.</summary>
    public EvidenceParticulars? Evidence { get; init; }

    /// <summary>The rights claimed over the data, at most one claim per <see cref="DataRight"/>.</summary>
    public IReadOnlyList<RightClaim> RightsClaimed { get; init; } = [];

    /// <summary>The applicant's declarations on lawful source, authenticity and personal information.</summary>
    public Declarations? Declarations { get; init; }

    /// <summary>
    /// Every attachment the content refers to: source proofs, samples and the agent's power of
    /// attorney, each id once, in that order.
    /// </summary>
    /// <returns>The distinct attachment ids; empty when the content refers to none.</returns>
    public IEnumerable<Guid> AttachmentIds()
    {
        IEnumerable<Guid> sourceProofs = DataObject?.SourceProofAttachmentIds ?? [];
        IEnumerable<Guid> samples = DataObject?.SampleAttachmentIds ?? [];
        Guid? powerOfAttorney = Applicant?.Agent?.PowerOfAttorneyAttachmentId;
        IEnumerable<Guid> agentDocuments = powerOfAttorney is { } id ? [id] : [];
        return sourceProofs.Concat(samples).Concat(agentDocuments).Distinct();
    }

    /// <summary>
    /// A copy fit for public notice pages and the public record: the applicant's and the agent's
    /// contact details are removed, and so are resident ID numbers (personal information) and a
    /// natural person's address. Credit codes, names and everything else stay.
    /// </summary>
    /// <returns>A new content; this instance is unchanged.</returns>
    public ApplicationContent WithoutPrivateContent() =>
        this with { Applicant = Applicant?.WithoutPrivateContent() };
}
