using System.Text.Json;

namespace DataIp.Web.Features.Rights;

/// <summary>A holder as the parties see it.</summary>
public sealed record HolderRecordView(string Name, int Share, Guid? AccountId);

/// <summary>A licence as the parties see it (the licensee's identifier included).</summary>
public sealed record LicenceRecordView(
    string Number, string LicenseeName, string? LicenseeIdentifier, Guid? LicenseeAccountId, string Kind, IReadOnlyList<string> Rights,
    string Scope, string Territory, DateOnly StartsOn, DateOnly EndsOn, bool SubLicensing, DateTimeOffset RecordedAt);

/// <summary>A pledge in any state, as its parties see it (the contract number included).</summary>
public sealed record PledgeRecordView(
    string Number, string Status, string FiledBy, string PledgeeName, Guid PledgeeAccountId, string ContractNumber, string SecuredAmount, string Currency,
    DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Rights, int? Priority, DateTimeOffset FiledAt, DateTimeOffset? RegisteredAt,
    DateTimeOffset? ReleasedAt, string? ReleaseBasis, string? CourtOrderNumber, string? CourtName = null, DateOnly? CourtOrderDate = null);

/// <summary>A transfer, as its parties see it.</summary>
public sealed record TransferRecordView(string Number, string Status, string From, Guid FromAccountId, string To, Guid ToAccountId, int Share, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt);

/// <summary>A change request, as the holders and examiners see it.</summary>
public sealed record ChangeRecordView(Guid Id, string Status, JsonElement Changes, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Reasons);

/// <summary>
/// <c>GET /api/v1/registrations/{n}/rights</c>: the register of rights of one registration with
/// what only its parties see (identifiers, contract numbers, filings awaiting confirmation, offers,
/// change requests). Holders, examiners of the body and administrators see all of it; a pledgee,
/// licensee or transferee sees the entries it is party to; anyone else gets 404.
/// </summary>
public sealed record RightsRecordView(
    string RegistrationNumber, string State, IReadOnlyList<HolderRecordView> Holders, IReadOnlyList<LicenceRecordView> Licences,
    IReadOnlyList<PledgeRecordView> Pledges, IReadOnlyList<TransferRecordView> Transfers, IReadOnlyList<ChangeRecordView> Changes)
{
    /// <summary>Reads the record as the party may see it, or null when it may see nothing of it.</summary>
    public static async Task<RightsRecordView?> ReadAsync(RegistryDbContext db, string registrationNumber, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct).ConfigureAwait(false);
        if (app is null)
        {
            return null;
        }

        var id = app.Id;
        var holders = await db.RightHolders.AsNoTracking().Where(h => h.ApplicationId == id).OrderBy(h => h.Position).ToListAsync(ct).ConfigureAwait(false);
        var licences = await db.Licences.AsNoTracking().Where(l => l.ApplicationId == id).OrderBy(l => l.RecordedAt).ThenBy(l => l.Number).ToListAsync(ct).ConfigureAwait(false);
        var pledges = await db.Pledges.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.FiledAt).ThenBy(p => p.Number).ToListAsync(ct).ConfigureAwait(false);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.ApplicationId == id).OrderBy(t => t.ProposedAt).ThenBy(t => t.Number).ToListAsync(ct).ConfigureAwait(false);
        var account = party.AccountId;
        var seesAll = (account is not null && holders.Any(h => h.AccountId == account))
            || (holders.Count == 0 && app.ApplicantId == account)
            || (party.Role == AccountRole.Examiner && party.BodyId == app.BodyId)
            || (party.Role == AccountRole.Administrator && (party.BodyId is null || party.BodyId == app.BodyId));
        if (!seesAll)
        {
            licences = [.. licences.Where(l => l.LicenseeAccountId == account)];
            pledges = [.. pledges.Where(p => p.PledgeeAccountId == account)];
            transfers = [.. transfers.Where(t => t.ToAccountId == account)];
            if (account is null || (licences.Count == 0 && pledges.Count == 0 && transfers.Count == 0))
            {
                return null;
            }
        }

        var changes = seesAll
            ? await db.ChangeRequests.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.RequestedAt).ToListAsync(ct).ConfigureAwait(false)
            : [];
        return new RightsRecordView(
            registrationNumber,
            JsonNaming.Camel(app.State),
            [.. holders.Select(h => new HolderRecordView(h.Name, h.Share, h.AccountId))],
            [.. licences.Select(l => new LicenceRecordView(l.Number, l.LicenseeName, l.LicenseeIdentifier, l.LicenseeAccountId, JsonNaming.Camel(l.Kind),
                RightsChecks.RightsNames(l.Rights), l.Scope, l.Territory, l.StartsOn, l.EndsOn, l.SubLicensing, l.RecordedAt))],
            [.. pledges.Select(p => new PledgeRecordView(p.Number, JsonNaming.Camel(p.Status), p.FiledBy, p.PledgeeName, p.PledgeeAccountId, p.ContractNumber,
                new Domain.Rights.MoneyAmount(p.SecuredAmount, p.Currency).Text, p.Currency, p.StartsOn, p.EndsOn, RightsChecks.RightsNames(p.Rights), p.Priority,
                p.FiledAt, p.RegisteredAt, p.ReleasedAt, p.ReleaseBasis, p.CourtOrderNumber, p.CourtName, p.CourtOrderDate))],
            [.. transfers.Select(t => new TransferRecordView(t.Number, JsonNaming.Camel(t.Status), t.FromName, t.FromAccountId, t.ToName, t.ToAccountId, t.Share, t.ProposedAt, t.DecidedAt))],
            [.. changes.Select(c => new ChangeRecordView(c.Id, JsonNaming.Camel(c.Status), JsonDocument.Parse(c.Changes).RootElement.Clone(), c.RequestedAt, c.DecidedAt, c.Reasons))]);
    }
}
