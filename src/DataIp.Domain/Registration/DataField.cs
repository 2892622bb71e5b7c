namespace DataIp.Domain.Registration;

/// <summary>One field (column) of the data's structure.</summary>
public sealed record DataField
{
    /// <summary>Field name as it appears in the data, 1–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>Field type in the data's own terms (e.g. string, int, timestamp), 1–100 characters.</summary>
    public string? Type { get; init; }

    /// <summary>What the field means, at most 500 characters.</summary>
    public string? Description { get; init; }
}
