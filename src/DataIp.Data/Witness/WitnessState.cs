using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Witness;

/// <summary>
/// What this node, as a witness (c2sp.org/tlog-witness), last cosigned for one log: the latest
/// checkpoint's size and root. The size only grows, and for one size the root never changes
/// (a checkpoint of equal size must carry the same root), so (origin, size) identifies a state.
/// </summary>
public sealed class WitnessState
{
    /// <summary>The most characters a witnessed log's origin may have.</summary>
    public const int MaxOriginLength = 512;

    /// <summary>The log's origin (the checkpoint's first line); the key.</summary>
    public string Origin { get; set; } = "";

    /// <summary>The size of the latest cosigned checkpoint.</summary>
    public long TreeSize { get; set; }

    /// <summary>Its root hash (32 bytes).</summary>
    public byte[] RootHash { get; set; } = [];

    /// <summary>When it was cosigned.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class WitnessStateConfiguration : IEntityTypeConfiguration<WitnessState>
{
    public void Configure(EntityTypeBuilder<WitnessState> builder)
    {
        builder.HasKey(s => s.Origin);
        builder.Property(s => s.Origin).HasMaxLength(WitnessState.MaxOriginLength);
        builder.Property(s => s.RootHash).HasMaxLength(32);
    }
}
