using DataIp.Data.Search;

namespace DataIp.Web.Features.Search;

/// <summary>
/// Keeps the search rows (<see cref="SearchEntry"/>) equal to what <see cref="SearchDocument.From"/>
/// makes of each public application: the act pipeline calls <c>KeepAsync</c> after every act
/// is saved, in the act's transaction, so the row changes with the application or not at all; and
/// <see cref="BackfillAsync"/> at start remakes rows that are missing or were made from an earlier
/// version of the application or an earlier <see cref="SearchDocument.Format"/>.
/// </summary>
internal static class SearchIndex
{
    private const int Batch = 500;

    /// <summary>Makes the application's search row what it should be now (removing it if the application is not public).</summary>
    public static Task KeepAsync(RegistryDbContext db, ApplicationRecord application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return KeepAsync(db, [application], cancellationToken);
    }

    /// <summary>Makes every public application's row current where it is missing or stale, a batch at a time; run at start.</summary>
    /// <returns>How many rows were written.</returns>
    public static async Task<int> BackfillAsync(RegistryDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var written = 0;
        while (true)
        {
            var stale = await db.Applications.Include(a => a.Body)
                .Where(a => a.State != ApplicationState.Draft && (a.NoticeStartedAt != null || a.RegistrationNumber != null))
                .Where(a => !db.SearchEntries.Any(e => e.ApplicationId == a.Id && e.Version == a.Version && e.Format == SearchDocument.Format))
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (stale.Count == 0)
            {
                break;
            }

            await KeepAsync(db, stale, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            written += stale.Count;
        }

        if (written > 0)
        {
            logger.LogInformation("Made the search rows of {Count} public application(s) that had none or a stale one.", written);
        }

        return written;
    }

    // One query each for the applications' holders, certificates and rows, then one save.
    private static async Task KeepAsync(RegistryDbContext db, IReadOnlyList<ApplicationRecord> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = applications.Select(a => a.Id).ToList();
        var holders = (await db.RightHolders.Where(h => ids.Contains(h.ApplicationId)).OrderBy(h => h.Position)
            .Select(h => new { h.ApplicationId, h.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(h => h.ApplicationId, h => h.Name);
        var certificates = (await db.Certificates.Where(c => ids.Contains(c.ApplicationId)).OrderBy(c => c.IssuedAt).ThenBy(c => c.CertificateNumber)
            .Select(c => new { c.ApplicationId, c.CertificateNumber }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.ApplicationId, c => c.CertificateNumber);
        var pilots = (await db.PilotAliases.Where(p => ids.Contains(p.ApplicationId)).OrderBy(p => p.PilotNumber)
            .Select(p => new { p.ApplicationId, p.PilotNumber }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(p => p.ApplicationId, p => p.PilotNumber);
        var rows = await db.SearchEntries.Where(e => ids.Contains(e.ApplicationId)).ToDictionaryAsync(e => e.ApplicationId, cancellationToken).ConfigureAwait(false);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            rows.TryGetValue(application.Id, out var row);
            if (!SearchDocument.IsPublic(application))
            {
                if (row is not null)
                {
                    db.SearchEntries.Remove(row);
                }

                continue;
            }

            // Registered before holders were recorded, or not yet registered: the applicants.
            var names = holders[application.Id].ToList() is { Count: > 0 } held ? held : Certificates.CertificateIssuer.Holders(application.Content);
            var entry = SearchDocument.From(application, names, [.. certificates[application.Id], .. pilots[application.Id]]);
            terms.UnionWith(entry.Terms);
            if (row is null)
            {
                db.SearchEntries.Add(entry);
            }
            else
            {
                // The key stays: a cursor's position does not move when the row changes.
                entry.Id = row.Id;
                db.Entry(row).CurrentValues.SetValues(entry);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (db.Provider == DatabaseProvider.Postgres && terms.Count > 0)
        {
            string[] lexicon = [.. terms];
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "SearchLexicon" ("Term") SELECT unnest({lexicon}) ON CONFLICT DO NOTHING""", cancellationToken).ConfigureAwait(false);
        }
    }
}
