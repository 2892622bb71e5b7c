namespace DataIp.Domain.Registration;

/// <summary>
/// The applicant (登记主体) of a data-IP registration, who may apply jointly with co-applicants and
/// through an agent (DOMAIN §2, §6). Every member may be absent in a draft.
/// </summary>
public sealed record ApplicantParticulars
{
    /// <summary>Full legal name of the organisation or person, 2–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>What kind of registrant applies; decides whether a credit code or an ID number identifies it.</summary>
    public RegistrantType? RegistrantType { get; init; }

    /// <summary>
    /// Unified social credit code (统一社会信用代码, GB 32100, 18 characters) of an organisation;
    /// required for enterprises, public institutions and social organisations.
    /// </summary>
    public string? CreditCode { get; init; }

    /// <summary>Resident ID number (居民身份证号码, GB 11643) of a natural person; private content.</summary>
    public string? IdNumber { get; init; }

    /// <summary>Administrative division code (GB/T 2260, six digits), e.g. 440300 for Shenzhen.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Postal address, at most 200 characters; private content for a natural person.</summary>
    public string? Address { get; init; }

    /// <summary>Who the registration body contacts about the application; private content.</summary>
    public ContactDetails? Contact { get; init; }

    /// <summary>Other parties applying jointly (共同申请人); empty when the applicant applies alone.</summary>
    public IReadOnlyList<CoApplicant> CoApplicants { get; init; } = [];

    /// <summary>The agent acting under a power of attorney, if any.</summary>
    public AgentParticulars? Agent { get; init; }

    /// <summary>A copy without contact details, ID numbers, and the address of a natural person.</summary>
    /// <returns>A new particulars record; this instance is unchanged.</returns>
    public ApplicantParticulars WithoutPrivateContent() => this with
    {
        IdNumber = null,
        Address = RegistrantType == Registration.RegistrantType.NaturalPerson ? null : Address,
        Contact = null,
        CoApplicants = [.. CoApplicants.Select(c => c with { IdNumber = null })],
        Agent = Agent is null ? null : Agent with { Contact = null },
    };
}
