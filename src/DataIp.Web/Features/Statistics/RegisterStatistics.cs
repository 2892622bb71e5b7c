using DataIp.Web.Features.Register;
using Microsoft.Extensions.Caching.Memory;

namespace DataIp.Web.Features.Statistics;

/// <summary>The statistics asked for, or why the filter was refused.</summary>
/// <param name="View">The figures; null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Each refused filter value.</param>
/// <param name="Bodies">The registration bodies (a filter names one of them).</param>
public sealed record StatisticsOutcome(StatisticsView? View, IReadOnlyList<StatisticsProblem> Problems, IReadOnlyList<StatisticsBody> Bodies);

/// <summary>
/// The one place every statistic of the register is derived (the API, the page and the CSV files
/// all read it). The register is read into a <see cref="StatisticsSnapshot"/> at most once per
/// <see cref="MaxAge"/> on this node, like <see cref="RegisterFigures"/>; each filter is then
/// computed from the snapshot in memory, so a filter costs no query and no cache entry of its own
/// (hostile filters cannot fill the cache).
/// </summary>
public sealed class RegisterStatistics(RegistryDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long counted figures are shown before the register is counted again.</summary>
    public static readonly TimeSpan MaxAge = RegisterFigures.MaxAge;

    private const string CacheKey = "register-statistics";

    // A reading of the register and its unfiltered figures, cached together so that they agree.
    private sealed record Reading(StatisticsSnapshot Snapshot, StatisticsView All)
    {
        public static Reading Of(StatisticsSnapshot snapshot) => new(snapshot, Compute(snapshot, new StatisticsFilter(null, null, null)));
    }

    /// <summary>The statistics under <paramref name="query"/>, counted at most <see cref="MaxAge"/> ago.</summary>
    public async Task<StatisticsOutcome> ReadAsync(StatisticsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reading = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            return Reading.Of(await CountAsync(ct).ConfigureAwait(false));
        }).ConfigureAwait(false) ?? Reading.Of(await CountAsync(ct).ConfigureAwait(false));
        // The unfiltered figures (the page as most visitors open it) are computed once per reading.
        return query.From is null or "" && query.To is null or "" && query.Body is null or ""
            ? new StatisticsOutcome(reading.All, [], reading.Snapshot.Bodies)
            : Compute(reading.Snapshot, query);
    }

    /// <summary>The register as stored now (no cache).</summary>
    public Task<StatisticsSnapshot> CountAsync(CancellationToken ct) => StatisticsSnapshot.ReadAsync(db, clock.GetUtcNow(), ct);

    /// <summary>The statistics of <paramref name="snapshot"/> under <paramref name="query"/>.</summary>
    public static StatisticsOutcome Compute(StatisticsSnapshot snapshot, StatisticsQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var (filter, problems) = query.Check(snapshot.Bodies.Select(b => b.Code));
        return new StatisticsOutcome(filter is null ? null : Compute(snapshot, filter), problems, snapshot.Bodies);
    }

    /// <summary>The figures of <paramref name="snapshot"/> under a checked filter.</summary>
    public static StatisticsView Compute(StatisticsSnapshot snapshot, StatisticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        var bodies = snapshot.Bodies.Where(b => filter.BodyCode is null || b.Code == filter.BodyCode).ToList();
        var ids = bodies.Select(b => b.Id).ToHashSet();
        var counted = snapshot.Applications.Where(a => ids.Contains(a.BodyId)).Select(a => Counted.Of(a, filter)).Where(c => c.Any).ToList();
        var licences = snapshot.Licences.Where(l => ids.Contains(l.BodyId) && filter.Covers(l.Recorded)).ToList();
        var transfers = snapshot.Transfers.Where(t => ids.Contains(t.BodyId) && filter.Covers(t.Recorded)).ToList();
        var pledges = snapshot.Pledges.Where(p => ids.Contains(p.BodyId) && filter.Covers(p.Filed)).ToList();
        // One pass over the rows per grouping, never a pass per body.
        var perBody = counted.GroupBy(c => c.BodyId).ToDictionary(g => g.Key, Tally.Of);
        var licencesPerBody = licences.CountBy(l => l.BodyId).ToDictionary();
        var transfersPerBody = transfers.CountBy(t => t.BodyId).ToDictionary();
        var daysPerBody = counted.Where(c => c.ProcessingDays is not null).GroupBy(c => c.BodyId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(c => c.ProcessingDays!.Value).Order()]);

        return new StatisticsView(
            snapshot.CountedAt,
            (int)MaxAge.TotalSeconds,
            filter.From?.ToString(),
            filter.To?.ToString(),
            filter.BodyCode,
            new StatisticsTotals(
                counted.Count(c => c.Submitted is not null), counted.Count(c => c.Registered is not null), counted.Count(c => c.Issued is not null),
                licences.Count, transfers.Count, pledges.Count),
            [.. bodies.Select(b =>
            {
                var t = perBody.GetValueOrDefault(b.Id);
                return new BodyFigures(b.Code, b.Name, b.NameEn, b.RegionCode, t.Applications, t.Registrations, t.ValidCertificates,
                    licencesPerBody.GetValueOrDefault(b.Id), transfersPerBody.GetValueOrDefault(b.Id));
            })],
            [.. bodies.GroupBy(b => ProvinceNames.ProvinceOf(b.RegionCode)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var t = Tally.Sum(g.Select(b => perBody.GetValueOrDefault(b.Id)));
                var name = ProvinceNames.Of(g.Key);
                return new ProvinceFigures(g.Key, name?.Chinese, name?.English, t.Applications, t.Registrations, t.ValidCertificates);
            })],
            [.. bodies.GroupBy(b => b.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var t = Tally.Sum(g.Select(b => perBody.GetValueOrDefault(b.Id)));
                return new RegionFigures(g.Key, ProvinceNames.ProvinceOf(g.Key), [.. g.Select(b => b.Code)], t.Applications, t.Registrations, t.ValidCertificates);
            })],
            [.. counted.GroupBy(c => Section(c.IndustryCode)).OrderBy(g => g.Key ?? "~", StringComparer.Ordinal).Select(g =>
            {
                var t = Tally.Of(g);
                var name = g.Key is null ? null : IndustryNames.Section(g.Key[0]);
                return new IndustrySectionFigures(g.Key, name?.Chinese, name?.English, t.Applications, t.Registrations, t.ValidCertificates);
            })],
            [.. counted.GroupBy(c => Division(c.IndustryCode)).OrderBy(g => g.Key ?? "~", StringComparer.Ordinal).Select(g =>
            {
                var t = Tally.Of(g);
                var name = g.Key is null ? null : IndustryNames.Division(int.Parse(g.Key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
                return new IndustryDivisionFigures(g.Key, Section(g.Key), name?.Chinese, name?.English, t.Applications, t.Registrations, t.ValidCertificates);
            })],
            Months(counted, licences, transfers),
            [.. Enum.GetValues<PledgeStatus>().Select(status =>
            {
                var these = pledges.Where(p => p.Status == status).ToList();
                return new PledgeStatusFigures(status, these.Count, [.. these.GroupBy(p => p.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new SecuredAmount(g.Key, g.Count(), g.Sum(p => p.Amount)))]);
            })],
            [.. bodies.Select(b =>
            {
                var days = daysPerBody.TryGetValue(b.Id, out var list) ? list : [];
                return new ProcessingTimeFigures(b.Code, b.Name, b.NameEn, days.Count, Percentile(days, 50), Percentile(days, 90));
            })]);
    }

    /// <summary>
    /// The <paramref name="percent"/>th percentile of <paramref name="sorted"/> by the nearest-rank
    /// method: the smallest value with at least that percent of the values at or below it, i.e. the
    /// value at rank ⌈n·p/100⌉ (1-based). Always one of the values (PostgreSQL's percentile_disc
    /// gives the same); the median of an even count is the lower middle value. Null for no values.
    /// </summary>
    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="percent">1–100.</param>
    public static int? Percentile(IReadOnlyList<int> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)(((long)sorted.Count * percent + 99) / 100);
        return sorted[rank - 1];
    }

    private static MonthFigures[] Months(List<Counted> counted, List<StatisticsRight> licences, List<StatisticsRight> transfers)
    {
        if (counted.Count == 0 && licences.Count == 0 && transfers.Count == 0)
        {
            return [];
        }

        // One pass per measure into counts by month, then every month of the span in order.
        static Dictionary<StatisticsMonth, int> By(IEnumerable<DateOnly?> days) =>
            days.OfType<DateOnly>().GroupBy(StatisticsMonth.Of).ToDictionary(g => g.Key, g => g.Count());
        var measures = new[]
        {
            By(counted.Select(c => c.Submitted)), By(counted.Select(c => c.Registered)), By(counted.Select(c => c.Issued)),
            By(licences.Select(l => (DateOnly?)l.Recorded)), By(transfers.Select(t => (DateOnly?)t.Recorded)),
        };
        var months = new List<MonthFigures>();
        var last = measures.SelectMany(m => m.Keys).Max();
        for (var month = measures.SelectMany(m => m.Keys).Min(); month <= last; month = month.Next())
        {
            var n = measures.Select(m => m.GetValueOrDefault(month)).ToArray();
            months.Add(new MonthFigures(month.ToString(), n[0], n[1], n[2], n[3], n[4]));
        }

        return [.. months];
    }

    private static string? Section(string? industryCode) => industryCode is { Length: > 0 } ? industryCode[..1] : null;

    private static string? Division(string? industryCode) => industryCode is { Length: 3 } && IndustryClassification.IsValid(industryCode) ? industryCode : null;

    // An application as the filter counts it: each date kept only when its month is in the filter.
    private readonly record struct Counted(int BodyId, string? IndustryCode, DateOnly? Submitted, DateOnly? Registered, DateOnly? Issued, int? ProcessingDays)
    {
        public bool Any => Submitted is not null || Registered is not null || Issued is not null;

        public static Counted Of(StatisticsApplication a, StatisticsFilter filter)
        {
            DateOnly? In(DateOnly? day) => day is { } d && filter.Covers(d) ? d : null;
            var registered = In(a.Registered);
            // Calendar days, China time: registered the day after submission is 1 day.
            var days = registered is { } r && a.Submitted is { } s ? r.DayNumber - s.DayNumber : (int?)null;
            return new Counted(a.BodyId, a.IndustryCode, In(a.Submitted), registered, In(a.CertificateIssued), days);
        }
    }

    private readonly record struct Tally(int Applications, int Registrations, int ValidCertificates)
    {
        public static Tally Of(IEnumerable<Counted> rows)
        {
            var list = rows as IReadOnlyCollection<Counted> ?? [.. rows];
            return new Tally(list.Count(c => c.Submitted is not null), list.Count(c => c.Registered is not null), list.Count(c => c.Issued is not null));
        }

        public static Tally Sum(IEnumerable<Tally> tallies) =>
            tallies.Aggregate(default(Tally), (a, b) => new Tally(a.Applications + b.Applications, a.Registrations + b.Registrations, a.ValidCertificates + b.ValidCertificates));
    }
}
