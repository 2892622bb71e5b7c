namespace DataIp.Domain.Acts;

/// <summary>
/// Who may read a member of an act. Public members are in the log in clear; every other member
/// enters the log only as a salted digest (docs/transparency-log.md) and is shown with the act only
/// to those named here.
/// </summary>
public enum Disclosure
{
    /// <summary>Anyone: in the log in clear.</summary>
    Public,

    /// <summary>
    /// Public once the application's public notice has started (its particulars: data name, holder,
    /// industry, source, rights); before it, as <see cref="Parties"/>.
    /// </summary>
    PublicFromNotice,

    /// <summary>Those who may read the application: its applicant or holders, the body's examiners and administrators.</summary>
    Parties,

    /// <summary>The body's examiners and administrators only (an objector's contact).</summary>
    BodyStaff,
}

/// <summary>Says who may read a member of an act record; every member of every act carries one.</summary>
/// <param name="disclosure">Who may read it.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class DisclosedAttribute(Disclosure disclosure) : Attribute
{
    /// <summary>Who may read the member.</summary>
    public Disclosure Disclosure { get; } = disclosure;
}

/// <summary>Who may read an act's reasons (the act row's reason, the entry's <c>reason</c>).</summary>
public enum ReasonDisclosure
{
    /// <summary>The act never carries reasons.</summary>
    None,

    /// <summary>The reasons are a public decision (a rejection, a ruling): in the log in clear.</summary>
    Public,

    /// <summary>The reasons are the parties' (a correction request, a withdrawal): a digest in the log.</summary>
    Parties,
}
