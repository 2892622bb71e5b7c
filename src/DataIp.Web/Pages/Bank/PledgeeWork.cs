using DataIp.Domain.Numbering;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Pages.Bank;

/// <summary>A pledge of the signed-in bank, with the registration it is on.</summary>
/// <param name="RegistrationNumber">The registration pledged.</param>
/// <param name="DataName">The data's name, as entered.</param>
/// <param name="Number">The pledge's number.</param>
/// <param name="FiledBy">Who filed it: <c>holder</c> (the bank confirms) or <c>pledgee</c> (the holder confirms).</param>
/// <param name="ContractNumber">The pledge contract's number (the parties' own).</param>
/// <param name="Amount">The secured amount with its currency.</param>
/// <param name="StartsOn">First day of the secured term.</param>
/// <param name="EndsOn">Last day of the secured term.</param>
/// <param name="Priority">Its rank once registered.</param>
/// <param name="FiledAt">When it was filed.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record OwnPledge(
    string RegistrationNumber, string DataName, string Number, string FiledBy, string ContractNumber, string Amount, DateOnly StartsOn, DateOnly EndsOn,
    int? Priority, DateTimeOffset FiledAt, DateTimeOffset? RegisteredAt);

/// <summary>An offered transfer of a registration the bank holds a registered pledge on, which cannot take effect without its consent.</summary>
/// <param name="RegistrationNumber">The registration.</param>
/// <param name="DataName">The data's name.</param>
/// <param name="PledgeNumber">The bank's pledge whose consent it needs.</param>
/// <param name="TransferNumber">The transfer's number (the consent's reference).</param>
/// <param name="Share">The share offered, in basis points.</param>
/// <param name="ProposedAt">When it was offered.</param>
public sealed record ConsentRequest(string RegistrationNumber, string DataName, string PledgeNumber, string TransferNumber, int Share, DateTimeOffset ProposedAt);

/// <summary>What the bank may see of one registration: its public legal status, and its own pledges in full.</summary>
/// <param name="Status">The legal status now, as anyone sees it (<c>GET …/status</c>).</param>
/// <param name="DataName">The data's name.</param>
/// <param name="Own">The bank's own pledges on it, in any state (<c>GET …/rights</c> as the bank).</param>
/// <param name="OpenTransfers">Transfers offered and awaiting the bank's consent.</param>
public sealed record Encumbrances(LegalStatusView Status, string DataName, IReadOnlyList<PledgeRecordView> Own, IReadOnlyList<ConsentRequest> OpenTransfers);

/// <summary>
/// The reads of the bank's desk (<c>/bank</c>): a registration's encumbrances found by registration or
/// certificate number, and the bank's own work. Each list is one query (no query per row) and
/// shows at most <see cref="MaxRows"/> rows, oldest first, so that nothing waits unseen for long.
/// </summary>
/// <remarks>
/// Disclosure follows the API: the legal status is public (<see cref="LegalStatus"/>); the bank's own
/// pledges come from <see cref="RightsRecordView.ReadAsync"/> as the bank (contract numbers, filings
/// awaiting confirmation); another bank's pledges only as the public sees them. One addition: a
/// transfer offered on a registration the bank holds a registered pledge on shows its number,
/// share and date to that bank, because the transfer cannot take effect without the bank's consent
/// naming it (DOMAIN §9; <see cref="Consents"/>), and the bank is told of the offer anyway.
/// </remarks>
internal static class PledgeeWork
{
    /// <summary>Most rows each list of the desk shows.</summary>
    public const int MaxRows = 100;

