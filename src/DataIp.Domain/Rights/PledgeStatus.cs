namespace DataIp.Domain.Rights;

/// <summary>Where a pledge stands.</summary>
public enum PledgeStatus
{
    /// <summary>Filed by one side; waiting for the other side's confirmation. Not in force.</summary>
    Filed,

    /// <summary>Registered: in force from the time of registration, which gives its priority.</summary>
    Registered,

    /// <summary>Released by the pledgee or on a court order.</summary>
    Released,

    /// <summary>A filing that was never confirmed and was withdrawn (or lapsed with the registration).</summary>
    Withdrawn,
}
