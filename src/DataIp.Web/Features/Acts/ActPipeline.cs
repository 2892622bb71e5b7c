using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Acts;

/// <summary>
/// Carries out every act on an application or registration, in one transaction and in this order:
/// <list type="number">
/// <item>lock: the act's transaction takes the log's append lock, then reads the act's time
/// (<see cref="ActTransaction"/>), so acts are logged in the order they happened and acts on one
/// registration are decided one after the other, each on the state the previous one left;</item>
/// <item>load the application and, through the use case, what the act is on (a pledge, a transfer);</item>
/// <item>decide: the party's relations to the case (<see cref="Relations"/>), then the lifecycle
/// table (<see cref="Lifecycle"/>), then the use case's own table and checks;</item>
/// <item>apply the use case's effect;</item>
/// <item>record the new state and the act with its log entry (<see cref="ActWriter"/>);</item>
/// <item>make the application's search row current (<see cref="Search.SearchIndex"/>);</item>
/// <item>tell the parties (<see cref="ActNotices"/>), in the same transaction;</item>
/// <item>commit.</item>
/// </list>
/// A refused act writes nothing: its transaction is rolled back. The <c>Version</c> of the
/// application stays a second line of defence against two acts decided on the same state.
/// </summary>
public sealed class ActPipeline(
    RegistryDbContext db, TimeProvider clock, Applications.CalendarService calendars, Evidence.EvidenceService evidence,
    Certificates.CertificateIssuer certificates, Notifications.Notifier notifier, Certificates.CertificateStatusIndex? statuses = null)
{
    /// <summary>The database.</summary>
    public RegistryDbContext Db => db;

    /// <summary>The working-day calendars.</summary>
    public Applications.CalendarService Calendars => calendars;

    /// <summary>The evidence index.</summary>
    public Evidence.EvidenceService Evidence => evidence;

    /// <summary>The certificates' signer.</summary>
    public Certificates.CertificateIssuer Certificates => certificates;

    /// <summary>Carries out an act on the registration with that number.</summary>
    public async Task<ActOutcome> RunOnRegistrationAsync(
        string registrationNumber, ActingParty party, IActUseCase useCase, string? reason, CancellationToken cancellationToken)
    {
        if (!RegistrationNumber.TryParse(registrationNumber, out _, out var error))
        {
            return Refusal.Invalid("registrationNumber", RefusalMessage.Worded(error, RefusalKey.RegistrationNumberInvalid, registrationNumber));
        }

        var id = await db.Applications.Where(a => a.RegistrationNumber == registrationNumber).Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return id is null
            ? Refusal.NotFound(RefusalKey.WhatRegistration, registrationNumber)
            : await RunAsync(id.Value, party, useCase, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries out an act on an application or registration.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="party">Who acts.</param>
    /// <param name="useCase">The act.</param>
    /// <param name="reason">Why, in the actor's words.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Done, with the application after the act, or refused with nothing written.</returns>
    public async Task<ActOutcome> RunAsync(Guid applicationId, ActingParty party, IActUseCase useCase, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(useCase);
        await using var transaction = await ActTransaction.BeginAsync(db, clock, cancellationToken).ConfigureAwait(false);
        var context = await LoadAsync(applicationId, party, useCase, reason, transaction.Now, cancellationToken).ConfigureAwait(false);
        if (context is null)
        {
            return Refusal.NotFound(RefusalKey.WhatApplication);
        }

        if (await DecideAsync(context, useCase, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var recorded = await RecordAsync(context, cancellationToken).ConfigureAwait(false);
        await new ActNotices(db, notifier).TellAsync(context, recorded[0].Act, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (statuses is not null && context.Application.CertificateNumber is not null)
        {
            // A status change answers only once the status check shows it.
            await statuses.ApplyAsync(db, context.Application.Id, CancellationToken.None).ConfigureAwait(false);
        }

        return ActOutcome.Done(context.Application, recorded[0].Act);
    }

    private async Task<ActContext?> LoadAsync(
        Guid applicationId, ActingParty party, IActUseCase useCase, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await db.Applications.Include(a => a.Body).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return null;
        }

        var openObjections = await db.Objections
            .CountAsync(o => o.ApplicationId == applicationId && o.Status == ObjectionStatus.Open, cancellationToken).ConfigureAwait(false);
        var holders = await db.RightHolders.Where(h => h.ApplicationId == applicationId && h.AccountId != null).Select(h => h.AccountId!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (holders.Count == 0 && application.RegistrationNumber is not null
            && !await db.RightHolders.AnyAsync(h => h.ApplicationId == applicationId, cancellationToken).ConfigureAwait(false))
        {
            // Registered before holders were recorded: the applicant holds it (Rights/Holdings records the rows when needed).
            // An imported registration has its holders' rows, maybe none with an account yet: then no account holds it.
            holders.Add(application.ApplicantId);
        }

        return new ActContext(this, party, application, now, reason, new CaseParties(application.ApplicantId, application.BodyId, holders), openObjections)
        {
            Trigger = useCase.Trigger,
        };
    }

    // Relations, then the lifecycle table, then the use case's own checks and effect.
    private static async Task<Refusal?> DecideAsync(ActContext context, IActUseCase useCase, CancellationToken cancellationToken)
    {
        if (await useCase.PrepareAsync(context, cancellationToken).ConfigureAwait(false) is { } notReady)
        {
            return notReady;
        }

        // A use case may settle its trigger once it has seen the case (passing the examination the application is in).
        context.Trigger = useCase.Trigger;
        var application = context.Application;
        context.Relations = Relations.Of(context.Party.Party, context.Case);
        if (!MaySee(context.Relations, application))
        {
            return Refusal.NotFound(RefusalKey.WhatApplication);
        }

        var decision = Lifecycle.Decide(application.State, useCase.Trigger, context.Relations, TransitionOf(application, context.Now, context.OpenObjections));
        if (!decision.IsAllowed)
        {
            return Refusal.From(decision.Why!, decision.Reason!);
        }

        context.Next = decision.Next;
        return await useCase.ApplyAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a party may know the application exists: a draft only its applicant; an application
    /// whose notice never started its parties and the body's examiners; a noticed or registered one
    /// anyone. To anyone else an act on it answers as if there were none.
    /// </summary>
    internal static bool MaySee(IReadOnlySet<Actor> relations, ApplicationRecord application)
    {
        if (relations.Contains(Actor.System) || relations.Contains(Actor.Applicant))
        {
            return true;
        }

        if (application.State == ApplicationState.Draft)
        {
            return false;
        }

        return application.NoticeStartedAt is not null || application.RegistrationNumber is not null
            || relations.Any(r => r is not Actor.Public and not Actor.Bank);
    }

    // The new state, the act (with the application's own members) and any following acts, saved.
    private async Task<List<RecordedAct>> RecordAsync(ActContext context, CancellationToken cancellationToken)
    {
        var application = context.Application;
        var from = application.State;
        application.State = context.Next;
        application.Version++;
        var act = Complete(context.Act ?? throw new InvalidOperationException($"The {context.Trigger} use case recorded no act."), application, from);
        var noticeStarted = application.NoticeStartedAt is not null;
        var actor = context.Party.Actor;
        var recorded = new List<RecordedAct>
        {
            await ActWriter.AppendAsync(db, actor, act, application.Id, context.Now, context.Reason, noticeStarted, cancellationToken).ConfigureAwait(false),
        };
        foreach (var following in context.FollowingActs)
        {
            recorded.Add(await ActWriter.AppendAsync(db, actor, following, application.Id, context.Now, null, noticeStarted, cancellationToken).ConfigureAwait(false));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (context.AfterSave is { } afterSave)
        {
            await afterSave(recorded, cancellationToken).ConfigureAwait(false);
        }

        await KeepCopiesAsync(db, application, cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>
    /// Makes the copies of a registration kept for reading current, inside the act's transaction
    /// and once its every effect (holders, certificate, aliases) is saved: the holders' order rows
    /// (<see cref="Rights.Holders.KeepOrderAsync"/>) and the search row (<see cref="Search.SearchIndex"/>).
    /// Every path that records acts on an application ends with it.
    /// </summary>
    internal static async Task KeepCopiesAsync(RegistryDbContext db, ApplicationRecord application, CancellationToken cancellationToken)
    {
        await Rights.Holders.KeepOrderAsync(db, application, cancellationToken).ConfigureAwait(false);
        await Search.SearchIndex.KeepAsync(db, application, cancellationToken).ConfigureAwait(false);
    }

    // The members every transition records are the application's, after the act's effect.
    private static ActPayload Complete(ActPayload act, ApplicationRecord application, ApplicationState from)
    {
        if (act is not TransitionPayload transition)
        {
            return act;
        }

        transition = transition with
        {
            ApplicationNumber = application.ApplicationNumber,
            BodyCode = application.Body.Code,
            DataName = application.DataName,
            FromState = from,
            ToState = application.State,
        };
        if (transition is RegistrationPayload registration)
        {
            transition = registration with { RegistrationNumber = application.RegistrationNumber ?? "" };
        }

        return transition is CertifyingPayload certifying ? certifying with { CertificateNumber = application.CertificateNumber } : transition;
    }

    /// <summary>
    /// The facts the lifecycle table's guards read for <paramref name="application"/> at
    /// <paramref name="now"/> (its body's policy loaded): one place, for the pipeline that decides
    /// and for the pages that offer only the acts that would be allowed.
    /// </summary>
    public static TransitionContext TransitionOf(ApplicationRecord application, DateTimeOffset now, int openObjections)
    {
        ArgumentNullException.ThrowIfNull(application);
        var policy = application.Body.Policy;
        return new TransitionContext(now, policy.SubstantiveExamination, application.CorrectionDeadline, application.NoticeEndsAt, openObjections,
            application.ValidUntil, policy.RenewalWindowDays);
    }
}