    /// <summary>The registration number a typed number leads to: a registration number as is, a certificate's registration; null when none.</summary>
    public static async Task<string?> RegistrationOfAsync(RegistryDbContext db, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (RegistrationNumber.TryParse(number, out _, out _))
        {
            return await db.Applications.AnyAsync(a => a.RegistrationNumber == number, ct).ConfigureAwait(false) ? number : null;
        }

        return await db.Certificates.AsNoTracking().Where(c => c.CertificateNumber == number).Select(c => c.RegistrationNumber)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The registration's encumbrances as the bank may see them now; null when it is not registered.</summary>
    public static async Task<Encumbrances?> EncumbrancesAsync(RegistryDbContext db, string registrationNumber, ActingParty bank, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(bank);
        var (status, _) = await LegalStatus.AtAsync(db, registrationNumber, now, ct).ConfigureAwait(false);
        if (status is null)
        {
            return null;
        }

        var dataName = await db.Applications.Where(a => a.RegistrationNumber == registrationNumber).Select(a => a.DataName).SingleAsync(ct).ConfigureAwait(false);
        var own = await RightsRecordView.ReadAsync(db, registrationNumber, bank, ct).ConfigureAwait(false);
        var transfers = await ConsentRequestsAsync(db, bank.AccountId!.Value, registrationNumber, ct).ConfigureAwait(false);
        return new Encumbrances(status, dataName, own?.Pledges.Where(p => p.PledgeeAccountId == bank.AccountId).ToList() ?? [], transfers);
    }

    /// <summary>The bank's pledges filed or registered, oldest first.</summary>
    public static async Task<List<OwnPledge>> PledgesAsync(RegistryDbContext db, Guid bank, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Pledges.AsNoTracking()
            .Where(p => p.PledgeeAccountId == bank && (p.Status == PledgeStatus.Filed || p.Status == PledgeStatus.Registered))
            .Join(db.Applications, p => p.ApplicationId, a => a.Id, (p, a) => new { Pledge = p, a.RegistrationNumber, a.DataName })
            .OrderBy(x => x.Pledge.FiledAt).ThenBy(x => x.Pledge.Number).Take(MaxRows * 2)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(x => new OwnPledge(
            x.RegistrationNumber ?? "", x.DataName, x.Pledge.Number, x.Pledge.FiledBy, x.Pledge.ContractNumber,
            new MoneyAmount(x.Pledge.SecuredAmount, x.Pledge.Currency).Text + " " + x.Pledge.Currency, x.Pledge.StartsOn, x.Pledge.EndsOn,
            x.Pledge.Status == PledgeStatus.Registered ? x.Pledge.Priority : null, x.Pledge.FiledAt, x.Pledge.RegisteredAt))];
    }

    /// <summary>
    /// Transfers offered on registrations the bank holds a registered pledge on, for which the pledge
    /// has no unused consent naming the transfer (or any transfer): what <see cref="Consents"/> would refuse.
    /// </summary>
    public static async Task<List<ConsentRequest>> ConsentRequestsAsync(RegistryDbContext db, Guid bank, string? registrationNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pledges = db.Pledges.Where(p => p.PledgeeAccountId == bank && p.Status == PledgeStatus.Registered);
        var rows = await db.Transfers.AsNoTracking().Where(t => t.Status == TransferStatus.Proposed)
            .Join(pledges, t => t.ApplicationId, p => p.ApplicationId, (t, p) => new { Transfer = t, PledgeId = p.Id, PledgeNumber = p.Number })
            .Join(db.Applications, x => x.Transfer.ApplicationId, a => a.Id, (x, a) => new { x.Transfer, x.PledgeId, x.PledgeNumber, a.RegistrationNumber, a.DataName })
            .Where(x => registrationNumber == null || x.RegistrationNumber == registrationNumber)
            .Where(x => !db.PledgeConsents.Any(c => c.PledgeId == x.PledgeId && c.Purpose == ConsentPurpose.Transfer && c.UsedByActId == null
                && (c.Reference == null || c.Reference == x.Transfer.Number)))
            .OrderBy(x => x.Transfer.ProposedAt).ThenBy(x => x.Transfer.Number).Take(MaxRows)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(x => new ConsentRequest(x.RegistrationNumber ?? "", x.DataName, x.PledgeNumber, x.Transfer.Number, x.Transfer.Share, x.Transfer.ProposedAt))];
    }
}
