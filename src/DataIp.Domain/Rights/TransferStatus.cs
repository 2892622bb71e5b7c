namespace DataIp.Domain.Rights;

/// <summary>Where a transfer stands.</summary>
public enum TransferStatus
{
    /// <summary>Offered by a holder; waiting for the transferee.</summary>
    Proposed,

    /// <summary>Accepted: in effect.</summary>
    Accepted,

    /// <summary>Declined by the transferee or withdrawn by the holder.</summary>
    Declined,
}
