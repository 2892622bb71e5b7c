using System.Globalization;
using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Rights;

/// <summary>A holder and its share, in basis points (10,000 = all).</summary>
public sealed record HolderView(string Name, int Share);

/// <summary>A licence as the register records it.</summary>
public sealed record LicenceView(
    string Number, string Licensee, string Kind, IReadOnlyList<string> Rights, string Scope, string Territory,
    DateOnly StartsOn, DateOnly EndsOn, bool SubLicensing, DateTimeOffset RecordedAt);

/// <summary>A registered pledge; <see cref="Priority"/> 1 ranks first.</summary>
public sealed record PledgeView(
    string Number, int Priority, string Pledgee, string SecuredAmount, string Currency, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<string> Rights, DateTimeOffset RegisteredAt);

/// <summary>The legal status of a registration at an instant, computed from its acts.</summary>
/// <param name="RegistrationNumber">The registration.</param>
/// <param name="At">The instant asked about.</param>
/// <param name="State">registered, expired, cancelled or revoked.</param>
/// <param name="CertificateNumber">The certificate current then.</param>
/// <param name="RegistrationDate">The registration date.</param>
/// <param name="ValidUntil">The last day of validity as it stood then.</param>
/// <param name="Rights">The rights recorded.</param>
/// <param name="Holders">The holders then, in order.</param>
/// <param name="Licences">Licences recorded by then whose term had not ended.</param>
/// <param name="Pledges">Pledges registered by then and not released, in priority order.</param>
/// <param name="Acts">How many acts of the registration the answer is computed from.</param>
public sealed record LegalStatusView(
    string RegistrationNumber, DateTimeOffset At, string State, string? CertificateNumber, DateOnly? RegistrationDate, DateOnly? ValidUntil,
    IReadOnlyList<string> Rights, IReadOnlyList<HolderView> Holders, IReadOnlyList<LicenceView> Licences, IReadOnlyList<PledgeView> Pledges, int Acts);

/// <summary>
/// <c>GET /api/v1/registrations/{n}/status?at=</c>: the legal status at any instant, replayed from
/// the registration's acts (their public particulars) up to it, never read from the current
/// tables, so that it is what the log of acts says it was.
/// </summary>
public static class LegalStatus
{
    /// <summary>One act as the replay reads it.</summary>
    /// <param name="Type">The act's type.</param>
    /// <param name="At">When it took effect.</param>
    /// <param name="Payload">Its particulars.</param>
    public sealed record ActLine(string Type, DateTimeOffset At, string Payload);

    // The end of the last day DateOnly can hold, in China.
    private static readonly DateTimeOffset LastInstant = new(DateOnly.MaxValue.ToDateTime(TimeOnly.MaxValue), ChinaTime.Offset);

    /// <summary>
    /// Parses <c>at</c>: a date (YYYY-MM-DD: the end of that day in China) or an ISO 8601 instant
    /// with an offset; omitted means now.
    /// </summary>
    public static (DateTimeOffset? At, string? Error) ParseAt(string? at, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(at))
        {
            return (now, null);
        }

