using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Data.Applications;
using DataIp.Data.Rights;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Domain.Rights;
using DataIp.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using static DataIp.Web.Features.Applications.LifecycleService;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// The register of rights after registration (docs/rights.md): changes, renewal, transfers,
/// licences, pledges and their release, consents, cancellation. Each act goes through
/// <see cref="LifecycleService.ApplyAsync"/>: one transaction that locks the registration, decides,
/// stores the new state with the act and its log entry, and tells the parties; a refused act
/// writes nothing.
/// </summary>
public sealed partial class RightsService(RegistryDbContext db, LifecycleService lifecycle)
{
    /// <summary>A registration that does not exist (or is not registered yet).</summary>
    private static ActOutcome RegistrationNotFound(string number) =>
        ActOutcome.Refused(StatusCodes.Status404NotFound, "Not found", $"Registration {number} was not found.");

    /// <summary>Carries out a rights act on the registration with that number.</summary>
    private async Task<ActOutcome> ActAsync(
        string registrationNumber, ActingParty party, LifecycleTrigger trigger, string? reason, Effect effect, CancellationToken ct)
    {
        if (!RegistrationNumber.TryParse(registrationNumber, out _, out var error))
        {
            return ActOutcome.InvalidField("registrationNumber", error);
        }

        var id = await db.Applications.Where(a => a.RegistrationNumber == registrationNumber).Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return id is null
            ? RegistrationNotFound(registrationNumber)
            : await lifecycle.ApplyAsync(id.Value, party, trigger, reason, effect, ct, static (_, app) => app.RegistrationNumber is not null).ConfigureAwait(false);
    }

    /// <summary>
    /// The registration's holders, tracked (recorded from the application when a registration
    /// made before holders were recorded is first acted on), and the acting party's holding.
    /// </summary>
    private async Task<(List<RightHolder> All, RightHolder? Actor)> HoldersAsync(ActStep step, ActingParty party, CancellationToken ct)
    {
        var id = step.Application.Id;
        var holders = await db.RightHolders.Where(h => h.ApplicationId == id).OrderBy(h => h.Position).ToListAsync(ct).ConfigureAwait(false);
        if (holders.Count == 0)
        {
            holders = lifecycle.RecordFirstHolders(step.Application);
        }

        return (holders, party.AccountId is { } account ? holders.FirstOrDefault(h => h.AccountId == account) : null);
    }

    private static ActOutcome NotHolder(ApplicationRecord app, string what) =>
        ActOutcome.Refused(StatusCodes.Status403Forbidden, "Not permitted", $"Only a holder of registration {app.RegistrationNumber} may {what}.");

    /// <summary>
    /// Acts that dispose of the whole registration (licence, pledge, cancellation) need every
    /// holder; joint filing by several holders is not supported yet, so a co-held registration is
    /// refused rather than bound by one co-holder alone.
    /// </summary>
    private static ActOutcome? RequireSoleHolder(ApplicationRecord app, List<RightHolder> holders, string what) =>
        holders.Count == 1 ? null : ActOutcome.Refused(StatusCodes.Status409Conflict, "Needs every holder",
            $"Registration {app.RegistrationNumber} has {holders.Count} holders ({string.Join("、", holders.Select(h => h.Name))}); "
            + $"to {what} needs all of them, and this platform does not take joint filings by several holders yet.");

    /// <summary>The rights the registration records.</summary>
    private static HashSet<DataRight> RegisteredRights(ApplicationRecord app) =>
        [.. app.Content.RightsClaimed.Select(r => r.Right).OfType<DataRight>()];

    /// <summary>Checks that the rights are given, known and held; returns the refusal or null.</summary>
    private static ActOutcome? CheckRights(ApplicationRecord app, List<DataRight>? rights, string verb)
    {
        if (rights is null || rights.Count == 0)
        {
            return ActOutcome.InvalidField("rights", $"Name the rights {verb}: holding, processingAndUse and/or productOperation.");
        }

        var held = RegisteredRights(app);
        var missing = rights.Distinct().Where(r => !held.Contains(r)).ToList();
        return missing.Count == 0 ? null : ActOutcome.InvalidField("rights",
            $"Registration {app.RegistrationNumber} does not record the {string.Join(", ", missing.Select(JsonNaming.Camel))} right(s); "
            + $"it records {string.Join(", ", held.Order().Select(JsonNaming.Camel))}. Only a right that is held can be {verb}.");
    }

