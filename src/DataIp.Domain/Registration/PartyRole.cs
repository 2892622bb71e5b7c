namespace DataIp.Domain.Registration;

/// <summary>What a party is, whatever the case: an account's role, anyone without an account, or the platform.</summary>
public enum PartyRole
{
    /// <summary>Anyone without an account.</summary>
    Public,

    /// <summary>An applicant (or holder) account.</summary>
    Applicant,

    /// <summary>An examiner account, bound to one body.</summary>
    Examiner,

    /// <summary>An administrator account, national or bound to one body.</summary>
    Administrator,

    /// <summary>A bank or guarantor account.</summary>
    Pledgee,

    /// <summary>The platform itself.</summary>
    System,
}

/// <summary>Who tries an act: an account (or nobody) with its role and body.</summary>
/// <param name="AccountId">The account; null for the public and the platform.</param>
/// <param name="Role">What the party is.</param>
/// <param name="BodyId">The body an examiner or body administrator is bound to.</param>
public sealed record Party(Guid? AccountId, PartyRole Role, int? BodyId = null);

/// <summary>The parties of the case an act is tried on.</summary>
/// <param name="ApplicantId">The account that filed the application.</param>
/// <param name="BodyId">The application's registration body.</param>
/// <param name="Holders">The registration's holders' accounts (none before registration).</param>
public sealed record CaseParties(Guid ApplicantId, int BodyId, IReadOnlyCollection<Guid> Holders)
{
    /// <summary>The pledgee of the pledge acted on, if the act is on a pledge.</summary>
    public Guid? Pledgee { get; init; }

    /// <summary>The offering holder of the transfer acted on, if the act is on a transfer.</summary>
    public Guid? Transferor { get; init; }

    /// <summary>The transferee of the transfer acted on, if the act is on a transfer.</summary>
    public Guid? Transferee { get; init; }
}
