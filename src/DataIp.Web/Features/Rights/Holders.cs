using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights;

/// <summary>A registration's holders as the register keeps them (<see cref="RightHolder"/>): read, recorded, and as acts record them.</summary>
internal static class Holders
{
    /// <summary>
    /// The first holders, recorded with the registration: the applicant (with its account) and any
    /// co-applicants, in the shares <see cref="Holdings.FirstShares"/> gives.
    /// </summary>
    public static List<RightHolder> RecordFirst(RegistryDbContext db, ApplicationRecord app)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(app);
        var applicant = app.Content.Applicant;
        var named = new List<(Guid? Account, string Name, string? Identifier)>
        {
            (app.ApplicantId, applicant?.Name?.Trim() ?? "", applicant?.CreditCode ?? applicant?.IdNumber),
        };
        named.AddRange((applicant?.CoApplicants ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .Select(c => ((Guid?)null, c.Name!.Trim(), c.CreditCode ?? c.IdNumber)));
        var shares = Holdings.FirstShares(named.Count);
        var holders = named.Select((h, i) => new RightHolder
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = app.Id,
            AccountId = h.Account,
            Name = h.Name,
            Identifier = h.Identifier,
            Share = shares[i],
            Position = i,
        }).ToList();
        db.RightHolders.AddRange(holders);
        return holders;
    }

    /// <summary>
    /// Copies the registration's end of validity and whether it has ended onto its holders' rows
    /// (<see cref="RightHolder.ValidUntil"/>, <see cref="RightHolder.Ended"/>), by which a holder's
    /// list is ordered. The act pipeline calls it after every act on a registration is saved, in the
    /// act's transaction, so the copy changes with the registration or not at all; rows that already
    /// agree are not written.
    /// </summary>
    /// <returns>How many rows were updated.</returns>
    public static Task<int> KeepOrderAsync(RegistryDbContext db, ApplicationRecord app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(app);
        if (app.RegistrationNumber is null)
        {
            return Task.FromResult(0);
        }

        var (validUntil, ended) = OrderOf(app);
        return db.RightHolders.Where(h => h.ApplicationId == app.Id && (h.ValidUntil != validUntil || h.Ended != ended))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ValidUntil, validUntil).SetProperty(h => h.Ended, ended), cancellationToken);
    }

    /// <summary>What the holders' rows copy from their registration: its end of validity, and whether it has ended.</summary>
    public static (DateOnly ValidUntil, bool Ended) OrderOf(ApplicationRecord app) =>
        ((app ?? throw new ArgumentNullException(nameof(app))).ValidUntil ?? DateOnly.MaxValue, app.State != ApplicationState.Registered);

    /// <summary>
    /// Records the first holders of every registration made before holders were recorded (databases
    /// from before the register of rights), so that every registration is on its holder's list; run at start.
    /// </summary>
    /// <returns>How many registrations got holders.</returns>
    public static async Task<int> BackfillAsync(RegistryDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var missing = await db.Applications.Where(a => a.RegistrationNumber != null && !db.RightHolders.Any(h => h.ApplicationId == a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var app in missing)
        {
            var (validUntil, ended) = OrderOf(app);
            foreach (var holder in RecordFirst(db, app))
            {
                (holder.ValidUntil, holder.Ended) = (validUntil, ended);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            logger.LogInformation("Recorded the first holders of {Count} registration(s) made before holders were recorded.", missing.Count);
        }

        return missing.Count;
    }

    /// <summary>
    /// The registration's holders, tracked, in order (recorded from the application when a
    /// registration made before holders were recorded is first acted on), and the acting party's holding.
    /// </summary>
    public static async Task<(List<RightHolder> All, RightHolder? Actor)> OfAsync(ActContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Application.Id;
        var holders = await context.Db.RightHolders.Where(h => h.ApplicationId == id).OrderBy(h => h.Position).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (holders.Count == 0)
        {
            holders = RecordFirst(context.Db, context.Application);
        }

        return (holders, context.Party.AccountId is { } account ? holders.FirstOrDefault(h => h.AccountId == account) : null);
    }

    /// <summary>The holders as acts record them (public: name and share in basis points).</summary>
    public static List<HolderShare> Shares(IEnumerable<RightHolder> holders) =>
        [.. holders.OrderBy(h => h.Position).Select(h => new HolderShare(h.Name, h.Share))];

    /// <summary>The holders' names in order, as a certificate prints them.</summary>
    public static List<string> Names(IEnumerable<RightHolder> holders) => [.. holders.OrderBy(h => h.Position).Select(h => h.Name)];

    /// <summary>The current holders' names in order, as a certificate prints them.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(RegistryDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = await db.RightHolders.Where(h => h.ApplicationId == applicationId).OrderBy(h => h.Position).Select(h => h.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (names.Count > 0)
        {
            return names;
        }

        // Registered before holders were recorded: the application's applicants.
        var content = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Content).SingleAsync(cancellationToken).ConfigureAwait(false);
        return Certificates.CertificateIssuer.Holders(content);
    }

    /// <summary>Refuses an act that disposes of the whole of a co-held registration (<see cref="Holdings.NeedsEveryHolder"/>).</summary>
    public static Refusal? RequireSole(ApplicationRecord app, List<RightHolder> holders, RefusalKey what)
    {
        var names = Names(holders);
        return Holdings.NeedsEveryHolder(names, app.RegistrationNumber!, "act") is null ? null
            : Refusal.Conflict("Needs every holder", RefusalKey.NeedsEveryHolder,
                app.RegistrationNumber, names.Count, new RefusalList(RefusalKey.ListNames, [.. names]), new RefusalMessage(what));
    }
}
