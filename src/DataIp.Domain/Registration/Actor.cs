namespace DataIp.Domain.Registration;

/// <summary>The kind of party attempting a <see cref="LifecycleTrigger"/>.</summary>
public enum Actor
{
    /// <summary>The applicant (or someone acting for the applicant).</summary>
    Applicant,

    /// <summary>An examiner of the registration body.</summary>
    Examiner,

    /// <summary>Anyone, signed in or not: the public who may object during the public notice.</summary>
    Public,

    /// <summary>A pledgee (质权人: a bank or guarantor) acting on a registration's pledges.</summary>
    Pledgee,

    /// <summary>The platform itself, acting on a schedule (deadlines and periods that end).</summary>
    System,
}
