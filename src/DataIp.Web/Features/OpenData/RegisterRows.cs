using System.Runtime.CompilerServices;
using DataIp.Domain.Calendar;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Features.OpenData;

/// <summary>
/// One registration of the public register as the open data gives it: public fields only
/// (docs/open-data.md, "Columns"). Its legal status follows the certificates' rule, as the record
/// page's does.
/// </summary>
/// <param name="RegistrationNumber">The registration number.</param>
/// <param name="CertificateNumber">The current certificate's number.</param>
/// <param name="DataName">The data's name.</param>
/// <param name="Holders">The current holders and their shares (basis points).</param>
/// <param name="BodyCode">The registration body's code.</param>
/// <param name="BodyName">Its name.</param>
/// <param name="BodyNameEn">Its name in English.</param>
/// <param name="RegionCode">Its region (GB/T 2260).</param>
/// <param name="RegistrationDate">The day of registration.</param>
/// <param name="ValidUntil">The last day of validity.</param>
/// <param name="LegalStatus">The legal status on the export's day.</param>
/// <param name="Licences">Licences recorded whose term has not ended.</param>
/// <param name="Pledges">Pledges registered and not released.</param>
public sealed record RegisterRow(
    string RegistrationNumber,
    string? CertificateNumber,
    string DataName,
    IReadOnlyList<HolderView> Holders,
    string BodyCode,
    string BodyName,
    string BodyNameEn,
    string RegionCode,
    DateOnly? RegistrationDate,
    DateOnly? ValidUntil,
    CertificateStatus LegalStatus,
    int Licences,
    int Pledges);

/// <summary>
/// Reads the public register in registration-number order, <see cref="BatchSize"/> registrations
/// at a time (keyset), with their holders and licence counts in one query each per batch: memory
/// stays that of one batch whatever the register's size, and the number of queries grows with
/// the number of batches, never with the rows. Read inside a <see cref="ReadSnapshot"/>, every
/// batch sees the same instant.
/// </summary>
internal static class RegisterRows
{
    /// <summary>Registrations per batch.</summary>
    public const int BatchSize = 1_000;

    /// <summary>Every registration, in registration-number order, as of <paramref name="today"/> (China).</summary>
    public static async IAsyncEnumerable<RegisterRow> ReadAsync(RegistryDbContext db, DateOnly today, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var after = "";
        while (true)
        {
            var batch = await db.Applications.AsNoTracking()
                .Where(a => a.RegistrationNumber != null && a.RegistrationNumber.CompareTo(after) > 0)
                .OrderBy(a => a.RegistrationNumber).Take(BatchSize)
                .Select(a => new
                {
                    a.Id,
                    a.RegistrationNumber,
                    a.CertificateNumber,
                    a.DataName,
                    a.State,
                    a.RegistrationDate,
                    a.ValidUntil,
                    a.ActivePledges,
                    a.Body.Code,
                    a.Body.Name,
                    a.Body.NameEn,
                    a.Body.RegionCode,
                })
                .ToListAsync(ct).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                yield break;
            }

            var ids = batch.Select(a => a.Id).ToList();
            var holders = (await db.RightHolders.AsNoTracking().Where(h => ids.Contains(h.ApplicationId) && !h.Ended)
                    .OrderBy(h => h.Position).Select(h => new { h.ApplicationId, h.Name, h.Share }).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(h => h.ApplicationId, h => new HolderView(h.Name, h.Share));
            var licences = await db.Licences.AsNoTracking().Where(l => ids.Contains(l.ApplicationId) && l.EndsOn >= today)
                .GroupBy(l => l.ApplicationId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
            foreach (var a in batch)
            {
                yield return new RegisterRow(
                    a.RegistrationNumber!, a.CertificateNumber, a.DataName, [.. holders[a.Id]], a.Code, a.Name, a.NameEn, a.RegionCode,
                    a.RegistrationDate, a.ValidUntil,
                    CertificateStatusRules.Decide(a.State, false, a.ValidUntil ?? DateOnly.MaxValue, today, a.ActivePledges),
                    licences.GetValueOrDefault(a.Id), a.ActivePledges);
            }

            after = batch[^1].RegistrationNumber!;
        }
    }

    /// <summary>How many registrations the register holds.</summary>
    public static Task<int> CountAsync(RegistryDbContext db, CancellationToken ct) =>
        db.Applications.CountAsync(a => a.RegistrationNumber != null, ct);

    /// <summary>The China date of <paramref name="now"/>: the day whose legal status the export gives.</summary>
    public static DateOnly Today(DateTimeOffset now) => ChinaTime.ToChinaDate(now);
}
