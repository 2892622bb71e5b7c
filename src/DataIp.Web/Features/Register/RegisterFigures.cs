using Microsoft.Extensions.Caching.Memory;

namespace DataIp.Web.Features.Register;

/// <summary>The secured amount of the pledges in force in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Pledges">How many pledges in force secure an amount in it.</param>
/// <param name="Amount">Their secured amounts added up.</param>
public sealed record SecuredAmount(string Currency, int Pledges, decimal Amount);

/// <summary>The register's figures as anyone may read them on the home page.</summary>
/// <param name="Received">Applications submitted (given an application number), whatever became of them.</param>
/// <param name="InExamination">Applications submitted, in formal or substantive examination, or awaiting a correction.</param>
/// <param name="OnNotice">Applications under public notice now (an objection under review included).</param>
/// <param name="Registrations">Registrations made, whatever became of them.</param>
/// <param name="ValidCertificates">Current certificates of registrations in force.</param>
/// <param name="Pledges">The pledges in force, by currency.</param>
/// <param name="CountedAt">When the figures were counted.</param>
public sealed record RegisterFiguresView(
    int Received, int InExamination, int OnNotice, int Registrations, int ValidCertificates, IReadOnlyList<SecuredAmount> Pledges, DateTimeOffset CountedAt)
{
    /// <summary>How many pledges are in force, in every currency.</summary>
    public int PledgesInForce => Pledges.Sum(p => p.Pledges);
}

/// <summary>
/// Counts the register's figures with two aggregate queries (one pass over the applications, one
/// over the pledges in force), never a query per row, and keeps them for <see cref="MaxAge"/> on
/// this node: the home page is the most read page, and a count over a national register costs
/// tens of milliseconds that every visitor would otherwise pay. The page says when they were counted.
/// </summary>
public sealed class RegisterFigures(RegistryDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long counted figures are shown before they are counted again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const string CacheKey = "register-figures";

    private static readonly ApplicationState[] Examination =
        [ApplicationState.Submitted, ApplicationState.FormalExamination, ApplicationState.CorrectionRequested, ApplicationState.SubstantiveExamination];

    private static readonly ApplicationState[] Notice = [ApplicationState.PublicNotice, ApplicationState.ObjectionReview];

    /// <summary>The figures as counted at most <see cref="MaxAge"/> ago.</summary>
    public async Task<RegisterFiguresView> ReadAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            return CountAsync(ct);
        }).ConfigureAwait(false) ?? await CountAsync(ct).ConfigureAwait(false);

    /// <summary>The figures as stored now.</summary>
    public async Task<RegisterFiguresView> CountAsync(CancellationToken ct)
    {
        var countedAt = clock.GetUtcNow();

        // One pass: per state, how many, how many numbered, registered, and with a current certificate
        // (an application's CertificateNumber is its current certificate: a re-issue replaces it).
        var byState = await db.Applications.AsNoTracking().GroupBy(a => a.State).Select(g => new
        {
            State = g.Key,
            Count = g.Count(),
            Numbered = g.Count(a => a.ApplicationNumber != null),
            Registered = g.Count(a => a.RegistrationNumber != null),
            Certified = g.Count(a => a.CertificateNumber != null),
        }).ToListAsync(ct).ConfigureAwait(false);
        return new RegisterFiguresView(
            byState.Sum(s => s.Numbered),
            byState.Where(s => Examination.Contains(s.State)).Sum(s => s.Count),
            byState.Where(s => Notice.Contains(s.State)).Sum(s => s.Count),
            byState.Sum(s => s.Registered),
            byState.Where(s => s.State == ApplicationState.Registered).Sum(s => s.Certified),
            await PledgesAsync(ct).ConfigureAwait(false),
            countedAt);
    }

    // SQLite keeps decimals as text and cannot add them up: there the amounts of the pledges in
    // force are added here (a SQLite register is a small one); PostgreSQL adds them in the query.
    private async Task<IReadOnlyList<SecuredAmount>> PledgesAsync(CancellationToken ct)
    {
        var inForce = db.Pledges.AsNoTracking().Where(p => p.Status == PledgeStatus.Registered);
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            var rows = await inForce.Select(p => new { p.Currency, p.SecuredAmount }).ToListAsync(ct).ConfigureAwait(false);
            return [.. rows.GroupBy(p => p.Currency).Select(g => new SecuredAmount(g.Key, g.Count(), g.Sum(p => p.SecuredAmount))).OrderBy(p => p.Currency, StringComparer.Ordinal)];
        }

        var sums = await inForce.GroupBy(p => p.Currency).Select(g => new { Currency = g.Key, Count = g.Count(), Amount = g.Sum(p => p.SecuredAmount) })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. sums.Select(s => new SecuredAmount(s.Currency, s.Count, s.Amount)).OrderBy(p => p.Currency, StringComparer.Ordinal)];
    }
}
