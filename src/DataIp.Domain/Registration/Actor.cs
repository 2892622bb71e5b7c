namespace DataIp.Domain.Registration;

/// <summary>
/// A party's relation to the case an act is tried on (the application, the registration, the pledge
/// or transfer acted on): who may act is decided from these, never from an account's role alone
/// (<see cref="Relations"/> computes them). A party may stand in several relations at once; every
/// party but the platform is also <see cref="Public"/>.
/// </summary>
public enum Actor
{
    /// <summary>The applicant who filed this application.</summary>
    Applicant,

    /// <summary>A holder of this registration.</summary>
    Holder,

    /// <summary>An examiner of this application's registration body.</summary>
    Examiner,

    /// <summary>The pledgee of the pledge acted on.</summary>
    Pledgee,

    /// <summary>A bank or guarantor account not (yet) party to a pledge of this registration: it may file one naming itself.</summary>
    Bank,

    /// <summary>The transferee of the transfer acted on.</summary>
    Transferee,

    /// <summary>The holder who offered the transfer acted on.</summary>
    Transferor,

    /// <summary>Anyone, signed in or not: the public who may object during the public notice.</summary>
    Public,

    /// <summary>The platform itself, acting on a schedule (deadlines and periods that end).</summary>
    System,
}
