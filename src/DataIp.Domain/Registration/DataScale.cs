namespace DataIp.Domain.Registration;

/// <summary>How large the data is; either measure may be absent, a given one is positive.</summary>
public sealed record DataScale
{
    /// <summary>Number of records (rows).</summary>
    public long? Records { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Bytes { get; init; }
}
