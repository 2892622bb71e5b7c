using DataIp.Data;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Statistics;

/// <summary>
/// The statistics counted again straight from the tables loaded into memory, written from the
/// definitions in docs/statistics.md and not from the service's code: each table as rows of
/// strings (key, then the figures) to compare with the API's.
/// </summary>
internal sealed class DirectCount
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly List<Data.Bodies.RegistrationBody> _bodies;
    private readonly List<Data.Applications.ApplicationRecord> _applications;
    private readonly Dictionary<string, Data.Certificates.Certificate> _certificates;
    private readonly List<(int BodyId, Data.Rights.LicenceRecord Licence)> _licences;
    private readonly List<(int BodyId, Data.Rights.TransferRecord Transfer)> _transfers;
    private readonly List<(int BodyId, Data.Rights.PledgeRecord Pledge)> _pledges;

    private DirectCount(RegistryDbContext db)
    {
        _bodies = [.. db.Bodies.AsNoTracking()];
        _applications = [.. db.Applications.AsNoTracking()];
        _certificates = db.Certificates.AsNoTracking().ToDictionary(c => c.CertificateNumber);
        var bodyOf = _applications.ToDictionary(a => a.Id, a => a.BodyId);
        _licences = [.. db.Licences.AsNoTracking().AsEnumerable().Select(l => (bodyOf[l.ApplicationId], l))];
        _transfers = [.. db.Transfers.AsNoTracking().AsEnumerable().Select(t => (bodyOf[t.ApplicationId], t))];
        _pledges = [.. db.Pledges.AsNoTracking().AsEnumerable().Select(p => (bodyOf[p.ApplicationId], p))];
    }

    public static async Task<DirectCount> LoadAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        return new DirectCount(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public static string Month(DateTimeOffset instant) => instant.ToOffset(China).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string Month(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every table under a filter (months as YYYY-MM strings compare in order).</summary>
    public Dictionary<string, List<string>> Tables(string? from, string? to, string? body)
    {
        bool In(string? month) => month is not null && (from is null || string.CompareOrdinal(month, from) >= 0) && (to is null || string.CompareOrdinal(month, to) <= 0);
        var bodies = _bodies.Where(b => body is null || b.Code == body).OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
        var ids = bodies.Select(b => b.Id).ToHashSet();

        // Each application's three months, kept only inside the filter.
        var rows = _applications.Where(a => ids.Contains(a.BodyId)).Select(a =>
        {
            var submitted = a.ApplicationNumber is null ? null : Month(a.SubmittedAt!.Value);
            var registered = a.RegistrationNumber is null ? null : Month(a.RegistrationDate!.Value);
            var issued = a.State == ApplicationState.Registered && a.CertificateNumber is not null ? Month(_certificates[a.CertificateNumber].IssuedAt) : null;
            return (a.BodyId, a.IndustryCode, Submitted: In(submitted) ? submitted : null, Registered: In(registered) ? registered : null, Issued: In(issued) ? issued : null,
                Days: In(registered) && a.SubmittedAt is { } s ? a.RegistrationDate!.Value.DayNumber - DateOnly.FromDateTime(s.ToOffset(China).DateTime).DayNumber : (int?)null);
        }).ToList();
        var licences = _licences.Where(l => ids.Contains(l.BodyId) && In(Month(l.Licence.RecordedAt))).ToList();
        var transfers = _transfers.Where(t => ids.Contains(t.BodyId) && t.Transfer.Status == TransferStatus.Accepted && In(Month(t.Transfer.DecidedAt!.Value))).ToList();
        var pledges = _pledges.Where(p => ids.Contains(p.BodyId) && In(Month(p.Pledge.FiledAt))).ToList();
        string Three<T>(IEnumerable<T> group, Func<T, (string?, string?, string?)> months) =>
            $"{group.Count(g => months(g).Item1 is not null)},{group.Count(g => months(g).Item2 is not null)},{group.Count(g => months(g).Item3 is not null)}";
        var counted = rows.Where(r => r.Submitted is not null || r.Registered is not null || r.Issued is not null).ToList();

        var allMonths = counted.SelectMany(r => new[] { r.Submitted, r.Registered, r.Issued }).OfType<string>()
            .Concat(licences.Select(l => Month(l.Licence.RecordedAt))).Concat(transfers.Select(t => Month(t.Transfer.DecidedAt!.Value))).ToList();
        var months = new List<string>();
        if (allMonths.Count > 0)
        {
            for (var m = DateOnly.ParseExact(allMonths.Min()! + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                 string.CompareOrdinal(Month(m), allMonths.Max()) <= 0; m = m.AddMonths(1))
            {
                months.Add(Month(m));
            }
        }

        return new Dictionary<string, List<string>>
        {
            ["totals"] = [$"{counted.Count(r => r.Submitted is not null)},{counted.Count(r => r.Registered is not null)},{counted.Count(r => r.Issued is not null)},{licences.Count},{transfers.Count},{pledges.Count}"],
            ["bodies"] = [.. bodies.Select(b => $"{b.Code}:{Three(counted.Where(r => r.BodyId == b.Id), r => (r.Submitted, r.Registered, r.Issued))},{licences.Count(l => l.BodyId == b.Id)},{transfers.Count(t => t.BodyId == b.Id)}")],
            ["provinces"] = [.. bodies.GroupBy(b => b.RegionCode[..2]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}:{Three(counted.Where(r => g.Any(b => b.Id == r.BodyId)), r => (r.Submitted, r.Registered, r.Issued))}")],
            ["regions"] = [.. bodies.GroupBy(b => b.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}:{Three(counted.Where(r => g.Any(b => b.Id == r.BodyId)), r => (r.Submitted, r.Registered, r.Issued))}")],
            ["sections"] = [.. counted.GroupBy(r => r.IndustryCode?[..1]).OrderBy(g => g.Key ?? "~", StringComparer.Ordinal)
                .Select(g => $"{g.Key}:{Three(g, r => (r.Submitted, r.Registered, r.Issued))}")],
            ["divisions"] = [.. counted.GroupBy(r => r.IndustryCode).OrderBy(g => g.Key ?? "~", StringComparer.Ordinal)
                .Select(g => $"{g.Key}:{Three(g, r => (r.Submitted, r.Registered, r.Issued))}")],
            ["months"] = [.. months.Select(m => $"{m}:{counted.Count(r => r.Submitted == m)},{counted.Count(r => r.Registered == m)},{counted.Count(r => r.Issued == m)},"
                + $"{licences.Count(l => Month(l.Licence.RecordedAt) == m)},{transfers.Count(t => Month(t.Transfer.DecidedAt!.Value) == m)}")],
            ["pledges"] = [.. Enum.GetValues<PledgeStatus>().Select(s => $"{s}:{pledges.Count(p => p.Pledge.Status == s)}:" + string.Join(";",
                pledges.Where(p => p.Pledge.Status == s).GroupBy(p => p.Pledge.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key}={g.Count()}={g.Sum(p => p.Pledge.SecuredAmount).ToString(System.Globalization.CultureInfo.InvariantCulture)}")))],
            ["times"] = [.. bodies.Select(b =>
            {
                var days = rows.Where(r => r.BodyId == b.Id && r.Days is not null).Select(r => r.Days!.Value).Order().ToList();
                // Nearest rank: the value at rank ceil(n·p) counting from 1.
                string At(int percent) => days.Count == 0 ? "" : days[(int)Math.Ceiling(days.Count * percent / 100.0) - 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"{b.Code}:{days.Count},{At(50)},{At(90)}";
            })],
        };
    }
}
