using System.Collections.Concurrent;
using System.Globalization;
using DataIp.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Certificates;

/// <summary>What decides a certificate's status, as the index keeps it.</summary>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="State">Its registration's lifecycle state.</param>
/// <param name="SupersededBy">The certificate that replaced it, if any.</param>
/// <param name="Reason">The reasons of the registration's last decision (shown when revoked).</param>
/// <param name="DecidedAt">When that decision was taken.</param>
/// <param name="Version">The registration's version when read: a later read never loses to an earlier one.</param>
/// <param name="ActivePledges">The registration's pledges in force.</param>
internal readonly record struct StatusEntry(
    DateOnly ValidUntil, ApplicationState State, string? SupersededBy, string? Reason, DateTimeOffset? DecidedAt, int Version, int ActivePledges);

/// <summary>The lean status answer of <c>GET /api/v1/certificates/{n}/status</c>.</summary>
public sealed record CertificateStatusAnswer(
    string CertificateNumber, string Status, string? StatusReason, DateTimeOffset? StatusSince, DateOnly ValidUntil, string? SupersededBy);

/// <summary>
/// Every certificate's status inputs in memory (a projection of the register), so that the status
/// check relying parties make (<c>GET /api/v1/certificates/{n}/status</c>, <c>dataip verify
/// --online</c>) needs no database round trip (docs/certificate.md, docs/performance.md).
/// </summary>
/// <remarks>
/// Kept fresh the way the register itself is built, from the log of acts: loaded once, then every
/// <see cref="PlatformOptions.CertificateStatusRefreshInterval"/> the acts appended since are read
/// (by log index; committed entries always form a prefix of the log) and the certificates of the
/// registrations they touch are read again. An act carried out by this node is applied before its
/// answer leaves (<see cref="ApplyAsync"/>), so on one node a revocation reads revoked at once; on
/// other nodes sharing the database, within the refresh interval. A certificate the index does not
/// know yet (issued elsewhere, or before loading ends) is looked up in the database.
/// With a million certificates loaded the host's resident memory was 473 MB (docs/performance.md).
/// </remarks>
public sealed class CertificateStatusIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CertificateStatusIndex> logger) : IDisposable
{
    private const int Batch = 50_000;

    private readonly ConcurrentDictionary<long, StatusEntry> _entries = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _appliedLogSize = -1;

    /// <summary>Whether the initial load has finished.</summary>
    public bool IsLoaded => Volatile.Read(ref _appliedLogSize) >= 0;

    /// <summary>How many certificates the index holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The status today (China), or null when the index does not know the certificate.</summary>
    public CertificateStatusAnswer? Find(string certificateNumber)
    {
        if (!long.TryParse(certificateNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var status = CertificateStatusRules.Decide(entry.State, entry.SupersededBy is not null, entry.ValidUntil, ChinaTime.ToChinaDate(clock.GetUtcNow()), entry.ActivePledges);
        return new(
            certificateNumber, JsonNaming.Camel(status), CertificateStatusRules.Reason(status, entry.Reason),
            CertificateStatusRules.Since(status, entry.DecidedAt, entry.ValidUntil), entry.ValidUntil,
            status is CertificateStatus.Revoked or CertificateStatus.Superseded ? entry.SupersededBy : null);
    }

    /// <summary>Loads every certificate; then the index answers.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        // Acts from here on are replayed by the first refresh: a certificate read twice is harmless.
        var logSize = await LogSizeAsync(db, cancellationToken).ConfigureAwait(false);
        var after = "";
        while (true)
        {
            // Certificate numbers all have 17 digits, so text order is number order.
            var cursor = after;
            var rows = await Rows(db, db.Certificates.Where(c => c.Credential != null && c.CertificateNumber.CompareTo(cursor) > 0)
                    .OrderBy(c => c.CertificateNumber).Take(Batch))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                Put(row);
            }

            if (rows.Count < Batch)
            {
                break;
            }

            after = rows.Select(r => r.Number).Max(StringComparer.Ordinal)!;
        }

        Volatile.Write(ref _appliedLogSize, logSize);
        logger.LogInformation("Certificate status index loaded: {Count} certificate(s).", _entries.Count);
    }

