namespace DataIp.Domain.Registration;

/// <summary>
/// What an attachment is for. The kind decides which content types and how many bytes are accepted
/// (the attachment store's policy).
/// </summary>
public enum AttachmentKind
{
    /// <summary>An applicant's proof of how the data was obtained.</summary>
    ProofOfSource,

    /// <summary>A sample of the registered data, uploaded by the applicant.</summary>
    SampleData,

    /// <summary>An applicant's power of attorney for an agent.</summary>
    PowerOfAttorney,

    /// <summary>Evidence an objector files against a public notice.</summary>
    ObjectionEvidence,

    /// <summary>A court order an examiner files.</summary>
    CourtOrder,
}
