using DataIp.Data.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Rights;

internal sealed class RightsConfiguration :
    IEntityTypeConfiguration<RightHolder>, IEntityTypeConfiguration<LicenceRecord>, IEntityTypeConfiguration<PledgeRecord>,
    IEntityTypeConfiguration<PledgeConsent>, IEntityTypeConfiguration<TransferRecord>, IEntityTypeConfiguration<ChangeRequestRecord>
{
    public void Configure(EntityTypeBuilder<RightHolder> builder)
    {
        builder.ToTable("RightHolders");
        builder.HasIndex(h => h.ApplicationId);
        // A holder's registrations in the order of their end of validity, a page at a time (Pages/Registrations).
        builder.HasIndex(h => new { h.AccountId, h.ValidUntil, h.ApplicationId });
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.Identifier).HasMaxLength(32);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LicenceRecord> builder)
    {
        builder.ToTable("Licences");
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => l.ApplicationId);
        builder.HasIndex(l => l.LicenseeAccountId);
        builder.Property(l => l.Number).HasMaxLength(32);
        builder.Property(l => l.LicenseeName).HasMaxLength(200);
        builder.Property(l => l.LicenseeIdentifier).HasMaxLength(32);
        builder.Property(l => l.Rights).HasMaxLength(100);
        builder.Property(l => l.Scope).HasMaxLength(1000);
        builder.Property(l => l.Territory).HasMaxLength(200);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PledgeRecord> builder)
    {
        builder.ToTable("Pledges");
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => new { p.ApplicationId, p.Status });
        builder.HasIndex(p => p.PledgeeAccountId);
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.Property(p => p.PledgeeName).HasMaxLength(200);
        builder.Property(p => p.FiledBy).HasMaxLength(16);
        builder.Property(p => p.ContractNumber).HasMaxLength(100);
        builder.Property(p => p.SecuredAmount).HasPrecision(21, 3);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Rights).HasMaxLength(100);
        builder.Property(p => p.ReleaseBasis).HasMaxLength(16);
        builder.Property(p => p.CourtOrderNumber).HasMaxLength(100);
        builder.Property(p => p.CourtName).HasMaxLength(100);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PledgeConsent> builder)
    {
        builder.ToTable("PledgeConsents");
        builder.HasIndex(c => new { c.ApplicationId, c.Purpose });
        builder.Property(c => c.Reference).HasMaxLength(200);
        builder.HasOne<PledgeRecord>().WithMany().HasForeignKey(c => c.PledgeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TransferRecord> builder)
    {
        builder.ToTable("Transfers");
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.ApplicationId, t.Status });
        builder.HasIndex(t => t.ToAccountId);
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.FromName).HasMaxLength(200);
        builder.Property(t => t.ToName).HasMaxLength(200);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ChangeRequestRecord> builder)
    {
        builder.ToTable("ChangeRequests");
        builder.HasIndex(c => new { c.ApplicationId, c.Status });
        builder.Property(c => c.Changes).HasMaxLength(8000);
        builder.Property(c => c.Reasons).HasMaxLength(4000);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
