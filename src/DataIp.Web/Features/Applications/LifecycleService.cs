using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Data.Applications;
using DataIp.Domain.Calendar;
using DataIp.Domain.Numbering;
using DataIp.Domain.Registration;
using DataIp.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// Carries out lifecycle acts: one transaction loads the application, asks the domain's
/// <see cref="Lifecycle"/> table whether the act is allowed, applies its effect, and stores the new
/// state together with the act. A refused act writes nothing.
/// </summary>
public sealed partial class LifecycleService(
    RegistryDbContext db, TimeProvider clock, CalendarService calendars, EvidenceService evidence, Certificates.CertificateIssuer certificates,
    Notifications.Notifier notifier, Certificates.CertificateStatusIndex? statuses = null)
{
    /// <summary>What an act does beyond changing the state; returns a refusal or null.</summary>
    public delegate Task<ActOutcome?> Effect(ActStep step, CancellationToken cancellationToken);

    /// <summary>The context an <see cref="Effect"/> works in.</summary>
    /// <param name="Application">The application, tracked; the effect may change it.</param>
    /// <param name="Now">The act's time.</param>
    /// <param name="Next">The state the lifecycle table decided on.</param>
    /// <param name="Payload">The act's payload; the effect adds its particulars.</param>
    /// <param name="OpenObjections">Open objections before the act.</param>
    public sealed record ActStep(ApplicationRecord Application, DateTimeOffset Now, ApplicationState Next, Dictionary<string, object?> Payload, int OpenObjections)
    {
        /// <summary>Private particulars: shown to those who may read the application, digested in the public log.</summary>
        public Dictionary<string, object?> Private { get; } = [];

        /// <summary>The act's date in China.</summary>
        public DateOnly Today => ChinaTime.ToChinaDate(Now);

        /// <summary>Further acts the effect stores with this one (e.g. certificate issuance).</summary>
        public List<(string Type, Dictionary<string, object?> Payload)> FollowingActs { get; } = [];

        /// <summary>
        /// Runs after the act and its following acts are saved (their log indices and leaf hashes
        /// set) and before the commit; what it changes is saved in the same transaction.
        /// </summary>
        public Func<IReadOnlyList<RecordedAct>, CancellationToken, Task>? AfterSave { get; set; }

        /// <summary>
        /// Notices the effect words itself (e.g. to an earlier holder); every party to the
        /// registration is told of the act anyway (<see cref="NotifyPartiesAsync"/>).
        /// </summary>
        public List<Notifications.Notice> Notices { get; } = [];

        /// <summary>Adds a step to <see cref="AfterSave"/>, after those already there.</summary>
        public void ThenAfterSave(Func<IReadOnlyList<RecordedAct>, CancellationToken, Task> next)
        {
            var previous = AfterSave;
            AfterSave = previous is null ? next : async (recorded, ct) =>
            {
                await previous(recorded, ct).ConfigureAwait(false);
                await next(recorded, ct).ConfigureAwait(false);
            };
        }
    }

    /// <summary>
    /// Decides and, when allowed, carries out <paramref name="trigger"/> on an application.
    /// </summary>
    /// <param name="applicationId">The application or registration.</param>
    /// <param name="party">Who acts.</param>
    /// <param name="trigger">The act.</param>
    /// <param name="reason">Why, in the actor's words.</param>
    /// <param name="effect">What the act does beyond changing the state.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="mayAct">
    /// Who may attempt the act at all (otherwise 404); <see cref="ApplicationAccess.CanAct"/> unless
    /// given. The rights acts let anyone attempt and decide the party in their effect.
    /// </param>
    public async Task<ActOutcome> ApplyAsync(
        Guid applicationId, ActingParty party, LifecycleTrigger trigger, string? reason, Effect? effect, CancellationToken cancellationToken,
        Func<ActingParty, ApplicationRecord, bool>? mayAct = null)
    {
        ArgumentNullException.ThrowIfNull(party);
        // On SQLite this begins an IMMEDIATE transaction, taking the write lock before reading,
        // so acts on one database are serialized. On PostgreSQL the application's row is locked
        // (SELECT … FOR UPDATE) before it is read, so acts on one registration are decided one
        // after the other, each on the state the previous one left: of two conflicting acts the
        // second sees the first and is refused with its reason. The Version token stays as a
        // second line of defence.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Applications\" WHERE \"Id\" = {applicationId} FOR UPDATE", cancellationToken)
                .ConfigureAwait(false);
        }

        var application = await db.Applications.Include(a => a.Body)
            .SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || !(mayAct ?? ApplicationAccess.CanAct)(party, application))
        {
            return ActOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        var openObjections = await db.Objections
            .CountAsync(o => o.ApplicationId == applicationId && o.Status == ObjectionStatus.Open, cancellationToken).ConfigureAwait(false);
        var policy = application.Body.Policy;
        var decision = Lifecycle.Decide(application.State, trigger, ApplicationAccess.ActorFor(party, application), new TransitionContext(
            now, policy.SubstantiveExamination, application.CorrectionDeadline, application.NoticeEndsAt, openObjections,
            application.ValidUntil, policy.RenewalWindowDays));
        if (!decision.IsAllowed)
        {
            return ActOutcome.Refused(decision);
        }

        var step = new ActStep(application, now, decision.Next, BasePayload(application, decision.Next), openObjections);
        if (effect is not null && await effect(step, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        application.State = decision.Next;
        application.Version++;
        KeepUnpublishedParticularsPrivate(step);
        var recorded = new List<RecordedAct>
        {
            await ActRecorder.RecordWithEntryAsync(db, party, JsonNaming.Camel(trigger), application.Id, now,
                new ActRecord(step.Payload, step.Private, reason, PublicReasons.Contains(trigger)), cancellationToken).ConfigureAwait(false),
        };
        foreach (var (type, payload) in step.FollowingActs)
        {
            recorded.Add(await ActRecorder.RecordWithEntryAsync(db, party, type, application.Id, now, new ActRecord(payload), cancellationToken).ConfigureAwait(false));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (step.AfterSave is { } afterSave)
        {
            await afterSave(recorded, cancellationToken).ConfigureAwait(false);
        }

        foreach (var notice in step.Notices)
        {
            await notifier.NotifyAsync(notice, recorded[0].Act.Id, now, cancellationToken).ConfigureAwait(false);
        }

        await NotifyPartiesAsync(party, recorded[0].Act, application, step, reason, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (statuses is not null && application.CertificateNumber is not null)
        {
            // A status change answers only once the status check shows it.
            await statuses.ApplyAsync(db, application.Id, CancellationToken.None).ConfigureAwait(false);
        }

        return ActOutcome.Done(application, recorded[0].Act);
    }

    /// <summary>
    /// Tells the parties whose interest the act touches, except the actor and accounts the
    /// effect's own notices already reach. Before registration that is the applicant, told of
    /// every act by someone else (correction requests, notices, objections, decisions). From
    /// registration on it is the holders, licensees, pledgees (of pledges filed or registered) and
    /// transferees of open transfers, read after the act so that a new licensee or transferee
    /// hears of it too, and a former holder no longer does.
    /// </summary>
    private async Task NotifyPartiesAsync(
        ActingParty party, Data.Acts.Act act, ApplicationRecord application, ActStep step, string? reason, CancellationToken cancellationToken)
    {
        if (application.RegistrationNumber is null)
        {
            if (party.AccountId != application.ApplicantId)
            {
                await notifier.NotifyAsync(ApplicantNotice(application, act, reason), act.Id, act.At, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var id = application.Id;
        var parties = new HashSet<Guid>();
        parties.UnionWith(await db.RightHolders.Where(h => h.ApplicationId == id && h.AccountId != null).Select(h => h.AccountId!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Licences.Where(l => l.ApplicationId == id && l.LicenseeAccountId != null).Select(l => l.LicenseeAccountId!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Pledges.Where(p => p.ApplicationId == id && (p.Status == DataIp.Domain.Rights.PledgeStatus.Filed || p.Status == DataIp.Domain.Rights.PledgeStatus.Registered))
            .Select(p => p.PledgeeAccountId).ToListAsync(cancellationToken).ConfigureAwait(false));
        parties.UnionWith(await db.Transfers.Where(t => t.ApplicationId == id && t.Status == DataIp.Domain.Rights.TransferStatus.Proposed).Select(t => t.ToAccountId)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        if (party.AccountId is { } actor)
        {
            parties.Remove(actor);
        }

        parties.ExceptWith(step.Notices.SelectMany(n => n.AccountIds));
        if (parties.Count == 0)
        {
            return;
        }

        var what = $"registration {application.RegistrationNumber}";
        await notifier.NotifyAsync(
            new Notifications.Notice(parties, act.Type, application.Id, $"{act.Type} on {what} “{application.DataName}”",
                $"{act.ActorName} ({act.ActorRole}) recorded '{act.Type}' on {what} “{application.DataName}” at {act.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} (China time)."),
            act.Id, act.At, cancellationToken).ConfigureAwait(false);
    }

    private static Notifications.Notice ApplicantNotice(ApplicationRecord application, Data.Acts.Act act, string? reason) => new(
        [application.ApplicantId],
        act.Type,
        application.Id,
        $"{act.Type}: {application.ApplicationNumber} “{application.DataName}”",
        $"{act.ActorName} ({act.ActorRole}) carried out {act.Type} on your application {application.ApplicationNumber} “{application.DataName}”; "
            + $"it is now {JsonNaming.Camel(application.State)}." + (string.IsNullOrWhiteSpace(reason) ? "" : $" Reasons: {reason}"));

    /// <summary>Acts whose reasons are public decisions; other reasons reach the log only as digests.</summary>
    private static readonly HashSet<LifecycleTrigger> PublicReasons =
        [LifecycleTrigger.Reject, LifecycleTrigger.Revoke, LifecycleTrigger.UpholdObjection, LifecycleTrigger.DismissObjection, LifecycleTrigger.LapseCorrection,
         LifecycleTrigger.Expire, LifecycleTrigger.RefuseChange, LifecycleTrigger.ReleasePledge];

    /// <summary>Particulars that become public only with the public notice.</summary>
    private static readonly string[] NoticeParticulars = ["dataName", "holder", "industryCode", "dataSourceType", "rights"];

    // Before its public notice an application is not public: its particulars enter the log only as
    // salted digests; from the notice on they are public record.
    private static void KeepUnpublishedParticularsPrivate(ActStep step)
    {
        if (step.Application.NoticeStartedAt is not null)
        {
            return;
        }

        foreach (var name in NoticeParticulars.Where(step.Payload.ContainsKey))
        {
            step.Private[name] = step.Payload[name];
            step.Payload.Remove(name);
        }
    }

    /// <summary>The public particulars every lifecycle act carries.</summary>
    private static Dictionary<string, object?> BasePayload(ApplicationRecord application, ApplicationState next) => new()
    {
        ["applicationNumber"] = application.ApplicationNumber,
        ["bodyCode"] = application.Body.Code,
        ["dataName"] = application.DataName,
        ["fromState"] = JsonNaming.Camel(application.State),
        ["toState"] = JsonNaming.Camel(next),
    };

    /// <summary>Validation options with the real identifier checks and today's date in China.</summary>
    public static ApplicationValidationOptions ValidationOptions(DateOnly today) => new(
        code => UnifiedSocialCreditCode.Validate(code).Error,
        id => ResidentIdNumber.Validate(id).Error,
        today);

    /// <summary>Computes the end of a period starting today, or the refusal when a calendar year is missing.</summary>
    private async Task<(PeriodEnd End, ActOutcome? Refusal)> PeriodAsync(DateOnly start, int length, PeriodUnit unit, string what, CancellationToken cancellationToken)
    {
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var end = calendar.ComputePeriodEnd(start, length, unit);
        return end.IsComputed
            ? (end, null)
            : (end, ActOutcome.Refused(StatusCodes.Status409Conflict, "Working-day calendar missing", $"Couldn't compute the {what}: {end.Refusal}"));
    }

    /// <summary>Whether the account may act on the application at all.</summary>
    internal static bool IsApplicant(ActingParty party, ApplicationRecord application) =>
        party.Role == AccountRole.Applicant && party.AccountId == application.ApplicantId;
}
