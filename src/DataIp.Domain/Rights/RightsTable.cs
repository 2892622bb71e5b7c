using System.Collections.Frozen;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Rights;

/// <summary>The facts the guards of a rights table depend on; the caller reads them from the register.</summary>
public sealed record RightsContext
{
    /// <summary>Which side filed the pledge acted on.</summary>
    public PledgeSide? FiledBy { get; init; }

    /// <summary>Whether a court order is given with the act.</summary>
    public bool CourtOrder { get; init; }

    /// <summary>Whether another change request of the registration awaits an examiner.</summary>
    public bool ChangePending { get; init; }

    /// <summary>The number of a recorded licence the new one conflicts with, if any (<see cref="LicenceRules"/>).</summary>
    public string? ConflictingLicence { get; init; }
}

/// <summary>
/// One row of a rights table: in state <paramref name="From"/> (null: the thing does not exist
/// yet), any of <paramref name="Actors"/> may perform <paramref name="Trigger"/> if the guard passes,
/// and the thing is then in <paramref name="Next"/>.
/// </summary>
/// <typeparam name="TState">The thing's states.</typeparam>
/// <param name="From">The state the row applies to; null for the act that creates the thing.</param>
/// <param name="Trigger">The act.</param>
/// <param name="Actors">Who may perform it.</param>
/// <param name="Next">The state after it.</param>
/// <param name="Description">An English sentence describing the row.</param>
public sealed record RightsRule<TState>(TState? From, LifecycleTrigger Trigger, IReadOnlySet<Actor> Actors, TState Next, string Description)
    where TState : struct, Enum
{
    /// <summary>Null when the act may go ahead, otherwise the failure saying why not; gets the matching relations.</summary>
    internal Func<RightsContext, IReadOnlySet<Actor>, GuardFailure?> Guard { get; init; } = (_, _) => null;
}

/// <summary>The outcome of <see cref="RightsTable{TState}.Decide"/>.</summary>
/// <typeparam name="TState">The thing's states.</typeparam>
/// <param name="Next">The state after the act, when allowed.</param>
/// <param name="Refusal">Which check refused it, when refused.</param>
/// <param name="Reason">An English sentence saying why, when refused.</param>
public sealed record RightsDecision<TState>(TState? Next, RefusalKind? Refusal, string? Reason)
    where TState : struct, Enum
{
    /// <summary>Whether the act may take place.</summary>
    public bool IsAllowed => Refusal is null;

    /// <summary>The refusal in structured form, for an edge that words it in its own language; null when allowed.</summary>
    public RefusalReason? Why { get; init; }
}

/// <summary>
/// A state machine of a thing in the register of rights (a pledge, a transfer, a change request, a
/// licence), built like the lifecycle table: every (state, trigger) pair without a row is refused,
/// then the actors, then the guard. The lifecycle table decides first whether the registration
/// allows the act at all. Immutable and thread-safe.
/// </summary>
/// <typeparam name="TState">The thing's states.</typeparam>
public sealed class RightsTable<TState>
    where TState : struct, Enum
{
    private readonly FrozenDictionary<(TState?, LifecycleTrigger), RightsRule<TState>> _rules;

    internal RightsTable(string subject, IReadOnlyList<RightsRule<TState>> rules)
    {
        Subject = subject;
        Rules = rules;
        _rules = rules.ToFrozenDictionary(r => (r.From, r.Trigger));
    }

    /// <summary>What the table is of, in words ("pledge").</summary>
    public string Subject { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<RightsRule<TState>> Rules { get; }

    /// <summary>The acts the table decides.</summary>
    public IReadOnlyCollection<LifecycleTrigger> Triggers => [.. Rules.Select(r => r.Trigger).Distinct()];

    /// <summary>Decides whether a party in <paramref name="actors"/> may perform the act on a thing in <paramref name="state"/>.</summary>
    /// <param name="state">The thing's state; null when the act would create it.</param>
    /// <param name="trigger">The act.</param>
    /// <param name="actors">The party's relations to the case (<see cref="Relations.Of"/>).</param>
    /// <param name="context">The facts the guards read.</param>
    /// <returns>Allowed with the next state, or refused with a kind and a sentence.</returns>
    public RightsDecision<TState> Decide(TState? state, LifecycleTrigger trigger, IReadOnlySet<Actor> actors, RightsContext context)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(context);
        if (!_rules.TryGetValue((state, trigger), out var rule))
        {
            var reason = state is null ? $"Cannot {trigger}: there is no such {Subject}." : $"Cannot {trigger} a {Subject} that is {state}.";
            return new(null, RefusalKind.NotAllowedInState, reason) { Why = Why(RefusalKind.NotAllowedInState, new HashSet<Actor>(), null) };
        }

        var matching = actors.Where(rule.Actors.Contains).ToHashSet();
        if (matching.Count == 0)
        {
            return new(null, RefusalKind.ActorNotPermitted, $"Only {LifecycleReasons.ActorList(rule.Actors)} may {trigger}.")
            {
                Why = Why(RefusalKind.ActorNotPermitted, rule.Actors, null),
            };
        }

        return rule.Guard(context, matching) is { } why
            ? new(null, RefusalKind.GuardFailed, $"Cannot {trigger} this {Subject}: {why}.") { Why = Why(RefusalKind.GuardFailed, rule.Actors, why) }
            : new(rule.Next, null, null);

        RefusalReason Why(RefusalKind kind, IReadOnlySet<Actor> may, GuardFailure? guard) => new(kind, trigger, Subject, state, may, guard);
    }

    internal static RightsRule<TState> Row(TState? from, LifecycleTrigger trigger, Actor[] actors, TState next, string description) =>
        new(from, trigger, actors.ToFrozenSet(), next, description);
}
