namespace DataIp.Domain.Registration;

/// <summary>
/// Where an application stands in the registration lifecycle (DOMAIN §4). The transitions between
/// states are the rows of <see cref="Lifecycle.Rules"/>; nothing else may change the state.
/// </summary>
public enum ApplicationState
{
    /// <summary>Being prepared by the applicant; not yet seen by the registration body.</summary>
    Draft,

    /// <summary>Submitted (申请) and waiting for an examiner to start the formal examination.</summary>
    Submitted,

    /// <summary>Under formal examination (形式审查) of completeness and form.</summary>
    FormalExamination,

    /// <summary>Sent back to the applicant for correction (补正) until the correction deadline.</summary>
    CorrectionRequested,

    /// <summary>Under substantive examination (实质审查), where the body's policy requires it.</summary>
    SubstantiveExamination,

    /// <summary>Published for public notice (公示); anyone may object until the period ends.</summary>
    PublicNotice,

    /// <summary>At least one objection filed during the public notice is being reviewed.</summary>
    ObjectionReview,

    /// <summary>Refused (不予登记), with reasons. Terminal.</summary>
    Rejected,

    /// <summary>Withdrawn by the applicant, or lapsed when the correction deadline passed. Terminal.</summary>
    Withdrawn,

    /// <summary>Registered (登记公告) and announced; the certificate is issued.</summary>
    Registered,

    /// <summary>
    /// Registration revoked (撤销登记) by an examiner, with reasons (e.g. fraud found after
    /// registration); its certificates are no longer valid. Terminal.
    /// </summary>
    Revoked,

    /// <summary>
    /// Validity ended without renewal (the earlier of the policy period and the end of an agreement
    /// the rights rest on); set by the platform the day after the last day of validity. Terminal.
    /// </summary>
    Expired,

    /// <summary>Cancelled (注销) by its holder, with the consent of every pledgee of an active pledge. Terminal.</summary>
    Cancelled,
}
