using DataIp.Domain.Rights;

namespace DataIp.Data.Rights;

/// <summary>
/// A holder of a registration and its share. The current holders are a projection of the acts
/// (registration, accepted transfers, approved renames); the shares of one registration always
/// sum to <see cref="Whole"/>.
/// </summary>
public sealed class RightHolder
{
    /// <summary>All of a registration, in basis points.</summary>
    public const int Whole = 10_000;

    /// <summary>Row identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The holder's account; null for a co-applicant without an account.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The holder's name as recorded.</summary>
    public string Name { get; set; } = "";

    /// <summary>Unified social credit code or ID number; private.</summary>
    public string? Identifier { get; set; }

    /// <summary>Share in basis points (10,000 = all).</summary>
    public int Share { get; set; }

    /// <summary>Order in which holders are listed (the applicant first).</summary>
    public int Position { get; set; }

    /// <summary>
    /// The registration's end of validity, copied from its application so that a holder's list of
    /// registrations is read in order from one index (AccountId, ValidUntil, ApplicationId) however
    /// many it holds. Kept by every act (the act pipeline copies it after each act on a registration);
    /// <see cref="DateOnly.MaxValue"/> until the first copy.
    /// </summary>
    public DateOnly ValidUntil { get; set; } = DateOnly.MaxValue;

    /// <summary>Whether the registration has ended (its state is no longer Registered: cancelled, revoked, expired); copied like <see cref="ValidUntil"/>.</summary>
    public bool Ended { get; set; }
}

/// <summary>A licence recorded in the register.</summary>
public sealed class LicenceRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The licence's number: the registration number, <c>-L</c> and a serial.</summary>
    public string Number { get; set; } = "";

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The licensee's account, when it has one on the platform (it is then told of acts).</summary>
    public Guid? LicenseeAccountId { get; set; }

    /// <summary>The licensee's name.</summary>
    public string LicenseeName { get; set; } = "";

    /// <summary>The licensee's unified social credit code or ID number; private.</summary>
    public string? LicenseeIdentifier { get; set; }

    /// <summary>Exclusive, sole or non-exclusive.</summary>
    public LicenceKind Kind { get; set; }

    /// <summary>The rights licensed, camelCase names joined by commas, in right order.</summary>
    public string Rights { get; set; } = "";

    /// <summary>What the licensee may do (uses, products, fields).</summary>
    public string Scope { get; set; } = "";

    /// <summary>Where (e.g. 中国大陆, worldwide).</summary>
    public string Territory { get; set; } = "";

    /// <summary>First day of the term.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day of the term.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>Whether the licensee may sub-license.</summary>
    public bool SubLicensing { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The act that recorded it.</summary>
    public Guid ActId { get; set; }
}

/// <summary>A pledge (质押) of a registration's rights (DOMAIN §9).</summary>
public sealed class PledgeRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The pledge's number: the registration number, <c>-P</c> and a serial.</summary>
    public string Number { get; set; } = "";

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The pledgee's account (a bank or guarantor).</summary>
    public Guid PledgeeAccountId { get; set; }

    /// <summary>The pledgee's name.</summary>
    public string PledgeeName { get; set; } = "";

    /// <summary>The holder's account that files or confirms it.</summary>
    public Guid HolderAccountId { get; set; }

    /// <summary>Which side filed it: holder or pledgee.</summary>
    public string FiledBy { get; set; } = "";

    /// <summary>The pledge contract's number.</summary>
    public string ContractNumber { get; set; } = "";

    /// <summary>The secured amount.</summary>
    public decimal SecuredAmount { get; set; }

    /// <summary>ISO 4217 currency of the secured amount.</summary>
    public string Currency { get; set; } = "";

    /// <summary>First day of the secured term.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day of the secured term.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>The rights pledged, camelCase names joined by commas.</summary>
    public string Rights { get; set; } = "";

    /// <summary>Where it stands.</summary>
    public PledgeStatus Status { get; set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset FiledAt { get; set; }

    /// <summary>When it was registered (confirmed by both sides): its priority.</summary>
    public DateTimeOffset? RegisteredAt { get; set; }

    /// <summary>1 for the first pledge registered on the registration, 2 for the next, …</summary>
    public int? Priority { get; set; }

    /// <summary>When it was released.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>pledgee or courtOrder.</summary>
    public string? ReleaseBasis { get; set; }

    /// <summary>The court order's number, for a release on a court order.</summary>
    public string? CourtOrderNumber { get; set; }

    /// <summary>The court that made the order (null for a release recorded before the court was).</summary>
    public string? CourtName { get; set; }

    /// <summary>The day the court order was made (null for a release recorded before the date was).</summary>
    public DateOnly? CourtOrderDate { get; set; }

    /// <summary>The attached court order.</summary>
    public Guid? CourtOrderAttachmentId { get; set; }
}

/// <summary>A pledgee's recorded consent to one act; used up by that act.</summary>
public sealed class PledgeConsent
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The pledge whose pledgee consents.</summary>
    public Guid PledgeId { get; set; }

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>What it consents to.</summary>
    public ConsentPurpose Purpose { get; set; }

    /// <summary>For a transfer, the transfer's number; for a licence, the licensee's name; null for any.</summary>
    public string? Reference { get; set; }

    /// <summary>When it was given.</summary>
    public DateTimeOffset GivenAt { get; set; }

    /// <summary>The act that used it.</summary>
    public Guid? UsedByActId { get; set; }
}

/// <summary>A transfer (转让) of a holder's share, or the whole, to another account.</summary>
public sealed class TransferRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The transfer's number: the registration number, <c>-T</c> and a serial.</summary>
    public string Number { get; set; } = "";

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The transferring holder's account.</summary>
    public Guid FromAccountId { get; set; }

    /// <summary>The transferring holder's name.</summary>
    public string FromName { get; set; } = "";

    /// <summary>The transferee's account.</summary>
    public Guid ToAccountId { get; set; }

    /// <summary>The transferee's name.</summary>
    public string ToName { get; set; } = "";

    /// <summary>The share transferred, in basis points of the whole.</summary>
    public int Share { get; set; }

    /// <summary>Where it stands.</summary>
    public TransferStatus Status { get; set; }

    /// <summary>When it was offered.</summary>
    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>When it was accepted or declined.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>A holder's request to change recorded particulars, examined by the body.</summary>
public sealed class ChangeRequestRecord
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The requesting holder's account.</summary>
    public Guid RequestedById { get; set; }

    /// <summary>The changes asked for: JSON object of field → new value.</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>Where it stands.</summary>
    public ChangeStatus Status { get; set; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>When an examiner decided.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Reasons of a refusal.</summary>
    public string? Reasons { get; set; }
}
