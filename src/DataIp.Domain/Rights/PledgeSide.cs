namespace DataIp.Domain.Rights;

/// <summary>Which side of a pledge filed it.</summary>
public enum PledgeSide
{
    /// <summary>The registration's holder, naming the pledgee.</summary>
    Holder,

    /// <summary>The pledgee, naming itself.</summary>
    Pledgee,
}

/// <summary>On what a pledge was released.</summary>
public enum ReleaseBasis
{
    /// <summary>The pledgee released it.</summary>
    Pledgee,

    /// <summary>An examiner released it on a court order.</summary>
    CourtOrder,
}
