using DataIp.Domain.Registration;
using Microsoft.AspNetCore.Identity;

namespace DataIp.Data.Accounts;

/// <summary>
/// A person or organisation that signs in. Passwords are hashed by ASP.NET Core Identity; the role
/// decides what the account may do, and an examiner or a body administrator is bound to one body.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    /// <summary>Name shown to others: an organisation's registered name or a person's name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The one role of the account.</summary>
    public AccountRole Role { get; set; }

    /// <summary>
    /// The registration body an examiner works for, or a body administrator administers; null for
    /// applicants, pledgees and national administrators.
    /// </summary>
    public int? BodyId { get; set; }

    /// <summary>For applicants: enterprise, institution, natural person, …</summary>
    public RegistrantType? RegistrantType { get; set; }

    /// <summary>
    /// For applicant organisations the unified social credit code (GB 32100), for natural persons
    /// the resident ID number; validated by its check character before it is stored.
    /// </summary>
    public string? Identifier { get; set; }

    /// <summary>GB/T 2260 region code of the applicant's seat, when given.</summary>
    public string? RegionCode { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// For applicants: whether an administrator has verified that the account speaks for the
    /// organisation or person it names (<see cref="Identifier"/>). Until then the name and the
    /// identifier are only a claim, and the account may not submit an application. Null for staff
    /// and pledgee accounts.
    /// </summary>
    public IdentityVerification? IdentityVerification { get; set; }

    /// <summary>When an administrator last decided <see cref="IdentityVerification"/>.</summary>
    public DateTimeOffset? IdentityDecidedAt { get; set; }
}

/// <summary>The roles of DOMAIN §2. Stored by name; never renumber.</summary>
public enum AccountRole
{
    /// <summary>An applicant or holder (登记主体).</summary>
    Applicant,

    /// <summary>An examiner of one registration body (审查员).</summary>
    Examiner,

    /// <summary>An administrator of one body (BodyId set) or national (BodyId null).</summary>
    Administrator,

    /// <summary>A bank or guarantor (质权人).</summary>
    Pledgee,
}
