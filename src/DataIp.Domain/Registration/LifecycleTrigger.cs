namespace DataIp.Domain.Registration;

/// <summary>
/// An act that may move an application from one <see cref="ApplicationState"/> to another
/// (DOMAIN §4). Whether it is allowed is decided by <see cref="Lifecycle.Decide"/>.
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
}
