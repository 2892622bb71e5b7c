using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Pilots;

/// <summary>
/// A pilot-era certificate number that now names a registration of the register (docs/import.md):
/// written with the <c>importRegistration</c> act in the same transaction, never changed. A pilot
/// body's numbers are unique only within that body (two pilots may have used the same scheme), so
/// the key is the body and the number; verification by number alone finds every body's alias.
/// </summary>
public sealed class PilotAlias
{
    /// <summary>The longest pilot-era number accepted.</summary>
    public const int MaxNumberLength = 64;

    /// <summary>Row identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The body that issued the pilot-era certificate (the one that imported it).</summary>
    public int BodyId { get; set; }

    /// <summary>The pilot-era certificate number, trimmed, exactly as printed otherwise.</summary>
    public string PilotNumber { get; set; } = "";

    /// <summary>The pilot-era registration number, if the pilot gave one apart from the certificate's.</summary>
    public string? PilotRegistrationNumber { get; set; }

    /// <summary>The registration it became.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The log index of the <c>importRegistration</c> act.</summary>
    public long? ImportLogIndex { get; set; }

    /// <summary>When it was imported.</summary>
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>The pilot-era numbers of the register, read in one place (search indexes them from here).</summary>
public static class PilotAliases
{
    /// <summary>The pilot-era certificate numbers of one application (none for one filed on the platform).</summary>
    /// <param name="db">The context.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The numbers, in the order imported.</returns>
    public static Task<List<string>> ForApplicationAsync(RegistryDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PilotAliases.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.ImportedAt)
            .Select(a => a.PilotNumber).ToListAsync(cancellationToken);
    }

    /// <summary>The aliases with that pilot-era number, under any body (or one body's, when given).</summary>
    /// <param name="db">The context.</param>
    /// <param name="pilotNumber">The number as typed, trimmed.</param>
    /// <param name="bodyCode">Only this body's, or null for every body's.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The matches with their body's code and the registration's current certificate.</returns>
    public static Task<List<PilotAliasMatch>> FindAsync(RegistryDbContext db, string pilotNumber, string? bodyCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pilotNumber);
        return (from alias in db.PilotAliases.AsNoTracking()
                join body in db.Bodies on alias.BodyId equals body.Id
                join app in db.Applications on alias.ApplicationId equals app.Id
                where alias.PilotNumber == pilotNumber && (bodyCode == null || body.Code == bodyCode)
                orderby body.Code
                select new PilotAliasMatch(alias.PilotNumber, body.Code, alias.ApplicationId, app.RegistrationNumber, app.CertificateNumber))
            .Take(20).ToListAsync(cancellationToken);
    }
}

/// <summary>A pilot-era number found, and what it names now.</summary>
/// <param name="PilotNumber">The pilot-era certificate number.</param>
/// <param name="BodyCode">The body that issued it.</param>
/// <param name="ApplicationId">The registration.</param>
/// <param name="RegistrationNumber">Its unified registration number.</param>
/// <param name="CertificateNumber">Its current unified certificate's number.</param>
public sealed record PilotAliasMatch(string PilotNumber, string BodyCode, Guid ApplicationId, string? RegistrationNumber, string? CertificateNumber);

internal sealed class PilotAliasConfiguration : IEntityTypeConfiguration<PilotAlias>
{
    public void Configure(EntityTypeBuilder<PilotAlias> builder)
    {
        builder.ToTable("PilotAliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PilotNumber).HasMaxLength(PilotAlias.MaxNumberLength);
        builder.Property(a => a.PilotRegistrationNumber).HasMaxLength(PilotAlias.MaxNumberLength);

        // The idempotence of an import: a body's pilot-era number is imported once, whatever crashed between two runs.
        builder.HasIndex(a => new { a.BodyId, a.PilotNumber }).IsUnique();

        // Verification by the number alone, and the aliases of one registration (search's document).
        builder.HasIndex(a => a.PilotNumber);
        builder.HasIndex(a => a.ApplicationId);
        builder.HasOne<Bodies.RegistrationBody>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Applications.ApplicationRecord>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
