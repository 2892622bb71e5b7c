namespace DataIp.Domain.Registration;

/// <summary>Where an applicant's claimed identity stands. Stored by name; never renumber.</summary>
public enum IdentityVerification
{
    /// <summary>Claimed at sign-up; not yet checked.</summary>
    Claimed,

    /// <summary>An administrator checked the evidence: the account may apply in the name it gives.</summary>
    Verified,

    /// <summary>An administrator refused the claim; a later verification may still succeed.</summary>
    Refused,
}
