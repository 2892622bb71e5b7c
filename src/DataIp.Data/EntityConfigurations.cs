using DataIp.Data.Accounts;
using DataIp.Data.Acts;
using DataIp.Data.Applications;
using DataIp.Data.Bodies;
using DataIp.Data.Calendar;
using DataIp.Data.Certificates;
using DataIp.Data.Numbering;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.Identifier).HasMaxLength(32);
        builder.Property(a => a.RegionCode).HasMaxLength(6);
        builder.HasOne<RegistrationBody>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistrationBodyConfiguration : IEntityTypeConfiguration<RegistrationBody>
{
    public void Configure(EntityTypeBuilder<RegistrationBody> builder)
    {
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Code).HasMaxLength(4);
        builder.Property(b => b.RegionCode).HasMaxLength(6);
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.ComplexProperty(b => b.Policy);
    }
}

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<CalendarYearRecord>, IEntityTypeConfiguration<CalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(500);
        builder.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CalendarDayRecord> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(100);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<ApplicationRecord>
{
    private static readonly ValueComparer<ApplicationContent> ContentComparer = new(
        (a, b) => ApplicationContentJson.Serialize(a!) == ApplicationContentJson.Serialize(b!),
        c => ApplicationContentJson.Serialize(c).GetHashCode(StringComparison.Ordinal),
        c => ApplicationContentJson.Deserialize(ApplicationContentJson.Serialize(c)));

    public void Configure(EntityTypeBuilder<ApplicationRecord> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.ApplicationNumber).IsUnique();
        builder.HasIndex(a => a.RegistrationNumber).IsUnique();
        builder.HasIndex(a => a.CertificateNumber);
        builder.HasIndex(a => new { a.BodyId, a.State });
        builder.HasIndex(a => new { a.ApplicantId, a.State });
        builder.Property(a => a.ApplicationNumber).HasMaxLength(32);
        builder.Property(a => a.RegistrationNumber).HasMaxLength(16);
        builder.Property(a => a.CertificateNumber).HasMaxLength(17);
        builder.Property(a => a.DataName).HasMaxLength(200);
        builder.Property(a => a.IndustryCode).HasMaxLength(3);
        builder.Property(a => a.Content)
            .HasConversion(c => ApplicationContentJson.Serialize(c), s => ApplicationContentJson.Deserialize(s), ContentComparer);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Body).WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasIndex(o => new { o.ApplicationId, o.Status });
        builder.Property(o => o.ObjectorName).HasMaxLength(200);
        builder.Property(o => o.ObjectorContact).HasMaxLength(200);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<AttachmentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentRecord> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.ApplicationId);
        builder.HasIndex(a => a.ObjectionId);
    }
}

internal sealed class ActConfiguration : IEntityTypeConfiguration<Act>
{
    public void Configure(EntityTypeBuilder<Act> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(a => a.Id).IsUnique();
        builder.HasIndex(a => new { a.ApplicationId, a.Sequence });
        builder.Property(a => a.Type).HasMaxLength(64);
        builder.Property(a => a.ActorRole).HasMaxLength(32);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.HasIndex(a => a.LogIndex).IsUnique();
    }
}

internal sealed class LogConfiguration :
    IEntityTypeConfiguration<LogEntry>, IEntityTypeConfiguration<LogNode>, IEntityTypeConfiguration<LogCheckpoint>,
    IEntityTypeConfiguration<LogState>
{
    public void Configure(EntityTypeBuilder<LogEntry> builder)
    {
        builder.HasKey(e => e.Index);
        builder.Property(e => e.Index).ValueGeneratedNever();
        builder.HasIndex(e => e.ActId).IsUnique();
        builder.Property(e => e.LeafHash).HasMaxLength(32);
        builder.Property(e => e.Entry).HasMaxLength(65535);
    }

    public void Configure(EntityTypeBuilder<LogNode> builder)
    {
        builder.HasKey(n => n.Key);
        builder.Property(n => n.Key).ValueGeneratedNever();
        builder.Property(n => n.Hash).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<LogCheckpoint> builder)
    {
        builder.HasKey(c => c.TreeSize);
        builder.Property(c => c.TreeSize).ValueGeneratedNever();
        builder.Property(c => c.RootHash).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<LogState> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.CertificateNumber);
        builder.Property(c => c.CertificateNumber).HasMaxLength(17);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(16);
        builder.Property(c => c.Supersedes).HasMaxLength(17);
        builder.HasIndex(c => c.RegistrationNumber);

        // A registration's certificates are read by its application (the record page, the holder's list, the verification page).
        builder.HasIndex(c => c.ApplicationId);
    }
}

internal sealed class SerialCounterConfiguration : IEntityTypeConfiguration<SerialCounter>
{
    public void Configure(EntityTypeBuilder<SerialCounter> builder)
    {
        builder.HasKey(c => c.Scope);
        builder.Property(c => c.Scope).HasMaxLength(64);
    }
}
