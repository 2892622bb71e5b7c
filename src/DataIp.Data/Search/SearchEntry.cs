using DataIp.Data.Applications;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Search;

/// <summary>
/// One public application (under notice or registered) as the register's search finds it: its
/// index terms (<c>SearchTerms.ForIndex</c> of its public text) and the columns the search filters,
/// sorts and shows. Derived data, made from the application by one method (<c>SearchDocument.From</c>)
/// in the transaction of every act on it, and remade at start when missing or stale.
/// </summary>
/// <remarks>
/// On PostgreSQL <see cref="Terms"/> is a <c>text[]</c> with a GIN index; on SQLite it is stored as
/// JSON and copied, space-joined, into the FTS5 table <c>SearchText</c> (rowid = <see cref="Id"/>)
/// by triggers the migration creates.
/// </remarks>
public sealed class SearchEntry
{
    /// <summary>The row's key: keyset paging's last tie-breaker and the FTS5 rowid on SQLite.</summary>
    public long Id { get; set; }

    /// <summary>The application.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The application's <see cref="ApplicationRecord.Version"/> the row was made from.</summary>
    public int Version { get; set; }

    /// <summary>The form of the document the row was made with: a row of an earlier form is remade at start.</summary>
    public int Format { get; set; }

    /// <summary>The index terms, each once.</summary>
    public string[] Terms { get; set; } = [];

    /// <summary>The application number.</summary>
    public string ApplicationNumber { get; set; } = "";

    /// <summary>The registration number, once registered.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>The record's public number: the registration number, or the application number before registration (sort key).</summary>
    public string Number { get; set; } = "";

    /// <summary>The data name.</summary>
    public string DataName { get; set; } = "";

    /// <summary>The holders' names in order (the applicants' before registration).</summary>
    public string[] Holders { get; set; } = [];

    /// <summary>The registration body's code.</summary>
    public string BodyCode { get; set; } = "";

    /// <summary>The body's region (GB/T 2260).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The data's industry (GB/T 4754 division such as I65), if stated.</summary>
    public string? IndustryCode { get; set; }

    /// <summary>The industry's section (the letter of <see cref="IndustryCode"/>).</summary>
    public string? IndustrySection { get; set; }

    /// <summary>Where the application stands.</summary>
    public ApplicationState State { get; set; }

    /// <summary>The rights claimed, one bit each (1 &lt;&lt; <see cref="DataRight"/>).</summary>
    public int Rights { get; set; }

    /// <summary>Whether a registered pledge is not yet released.</summary>
    public bool Pledged { get; set; }

    /// <summary>The record's date: the registration date, or the first day of the notice (China time) before registration.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The first day of the public notice (China time).</summary>
    public DateOnly? NoticeStartedOn { get; set; }

    /// <summary>The registration date.</summary>
    public DateOnly? RegistrationDate { get; set; }

    /// <summary>The last day of validity.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The current certificate's number.</summary>
    public string? CertificateNumber { get; set; }
}

/// <summary>
/// A distinct index term (PostgreSQL only, in the "C" collation): a prefix query term is expanded
/// through it by a B-tree range scan to the terms it stands for, then matched by array overlap.
/// Terms are added by every index write and never removed (a term no row has any more expands to nothing).
/// </summary>
public sealed class SearchLexiconTerm
{
    /// <summary>The term.</summary>
    public string Term { get; set; } = "";
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("SearchEntries");
        builder.HasIndex(e => e.ApplicationId).IsUnique();
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ApplicationNumber).HasMaxLength(32);
        builder.Property(e => e.RegistrationNumber).HasMaxLength(32);
        builder.Property(e => e.Number).HasMaxLength(32);
        builder.Property(e => e.DataName).HasMaxLength(200);
        builder.Property(e => e.BodyCode).HasMaxLength(4);
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.IndustrySection).HasMaxLength(1);
        builder.Property(e => e.CertificateNumber).HasMaxLength(32);

        // The sort orders' keys, each ending in the row's key (keyset paging).
        builder.HasIndex(e => new { e.Date, e.Id });
        builder.HasIndex(e => new { e.Number, e.Id });
        builder.HasIndex(e => new { e.DataName, e.Id });
    }
}