    /// <summary>Checks a term: both days given, in order, within validity; returns the refusal or null.</summary>
    private static ActOutcome? CheckTerm(ApplicationRecord app, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn is null)
        {
            return ActOutcome.InvalidField("startsOn", "Give the first day of the term (YYYY-MM-DD).");
        }

        if (endsOn is null)
        {
            return ActOutcome.InvalidField("endsOn", "Give the last day of the term (YYYY-MM-DD).");
        }

        if (endsOn < startsOn)
        {
            return ActOutcome.InvalidField("endsOn", $"The term ends ({endsOn:yyyy-MM-dd}) before it starts ({startsOn:yyyy-MM-dd}).");
        }

        if (startsOn < app.RegistrationDate)
        {
            return ActOutcome.InvalidField("startsOn", $"The term starts before the registration date ({app.RegistrationDate:yyyy-MM-dd}).");
        }

        return endsOn > app.ValidUntil
            ? ActOutcome.InvalidField("endsOn", $"The term ends after the registration's validity ({app.ValidUntil:yyyy-MM-dd}); renew the registration first.")
            : null;
    }

    /// <summary>Rights as stored and as acts record them: camelCase names in right order.</summary>
    internal static string RightsText(IEnumerable<DataRight> rights) => string.Join(",", rights.Distinct().Order().Select(JsonNaming.Camel));

    /// <summary>The rights of a stored list.</summary>
    internal static List<string> RightsList(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The account with that id, or a refusal naming the field.</summary>
    private async Task<(Account? Account, ActOutcome? Refusal)> AccountAsync(Guid? id, string field, AccountRole role, string what, CancellationToken ct)
    {
        if (id is null)
        {
            return (null, ActOutcome.InvalidField(field, $"Give the {what}'s account id."));
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        return account is null || account.Role != role
            ? (null, ActOutcome.InvalidField(field, $"No {JsonNaming.Camel(role)} account {id} exists to be the {what}."))
            : (account, null);
    }

    /// <summary>
    /// The active pledges whose pledgee has not consented to the act; consents found are marked
    /// used by the act once it is saved. Returns the refusal naming the pledges still needing
    /// consent, or null.
    /// </summary>
    private async Task<ActOutcome?> RequireConsentsAsync(ActStep step, ConsentPurpose purpose, string? reference, string what, CancellationToken ct)
    {
        var id = step.Application.Id;
        var active = await db.Pledges.Where(p => p.ApplicationId == id && p.Status == PledgeStatus.Registered).OrderBy(p => p.Priority)
            .ToListAsync(ct).ConfigureAwait(false);
        if (active.Count == 0)
        {
            return null;
        }

        var consents = await db.PledgeConsents.Where(c => c.ApplicationId == id && c.Purpose == purpose && c.UsedByActId == null)
            .ToListAsync(ct).ConfigureAwait(false);
        var used = new List<PledgeConsent>();
        var missing = new List<PledgeRecord>();
        foreach (var pledge in active)
        {
            var consent = consents.FirstOrDefault(c => c.PledgeId == pledge.Id && (c.Reference is null || c.Reference == reference));
            if (consent is null)
            {
                missing.Add(pledge);
            }
            else
            {
                used.Add(consent);
            }
        }

        if (missing.Count > 0)
        {
            return ActOutcome.Refused(StatusCodes.Status409Conflict, "Pledgee's consent needed",
                $"Registration {step.Application.RegistrationNumber} is pledged; {what} needs the recorded consent of "
                + string.Join("; ", missing.Select(p => $"pledgee {p.PledgeeName} (pledge {p.Number})"))
                + $". The pledgee records it with POST /api/v1/registrations/{step.Application.RegistrationNumber}/pledges/{{number}}/consents, purpose '{JsonNaming.Camel(purpose)}'.");
        }

        step.Payload["consents"] = used.Select(c => active.Single(p => p.Id == c.PledgeId).Number).ToList();
        step.ThenAfterSave((recorded, _) =>
        {
            foreach (var consent in used)
            {
                consent.UsedByActId = recorded[0].Act.Id;
            }

            return Task.CompletedTask;
        });
        return null;
    }

    /// <summary>The next number of a licence, pledge or transfer of the registration: e.g. 2025…X-L001.</summary>
    private async Task<string> NextNumberAsync(ApplicationRecord app, char kind, CancellationToken ct)
    {
        var serial = await Data.Numbering.SerialNumbers.NextAsync(db, $"{kind}:{app.RegistrationNumber}", ct).ConfigureAwait(false);
        return $"{app.RegistrationNumber}-{kind}{serial:D3}";
    }
}
