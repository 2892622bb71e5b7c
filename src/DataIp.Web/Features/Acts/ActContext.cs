using DataIp.Domain.Calendar;

namespace DataIp.Web.Features.Acts;

/// <summary>
/// One act under way: what the pipeline knows (who, on what, when, the decision) and what the use
/// case adds (the act's record, further acts, notices, work after saving). Lives for one act, on
/// the request's thread; not thread-safe.
/// </summary>
public sealed class ActContext
{
    internal ActContext(ActPipeline pipeline, ActingParty party, ApplicationRecord application, DateTimeOffset now, string? reason, CaseParties parties, int openObjections)
    {
        Pipeline = pipeline;
        Party = party;
        Application = application;
        Now = now;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Case = parties;
        OpenObjections = openObjections;
    }

    /// <summary>The pipeline, with the services acts use.</summary>
    public ActPipeline Pipeline { get; }

    /// <summary>The database, inside the act's transaction.</summary>
    public RegistryDbContext Db => Pipeline.Db;

    /// <summary>Who acts.</summary>
    public ActingParty Party { get; }

    /// <summary>The application or registration, tracked: the use case changes it.</summary>
    public ApplicationRecord Application { get; }

    /// <summary>The act's time, read after the log's append lock (<see cref="ActTransaction"/>).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The act's date in China.</summary>
    public DateOnly Today => ChinaTime.ToChinaDate(Now);

    /// <summary>The reasons given with the act, trimmed; null when none.</summary>
    public string? Reason { get; }

    /// <summary>The case's parties; <see cref="IActUseCase.PrepareAsync"/> adds the pledge's or transfer's.</summary>
    public CaseParties Case { get; set; }

    /// <summary>Open objections before the act.</summary>
    public int OpenObjections { get; }

    /// <summary>The party's relations to the case (set before <see cref="IActUseCase.ApplyAsync"/>).</summary>
    public IReadOnlySet<Actor> Relations { get; internal set; } = new HashSet<Actor>();

    /// <summary>The trigger being carried out.</summary>
    public LifecycleTrigger Trigger { get; internal set; }

    /// <summary>The state the lifecycle table decided on (set before <see cref="IActUseCase.ApplyAsync"/>).</summary>
    public ApplicationState Next { get; internal set; }

    /// <summary>What the act records; the pipeline adds the application's own members.</summary>
    public ActPayload? Act { get; private set; }

    /// <summary>Further acts stored with this one, in order (a certificate's issuance).</summary>
    public List<ActPayload> FollowingActs { get; } = [];

    /// <summary>Notices the use case words itself (e.g. to a holder who leaves); every party is told of the act anyway.</summary>
    public List<Notifications.Notice> Notices { get; } = [];

    /// <summary>Runs after the acts are saved (their log indices and leaf hashes set) and before the commit.</summary>
    public Func<IReadOnlyList<RecordedAct>, CancellationToken, Task>? AfterSave { get; private set; }

    /// <summary>Says what the act records.</summary>
    /// <param name="act">The act's own members.</param>
    public void Record(ActPayload act)
    {
        ArgumentNullException.ThrowIfNull(act);
        if (ActCatalogue.Of(act.GetType()).Trigger != Trigger)
        {
            throw new InvalidOperationException($"A {Trigger} act cannot record a {act.GetType().Name}.");
        }

        Act = act;
    }

    /// <summary>Adds a step after saving, after those already there.</summary>
    public void ThenAfterSave(Func<IReadOnlyList<RecordedAct>, CancellationToken, Task> next)
    {
        var previous = AfterSave;
        AfterSave = previous is null ? next : async (recorded, ct) =>
        {
            await previous(recorded, ct).ConfigureAwait(false);
            await next(recorded, ct).ConfigureAwait(false);
        };
    }

    /// <summary>Asks a rights table whether the party may do the act to a thing in <paramref name="state"/>.</summary>
    /// <returns>The refusal, or null.</returns>
    public Refusal? Decide<TState>(RightsTable<TState> table, TState? state, RightsContext facts)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        var decision = table.Decide(state, Trigger, Relations, facts);
        return decision.IsAllowed ? null : Refusal.From(decision.Why!, decision.Reason!);
    }

    /// <summary>The end of a period starting today, or the refusal when a calendar year is missing.</summary>
    public async Task<(PeriodEnd End, Refusal? Refusal)> PeriodAsync(int length, PeriodUnit unit, RefusalKey what, CancellationToken cancellationToken)
    {
        var calendar = await Pipeline.Calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var end = calendar.ComputePeriodEnd(Today, length, unit);
        return end.IsComputed
            ? (end, null)
            : (end, Refusal.Conflict("Working-day calendar missing", RefusalKey.CalendarMissing, what, RefusalMessage.Worded(end.Refusal!, RefusalKey.CalendarYearMissing)));
    }

    /// <summary>Refuses an act that must state its reasons and does not.</summary>
    /// <param name="what">The act, as the subject of "must state its reasons".</param>
    /// <returns>The refusal, or null when reasons are given.</returns>
    public Refusal? RequireReason(RefusalKey what) =>
        Reason is null ? Refusal.Invalid(LogEntryFields.Reason, RefusalKey.ReasonRequired, new RefusalMessage(what)) : null;
}
