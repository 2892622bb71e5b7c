namespace DataIp.Domain.Registration;

/// <summary>
/// An agent (代理机构) acting for the applicant under a power of attorney, which is uploaded as an
/// attachment.
/// </summary>
public sealed record AgentParticulars
{
    /// <summary>Full legal name of the agency, 2–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>Unified social credit code (GB 32100) of the agency.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The agency's contact for this application; private content.</summary>
    public ContactDetails? Contact { get; init; }

    /// <summary>The attachment holding the signed power of attorney (授权委托书).</summary>
    public Guid? PowerOfAttorneyAttachmentId { get; init; }
}
