namespace DataIp.Domain.Rights;

/// <summary>Where a change request stands.</summary>
public enum ChangeStatus
{
    /// <summary>Waiting for an examiner.</summary>
    Pending,

    /// <summary>Approved: recorded, new certificate issued.</summary>
    Approved,

    /// <summary>Refused with reasons.</summary>
    Refused,
}
