using DataIp.Data.Applications;
using DataIp.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Evidence;

internal sealed class EvidenceSketchConfiguration : IEntityTypeConfiguration<EvidenceSketch>
{
    public void Configure(EntityTypeBuilder<EvidenceSketch> builder)
    {
        builder.HasKey(s => s.ApplicationId);
        builder.Property(s => s.HashAlgorithm).HasMaxLength(16);
        builder.Property(s => s.Root).HasMaxLength(64);
        builder.Property(s => s.FeatureKind).HasMaxLength(32);
        builder.HasIndex(s => s.Root);
        builder.HasOne<ApplicationRecord>().WithOne().HasForeignKey<EvidenceSketch>(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceBandConfiguration : IEntityTypeConfiguration<EvidenceBand>
{
    public void Configure(EntityTypeBuilder<EvidenceBand> builder)
    {
        // Key first: the search looks keys up; ApplicationId completes the key and lets a
        // resubmission delete its application's rows.
        builder.HasKey(b => new { b.Key, b.ApplicationId });
        builder.HasIndex(b => b.ApplicationId);
        builder.HasOne<EvidenceSketch>().WithMany().HasForeignKey(b => b.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.HasIndex(n => new { n.AccountId, n.CreatedAt });
        builder.HasOne<DataIp.Data.Accounts.Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
