using DataIp.Data.Rights;

namespace DataIp.Web.Features.Rights;

/// <summary>
/// While a pledge is registered, a transfer, a cancellation and an exclusive or sole licence each
/// need every active pledgee's recorded consent (DOMAIN §9), and each consent is used up by its act.
/// </summary>
internal static class Consents
{
    /// <summary>
    /// Finds a consent of every active pledge to the act, marks them used by the act once it is
    /// saved, and returns the pledges' numbers; or the refusal naming the pledges still needing consent.
    /// </summary>
    public static async Task<(List<string>? Pledges, Refusal? Refusal)> RequireAsync(
        ActContext context, ConsentPurpose purpose, string? reference, RefusalMessage what, CancellationToken cancellationToken)
    {
        var id = context.Application.Id;
        var active = await context.Db.Pledges.Where(p => p.ApplicationId == id && p.Status == PledgeStatus.Registered).OrderBy(p => p.Priority)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (active.Count == 0)
        {
            return (null, null);
        }

        var consents = await context.Db.PledgeConsents.Where(c => c.ApplicationId == id && c.Purpose == purpose && c.UsedByActId == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var used = new List<PledgeConsent>();
        var missing = new List<PledgeRecord>();
        foreach (var pledge in active)
        {
            if (consents.FirstOrDefault(c => c.PledgeId == pledge.Id && (c.Reference is null || c.Reference == reference)) is { } consent)
            {
                used.Add(consent);
            }
            else
            {
                missing.Add(pledge);
            }
        }

        if (missing.Count > 0)
        {
            var number = context.Application.RegistrationNumber;
            return (null, Refusal.Conflict("Pledgee's consent needed",
                RefusalKey.ConsentNeeded, number, what,
                new RefusalList(RefusalKey.ListSemicolon, [.. missing.Select(p => new RefusalMessage(RefusalKey.PledgeeConsent, p.PledgeeName, p.Number))]), purpose));
        }

        context.ThenAfterSave((recorded, _) =>
        {
            foreach (var consent in used)
            {
                consent.UsedByActId = recorded[0].Act.Id;
            }

            return Task.CompletedTask;
        });
        return ([.. used.Select(c => active.Single(p => p.Id == c.PledgeId).Number)], null);
    }
}
