using DataIp.Data.Accounts;
using DataIp.Data.Acts;
using DataIp.Data.Applications;
using DataIp.Data.Bodies;
using DataIp.Data.Calendar;
using DataIp.Data.Certificates;
using DataIp.Data.Evidence;
using DataIp.Data.Notifications;
using DataIp.Data.Numbering;
using DataIp.Data.Rights;
using DataIp.Data.Search;
using DataIp.Data.TransparencyLog;
using DataIp.Data.Witness;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data;

/// <summary>
/// The register's database. One model, two providers: <see cref="SqliteRegistryDbContext"/> (the
/// embedded default) and <see cref="PostgresRegistryDbContext"/> (production), each with its own
/// migrations. Acts are append-only: saving a modified or deleted <see cref="Act"/> throws.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options) : IdentityUserContext<Account, Guid>(options)
{
    /// <summary>Registration bodies and their policies.</summary>
    public DbSet<RegistrationBody> Bodies => Set<RegistrationBody>();

    /// <summary>Working-day calendar years.</summary>
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    /// <summary>Holidays and extra working days.</summary>
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();

    /// <summary>Applications and registrations.</summary>
    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    /// <summary>Objections.</summary>
    public DbSet<Objection> Objections => Set<Objection>();

    /// <summary>Attachment metadata.</summary>
    public DbSet<AttachmentRecord> Attachments => Set<AttachmentRecord>();

    /// <summary>The register's acts, in order.</summary>
    public DbSet<Act> Acts => Set<Act>();

    // The acts appended in the open transaction.
    private List<Act>? _appendedActs;

    /// <summary>
    /// The acts appended since the last call (their log indices set once saved), and forgets
    /// them: what a transaction's interceptor reads when it commits or rolls back, so that what
    /// the acts changed can be evicted from caches once they are committed.
    /// </summary>
    public IReadOnlyList<Act> TakeAppendedActs()
    {
        var taken = _appendedActs ?? [];
        _appendedActs = null;
        return taken;
    }

    internal void NoteAppendedAct(Act act) => (_appendedActs ??= []).Add(act);

    /// <summary>Issued certificates.</summary>
    public DbSet<Certificate> Certificates => Set<Certificate>();

    /// <summary>Serial counters for identifiers.</summary>
    public DbSet<SerialCounter> SerialCounters => Set<SerialCounter>();

    /// <summary>The public log's entries.</summary>
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();

    /// <summary>Stored subtree hashes of the log.</summary>
    public DbSet<LogNode> LogNodes => Set<LogNode>();

    /// <summary>Signed checkpoints.</summary>
    public DbSet<LogCheckpoint> LogCheckpoints => Set<LogCheckpoint>();

    /// <summary>The sequencer's progress (one row).</summary>
    public DbSet<LogState> LogStates => Set<LogState>();


    /// <summary>As a witness: the latest checkpoint cosigned for each witnessed log.</summary>
    public DbSet<WitnessState> WitnessStates => Set<WitnessState>();

    /// <summary>Similarity sketches of applications' datasets.</summary>
    public DbSet<EvidenceSketch> EvidenceSketches => Set<EvidenceSketch>();

    /// <summary>Band keys of the sketches, the overlap search index.</summary>
    public DbSet<EvidenceBand> EvidenceBands => Set<EvidenceBand>();

    /// <summary>Messages left for accounts.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Holders of registrations and their shares.</summary>
    public DbSet<RightHolder> RightHolders => Set<RightHolder>();

    /// <summary>Licences recorded.</summary>
    public DbSet<LicenceRecord> Licences => Set<LicenceRecord>();

    /// <summary>Pledges filed and registered.</summary>
    public DbSet<PledgeRecord> Pledges => Set<PledgeRecord>();

    /// <summary>Pledgees' consents.</summary>
    public DbSet<PledgeConsent> PledgeConsents => Set<PledgeConsent>();

    /// <summary>Transfers offered and accepted.</summary>
    public DbSet<TransferRecord> Transfers => Set<TransferRecord>();

    /// <summary>Holders' requests to change recorded particulars.</summary>
    public DbSet<ChangeRequestRecord> ChangeRequests => Set<ChangeRequestRecord>();

    /// <summary>Accounts' webhook subscriptions.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>The webhook outbox and delivery log.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>The public applications as the register's search finds them.</summary>
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    /// <summary>Pilot-era certificate numbers of imported registrations (docs/import.md).</summary>
    public DbSet<Pilots.PilotAlias> PilotAliases => Set<Pilots.PilotAlias>();

    /// <summary>Acts appended to the log and not yet saved; written first by every save.</summary>
    internal PendingLogEntries PendingLogEntries { get; } = new();

    /// <summary>Which provider this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // Enums are stored by name: readable in the database and safe against renumbering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToActs();
        PendingLogEntries.Write(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToActs();
        await PendingLogEntries.WriteAsync(this, cancellationToken).ConfigureAwait(false);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }

    // The register's history is append-only: an act, once stored, is never rewritten by the
    // platform. (The transparency log makes a rewrite by anyone else detectable.)
    private void RefuseChangesToActs()
    {
        foreach (var entry in ChangeTracker.Entries<Act>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"Act {entry.Entity.Sequence} is immutable; acts are only ever appended.");
            }
        }
    }
}

/// <summary>The database providers the register runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite: the embedded default, a file under the data directory.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production.</summary>
    Postgres,
}
