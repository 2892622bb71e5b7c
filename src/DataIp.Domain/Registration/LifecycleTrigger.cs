namespace DataIp.Domain.Registration;

/// <summary>
/// An act that may move an application from one <see cref="ApplicationState"/> to another
/// (DOMAIN §4). Whether it is allowed is decided by <see cref="Lifecycle.Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/>.
/// </summary>
public enum LifecycleTrigger
{
    /// <summary>The applicant submits the draft application.</summary>
    Submit,

    /// <summary>An examiner takes up a submitted application for formal examination.</summary>
    StartExamination,

    /// <summary>An examiner finds the application defective and asks for a correction.</summary>
    RequestCorrection,

    /// <summary>The applicant resubmits the corrected application before the correction deadline.</summary>
    Resubmit,

    /// <summary>The system withdraws an application whose correction deadline passed without a resubmission.</summary>
    LapseCorrection,

    /// <summary>The applicant withdraws the application.</summary>
    Withdraw,

    /// <summary>An examiner passes the formal examination.</summary>
    PassFormalExamination,

    /// <summary>An examiner passes the substantive examination.</summary>
    PassSubstantiveExamination,

    /// <summary>An examiner refuses registration (不予登记).</summary>
    Reject,

    /// <summary>Anyone files an objection during the public notice period.</summary>
    FileObjection,

    /// <summary>An examiner upholds an objection, which refuses registration.</summary>
    UpholdObjection,

    /// <summary>An examiner dismisses one open objection.</summary>
    DismissObjection,

    /// <summary>The application is registered once the public notice period ends with no open objection.</summary>
    Register,

    /// <summary>An examiner revokes a registration (撤销登记), with reasons.</summary>
    Revoke,

    /// <summary>An examiner re-issues a registration's certificate under a new certificate number, with reasons.</summary>
    ReissueCertificate,

    /// <summary>A holder asks to change the recorded particulars (data name, scenarios, update frequency, holder's name).</summary>
    RequestChange,

    /// <summary>An examiner approves a requested change; a new certificate is issued.</summary>
    ApproveChange,

    /// <summary>An examiner refuses a requested change, with reasons.</summary>
    RefuseChange,

    /// <summary>A holder renews the registration within the renewal window before expiry; a new certificate is issued.</summary>
    Renew,

    /// <summary>The platform records the end of validity of a registration not renewed.</summary>
    Expire,

    /// <summary>A holder offers its share, or the whole, to another holder.</summary>
    ProposeTransfer,

    /// <summary>The transferee accepts a transfer; it takes effect and a new certificate is issued.</summary>
    AcceptTransfer,

    /// <summary>The transferee declines, or the holder withdraws, a transfer not yet accepted.</summary>
    DeclineTransfer,

    /// <summary>A holder records a licence (许可) of rights in the data.</summary>
    RecordLicence,

    /// <summary>A holder or a pledgee files a pledge (质押); it needs the other side's confirmation.</summary>
    FilePledge,

    /// <summary>The other side confirms a filed pledge, which is registered and takes its priority.</summary>
    ConfirmPledge,

    /// <summary>A pledgee records its consent to an act that needs it (transfer, cancellation, exclusive licence).</summary>
    ConsentToAct,

    /// <summary>The pledgee releases its pledge, or an examiner releases it on a court order.</summary>
    ReleasePledge,

    /// <summary>A holder cancels the registration (注销).</summary>
    Cancel,
}
