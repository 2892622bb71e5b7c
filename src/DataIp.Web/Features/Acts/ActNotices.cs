using DataIp.Domain.Calendar;
using DataIp.Web.Features.Notifications;

namespace DataIp.Web.Features.Acts;

/// <summary>
/// Tells the parties whose interest an act touches, except the actor and accounts the use case's
/// own notices already reach. Before registration that is the applicant, told of every act by
/// someone else (correction requests, notices, objections, decisions). From registration on it is
/// the holders, licensees, pledgees (of pledges filed or registered) and transferees of open
/// transfers, read after the act so that a new licensee or transferee hears of it too, and a
/// former holder no longer does. Adds to the act's transaction (<see cref="Notifier"/>).
/// </summary>
internal sealed class ActNotices(RegistryDbContext db, Notifier notifier)
{
    public async Task TellAsync(ActContext context, Act act, CancellationToken cancellationToken)
    {
        foreach (var notice in context.Notices)
        {
            await notifier.NotifyAsync(notice, act.Id, act.At, cancellationToken).ConfigureAwait(false);
        }

        var application = context.Application;
        if (application.RegistrationNumber is null)
        {
            if (context.Party.AccountId != application.ApplicantId)
            {
                await notifier.NotifyAsync(new Notice(
                    [application.ApplicantId], act.Type, application.Id, $"{act.Type}: {application.ApplicationNumber} “{application.DataName}”",
                    $"{act.ActorName} ({act.ActorRole}) carried out {act.Type} on your application {application.ApplicationNumber} “{application.DataName}”; "
                        + $"it is now {JsonNaming.Camel(application.State)}." + (context.Reason is null ? "" : $" Reasons: {context.Reason}")),
                    act.Id, act.At, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var parties = await PartiesAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (context.Party.AccountId is { } actor)
        {
            parties.Remove(actor);
        }

        parties.ExceptWith(context.Notices.SelectMany(n => n.AccountIds));
        if (parties.Count == 0)
        {
            return;
        }

        var what = $"registration {application.RegistrationNumber}";
        await notifier.NotifyAsync(
            new Notice(parties, act.Type, application.Id, $"{act.Type} on {what} “{application.DataName}”",
                $"{act.ActorName} ({act.ActorRole}) recorded '{act.Type}' on {what} “{application.DataName}” at {act.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} (China time)."),
            act.Id, act.At, cancellationToken).ConfigureAwait(false);
    }

    // Read after the act (the context's tracked changes are saved by then).
    private async Task<HashSet<Guid>> PartiesAsync(Guid id, CancellationToken cancellationToken)
    {
        var parties = new HashSet<Guid>();
        parties.UnionWith(await db.RightHolders.Where(h => h.ApplicationId == id && h.AccountId != null).Select(h => h.AccountId!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Licences.Where(l => l.ApplicationId == id && l.LicenseeAccountId != null).Select(l => l.LicenseeAccountId!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Pledges.Where(p => p.ApplicationId == id && (p.Status == PledgeStatus.Filed || p.Status == PledgeStatus.Registered))
            .Select(p => p.PledgeeAccountId).ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Transfers.Where(t => t.ApplicationId == id && t.Status == TransferStatus.Proposed).Select(t => t.ToAccountId)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        return parties;
    }
}