    /// <summary>Reads again the certificates of the registrations touched by acts appended since the last refresh.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!IsLoaded)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            while (true)
            {
                var from = Volatile.Read(ref _appliedLogSize);
                var acts = await db.Acts.AsNoTracking().Where(a => a.LogIndex >= from).OrderBy(a => a.LogIndex).Take(Batch)
                    .Select(a => new { a.LogIndex, a.ApplicationId }).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (acts.Count == 0)
                {
                    return;
                }

                var applications = acts.Where(a => a.ApplicationId != null).Select(a => a.ApplicationId!.Value).Distinct().ToList();
                await ReadAsync(db, applications, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _appliedLogSize, acts[^1].LogIndex + 1);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Applies at once what an act of this node did to a registration's certificates. Never
    /// throws: the act is committed by then, and if this read fails the next refresh applies it.
    /// </summary>
    public async Task ApplyAsync(RegistryDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await ReadAsync(db, [applicationId], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Couldn't apply an act on application {Application} to the certificate status index; the next refresh will.", applicationId);
        }
    }

    /// <summary>Looks a certificate up in the database and adds it: for one the index does not know yet.</summary>
    public async Task<CertificateStatusAnswer?> FindInDatabaseAsync(RegistryDbContext db, string certificateNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await Rows(db, db.Certificates.Where(c => c.CertificateNumber == certificateNumber && c.Credential != null))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        Put(row);
        return Find(certificateNumber);
    }

    private async Task ReadAsync(RegistryDbContext db, List<Guid> applications, CancellationToken cancellationToken)
    {
        for (var i = 0; i < applications.Count; i += 1000)
        {
            var chunk = applications.GetRange(i, Math.Min(1000, applications.Count - i));
            foreach (var row in await Rows(db, db.Certificates.Where(c => chunk.Contains(c.ApplicationId) && c.Credential != null))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                Put(row);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();

    private void Put(Row row) =>
        _entries.AddOrUpdate(long.Parse(row.Number, NumberStyles.None, CultureInfo.InvariantCulture), static (_, r) => r.Entry, static (_, existing, r) => r.Entry.Version >= existing.Version ? r.Entry : existing, row);

    private static async Task<long> LogSizeAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        await db.Acts.MaxAsync(a => (long?)a.LogIndex, cancellationToken).ConfigureAwait(false) + 1 ?? 0;

    // One row per certificate of the given ones: its number (the index keys it as a long: 17
    // digits fit) and what decides its status.
    private static IQueryable<Row> Rows(RegistryDbContext db, IQueryable<Data.Certificates.Certificate> certificates) =>
        from c in certificates.AsNoTracking()
        join a in db.Applications on c.ApplicationId equals a.Id
        select new Row(
            c.CertificateNumber,
            a.Id,
            new StatusEntry(
                a.ValidUntil ?? DateOnly.MinValue,
                a.State,
                c.Superseded ? db.Certificates.Where(n => n.Supersedes == c.CertificateNumber).Select(n => n.CertificateNumber).FirstOrDefault() : null,
                a.DecisionReasons,
                a.DecidedAt,
                a.Version,
                a.ActivePledges));

    private sealed record Row(string Number, Guid ApplicationId, StatusEntry Entry);
}

/// <summary>Loads the index at start and refreshes it from the log of acts.</summary>
internal sealed class CertificateStatusJob(CertificateStatusIndex index, IOptions<PlatformOptions> options, ILogger<CertificateStatusJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var retry = new PeriodicTimer(TimeSpan.FromSeconds(5));
            while (!index.IsLoaded)
            {
                try
                {
                    await index.LoadAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Until it loads, the status check reads the database.
                    logger.LogError(e, "Couldn't load the certificate status index; trying again in 5 s.");
                    await retry.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
                }
            }

            using var timer = new PeriodicTimer(options.Value.CertificateStatusRefreshInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await index.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Couldn't refresh the certificate status index; trying again.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
