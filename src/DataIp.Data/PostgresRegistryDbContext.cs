using DataIp.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DataIp.Data;

/// <summary>The register on PostgreSQL (production). Migrations in Migrations/Postgres.</summary>
public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options)
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>The distinct search terms, through which a prefix query term is expanded (<see cref="SearchLexiconTerm"/>).</summary>
    public DbSet<SearchLexiconTerm> SearchLexicon => Set<SearchLexiconTerm>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Search (Features/Search): the terms as text[] under a GIN index (containment and overlap);
        // the lexicon and the text sort keys in the "C" collation, so that a prefix is a B-tree range
        // and names and numbers sort by code point, as on SQLite.
        builder.Entity<SearchEntry>(e =>
        {
            e.HasIndex(x => x.Terms).HasMethod("gin");
            e.Property(x => x.Number).UseCollation("C");
            e.Property(x => x.DataName).UseCollation("C");
        });
        builder.Entity<SearchLexiconTerm>(t =>
        {
            t.ToTable("SearchLexicon");
            t.HasKey(x => x.Term);
            t.Property(x => x.Term).UseCollation("C");
        });
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz stores instants; Npgsql accepts only UTC offsets, so every instant is
        // normalised to UTC on the way in (China time is a presentation, not a storage, concern).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }
}

/// <summary>Normalises a <see cref="DateTimeOffset"/> to UTC for PostgreSQL's timestamptz.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
