using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Statistics;

/// <summary>A registration body as the statistics name it.</summary>
public sealed record StatisticsBody(int Id, string Code, string RegionCode, string Name, string NameEn);

/// <summary>
/// One submitted application or registration, reduced to what the statistics count: its body, its
/// industry, and the days (China time) it was submitted, registered and its current certificate issued.
/// </summary>
/// <param name="BodyId">The body.</param>
/// <param name="IndustryCode">GB/T 4754 division code (<c>I65</c>), or null when none is recorded.</param>
/// <param name="Submitted">The day of (first) submission; null for a registration that was never an application here.</param>
/// <param name="Registered">The registration date; null while not registered.</param>
/// <param name="CertificateIssued">The day its current certificate was issued, when it is a valid certificate (registration in force); else null.</param>
public readonly record struct StatisticsApplication(int BodyId, string? IndustryCode, DateOnly? Submitted, DateOnly? Registered, DateOnly? CertificateIssued);

/// <summary>A licence or an accepted transfer: its body and the day it was recorded.</summary>
public readonly record struct StatisticsRight(int BodyId, DateOnly Recorded);

/// <summary>A pledge: its body, the day it was filed, where it stands and what it secures.</summary>
public readonly record struct StatisticsPledge(int BodyId, DateOnly Filed, PledgeStatus Status, string Currency, decimal Amount);

/// <summary>
/// The register reduced to the narrow rows the statistics count, read in five queries (never a
/// query per row, never an application's content): every figure of <see cref="RegisterStatistics"/>
/// is computed from one snapshot, so the figures of one answer always agree with each other.
/// </summary>
public sealed record StatisticsSnapshot(
    IReadOnlyList<StatisticsBody> Bodies,
    IReadOnlyList<StatisticsApplication> Applications,
    IReadOnlyList<StatisticsRight> Licences,
    IReadOnlyList<StatisticsRight> Transfers,
    IReadOnlyList<StatisticsPledge> Pledges,
    DateTimeOffset CountedAt)
{
    /// <summary>Reads the snapshot from the database as it is now.</summary>
    public static async Task<StatisticsSnapshot> ReadAsync(RegistryDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new StatisticsBody(b.Id, b.Code, b.RegionCode, b.Name, b.NameEn)).ToListAsync(ct).ConfigureAwait(false);

        // An application's CertificateNumber is its current certificate (a re-issue replaces it); the
        // left join finds the day it was issued.
        var applications = await (
            from a in db.Applications.AsNoTracking()
            where a.ApplicationNumber != null || a.RegistrationNumber != null
            join c in db.Certificates.AsNoTracking() on a.CertificateNumber equals (string?)c.CertificateNumber into certificates
            from c in certificates.DefaultIfEmpty()
            select new
            {
                a.BodyId,
                a.IndustryCode,
                Numbered = a.ApplicationNumber != null,
                a.SubmittedAt,
                a.CreatedAt,
                Registered = a.RegistrationNumber != null,
                a.RegistrationDate,
                a.DecidedAt,
                Valid = a.State == ApplicationState.Registered && a.CertificateNumber != null,
                Issued = (DateTimeOffset?)c.IssuedAt,
            }).ToListAsync(ct).ConfigureAwait(false);

        var licences = await (from l in db.Licences.AsNoTracking()
                              join a in db.Applications on l.ApplicationId equals a.Id
                              select new { a.BodyId, l.RecordedAt }).ToListAsync(ct).ConfigureAwait(false);
        var transfers = await (from t in db.Transfers.AsNoTracking()
                               where t.Status == TransferStatus.Accepted
                               join a in db.Applications on t.ApplicationId equals a.Id
                               select new { a.BodyId, t.DecidedAt, t.ProposedAt }).ToListAsync(ct).ConfigureAwait(false);
        var pledges = await (from p in db.Pledges.AsNoTracking()
                             join a in db.Applications on p.ApplicationId equals a.Id
                             select new { a.BodyId, p.FiledAt, p.Status, p.Currency, p.SecuredAmount }).ToListAsync(ct).ConfigureAwait(false);

        return new StatisticsSnapshot(
            bodies,
            [.. applications.Select(a =>
            {
                var registered = a.Registered ? a.RegistrationDate ?? Day(a.DecidedAt ?? a.CreatedAt) : (DateOnly?)null;
                return new StatisticsApplication(
                    a.BodyId,
                    a.IndustryCode,
                    a.Numbered ? Day(a.SubmittedAt ?? a.CreatedAt) : null,
                    registered,
                    a.Valid ? (a.Issued is { } issued ? Day(issued) : registered) : null);
            })],
            [.. licences.Select(l => new StatisticsRight(l.BodyId, Day(l.RecordedAt)))],
            [.. transfers.Select(t => new StatisticsRight(t.BodyId, Day(t.DecidedAt ?? t.ProposedAt)))],
            [.. pledges.Select(p => new StatisticsPledge(p.BodyId, Day(p.FiledAt), p.Status, p.Currency, p.SecuredAmount))],
            now);
    }

    private static DateOnly Day(DateTimeOffset instant) => ChinaTime.ToChinaDate(instant);
}
