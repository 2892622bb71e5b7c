namespace DataIp.Domain.Registration;

/// <summary>
/// A party applying jointly with the applicant (共同申请人), identified like the applicant by a
/// credit code (organisations) or a resident ID number (natural persons).
/// </summary>
public sealed record CoApplicant
{
    /// <summary>Full legal name, 2–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>What kind of registrant the co-applicant is.</summary>
    public RegistrantType? RegistrantType { get; init; }

    /// <summary>Unified social credit code (GB 32100) of an organisation.</summary>
    public string? CreditCode { get; init; }

    /// <summary>Resident ID number (GB 11643) of a natural person; private content.</summary>
    public string? IdNumber { get; init; }
}