        if (DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The last tick of the day in China; 9999-12-31 has one too (the next day's start does not exist).
            return (new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), ChinaTime.Offset), null);
        }

        if (!DateTimeOffset.TryParseExact(at, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return (null, $"'{at}' is neither a date (YYYY-MM-DD, meaning the end of that day in China) nor an ISO 8601 instant with an offset (e.g. 2026-03-01T09:00:00+08:00).");
        }

        // The status is of a day in China: an instant after 9999-12-31 ends there has no such day.
        return instant.UtcDateTime <= LastInstant.UtcDateTime
            ? (instant, null)
            : (null, $"'{at}' is after {LastInstant:yyyy-MM-dd'T'HH:mm:ss.fffffffzzz}, the last instant with a date in China.");
    }

    /// <summary>Reads the registration's acts up to the instant and replays them; null when it was not registered then.</summary>
    public static async Task<(LegalStatusView? View, bool Exists)> AtAsync(RegistryDbContext db, string registrationNumber, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = await db.Applications.Where(a => a.RegistrationNumber == registrationNumber).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (id is null)
        {
            return (null, false);
        }

        var utc = at.ToUniversalTime();
        var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == id && a.At <= utc).OrderBy(a => a.Sequence)
            .Select(a => new ActLine(a.Type, a.At, a.Payload)).ToListAsync(ct).ConfigureAwait(false);
        return (Replay(registrationNumber, at, acts), true);
    }

    /// <summary>Replays acts in order (each read through the act catalogue); null when none of them registered the data.</summary>
    public static LegalStatusView? Replay(string registrationNumber, DateTimeOffset at, IReadOnlyList<ActLine> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var replay = new Replayed();
        foreach (var line in acts)
        {
            replay.Apply(ActJson.Read(line.Type, line.Payload), line.At);
        }

        if (!replay.Registered)
        {
            return null;
        }

        var day = ChinaTime.ToChinaDate(at);
        return new LegalStatusView(
            registrationNumber, at, replay.State!, replay.Certificate, replay.RegistrationDate, replay.ValidUntil, replay.Rights, replay.Holders,
            [.. replay.Licences.Where(l => l.EndsOn >= day)], [.. replay.Pledges.OrderBy(x => x.Priority)], acts.Count);
    }

    /// <summary>The registration as the acts replayed so far leave it.</summary>
    private sealed class Replayed
    {
        public bool Registered { get; private set; }

        public string? State { get; private set; }

        public string? Certificate { get; private set; }

        public DateOnly? RegistrationDate { get; private set; }

        public DateOnly? ValidUntil { get; private set; }

        public List<string> Rights { get; private set; } = [];

        public List<HolderView> Holders { get; private set; } = [];

        public List<LicenceView> Licences { get; } = [];

        public List<PledgeView> Pledges { get; } = [];

        public void Apply(ActPayload act, DateTimeOffset at)
        {
            if (act is TransitionPayload transition)
            {
                State = JsonNaming.Camel(transition.ToState);
            }

            switch (act)
            {
                case RegisterAct register:
                    Registered = true;
                    RegistrationDate = register.RegistrationDate;
                    ValidUntil = register.ValidUntil;
                    Rights = [.. (register.Rights ?? []).Select(JsonNaming.Camel)];
                    Holders = register.Holders is { } first ? View(first) : [new HolderView(register.Holder ?? "", Holdings.Whole)];
                    break;
                case ImportRegistrationAct imported:
                    Registered = true;
                    RegistrationDate = imported.RegistrationDate;
                    ValidUntil = imported.ValidUntil;
                    Rights = [.. (imported.Rights ?? []).Select(JsonNaming.Camel)];
                    Holders = View(imported.Holders);
                    break;
                case IssueCertificateAct issue:
                    Certificate = issue.CertificateNumber;
                    break;
                case RenewAct renew:
                    ValidUntil = renew.ValidUntil;
                    break;
                case AcceptTransferAct { Holders: { } after }:
                    Holders = View(after);
                    break;
                case ApproveChangeAct { Holders: { } renamed }:
                    Holders = View(renamed);
                    break;
                case RecordLicenceAct { Licence: var l }:
                    Licences.Add(new LicenceView(l.Number, l.Licensee, JsonNaming.Camel(l.Kind), [.. l.Rights.Select(JsonNaming.Camel)], l.Scope, l.Territory,
                        l.StartsOn, l.EndsOn, l.SubLicensing, at));
                    break;
                case ConfirmPledgeAct { Pledge: var p }:
                    Pledges.Add(new PledgeView(p.Number, p.Priority ?? 0, p.Pledgee, p.SecuredAmount, p.Currency, p.StartsOn, p.EndsOn,
                        [.. p.Rights.Select(JsonNaming.Camel)], at));
                    break;
                case ReleasePledgeAct release:
                    Pledges.RemoveAll(x => x.Number == release.PledgeNumber);
                    break;
                default:
                    break;
            }
        }

        private static List<HolderView> View(IReadOnlyList<HolderShare> holders) => [.. holders.Select(h => new HolderView(h.Name, h.Share))];
    }
}
