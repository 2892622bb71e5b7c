using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace DataIp.Domain.Registration;

/// <summary>
/// The registration lifecycle of DOMAIN §4 as one explicit state machine. It holds no state and
/// reads no clock: the caller passes the current state and the facts in a
/// <see cref="TransitionContext"/>, and gets back a <see cref="TransitionResult"/>. Every
/// (state, trigger) pair without a row in <see cref="Rules"/> is refused, never ignored.
/// Thread-safe: all members are pure functions of their arguments and an immutable table.
/// </summary>
public static class Lifecycle
{
    private static readonly ReadOnlyCollection<TransitionRule> Table = LifecycleTable.Build().AsReadOnly();

    private static readonly FrozenDictionary<(ApplicationState, LifecycleTrigger), TransitionRule> ByStateAndTrigger =
        Table.ToDictionary(rule => (rule.From, rule.Trigger)).ToFrozenDictionary();

    /// <summary>The lifecycle table, one row per allowed (state, trigger) pair, in lifecycle order.</summary>
    public static IReadOnlyList<TransitionRule> Rules => Table;

    /// <summary>
    /// Decides whether <paramref name="actor"/> may perform <paramref name="trigger"/> on an
    /// application in <paramref name="state"/>. The checks run in a fixed order, and the first that
    /// fails names the refusal: is there a row for (state, trigger)
    /// (<see cref="RefusalKind.NotAllowedInState"/>), may this actor perform it
    /// (<see cref="RefusalKind.ActorNotPermitted"/>), does its guard pass
    /// (<see cref="RefusalKind.GuardFailed"/>).
    /// </summary>
    /// <param name="state">The application's current state.</param>
    /// <param name="trigger">The act attempted.</param>
    /// <param name="actor">Who attempts it.</param>
    /// <param name="context">The facts the guard and the next state depend on.</param>
    /// <returns>Allowed with the next state, or refused with a kind and a reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An enum argument is not a defined value, or <see cref="TransitionContext.OpenObjections"/> is negative.
    /// </exception>
    public static TransitionResult Decide(
        ApplicationState state, LifecycleTrigger trigger, Actor actor, TransitionContext context)
    {
        RequireDefined(actor);
        return Decide(state, trigger, new HashSet<Actor> { actor }, context);
    }

    /// <summary>
    /// As the other overload, for a party in several relations to the case (<see cref="Relations.Of"/>):
    /// the act is allowed if any of them may perform it.
    /// </summary>
    /// <param name="state">The application's current state.</param>
    /// <param name="trigger">The act attempted.</param>
    /// <param name="actors">The party's relations to the case.</param>
    /// <param name="context">The facts the guard and the next state depend on.</param>
    /// <returns>Allowed with the next state, or refused with a kind and a reason.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An enum argument is not a defined value, or <see cref="TransitionContext.OpenObjections"/> is negative.
    /// </exception>
    public static TransitionResult Decide(
        ApplicationState state, LifecycleTrigger trigger, IReadOnlySet<Actor> actors, TransitionContext context)
    {
        RequireDefined(state);
        RequireDefined(trigger);
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors)
        {
            RequireDefined(actor);
        }

        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(context.OpenObjections, nameof(context));

        if (!ByStateAndTrigger.TryGetValue((state, trigger), out var rule))
        {
            return TransitionResult.Refused(
                state, LifecycleReasons.NotAllowedInState(state, trigger), Why(RefusalKind.NotAllowedInState, new HashSet<Actor>(), null));
        }

        if (!rule.Actors.Overlaps(actors))
        {
            return TransitionResult.Refused(state, LifecycleReasons.ActorNotPermitted(rule), Why(RefusalKind.ActorNotPermitted, rule.Actors, null));
        }

        return rule.Guard(context) is { } why
            ? TransitionResult.Refused(state, LifecycleReasons.GuardFailed(state, trigger, why), Why(RefusalKind.GuardFailed, rule.Actors, why))
            : TransitionResult.Allowed(rule.Next(context));

        RefusalReason Why(RefusalKind kind, IReadOnlySet<Actor> may, GuardFailure? guard) =>
            new(kind, trigger, RefusalReason.ApplicationSubject, state, may, guard);
    }

    /// <summary>
    /// The triggers that have a row for <paramref name="state"/> naming <paramref name="actor"/>, in
    /// table order. Guards are not evaluated, so an offered trigger may still be refused by
    /// <see cref="Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/> (for example a resubmission after the correction deadline).
    /// </summary>
    /// <param name="state">The application's current state.</param>
    /// <param name="actor">Who is asking.</param>
    /// <returns>The triggers, possibly none.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public static IReadOnlyList<LifecycleTrigger> AvailableTriggers(ApplicationState state, Actor actor)
    {
        RequireDefined(state);
        RequireDefined(actor);
        return Table
            .Where(rule => rule.From == state && rule.Actors.Contains(actor))
            .Select(rule => rule.Trigger)
            .ToArray()
            .AsReadOnly();
    }

    /// <summary>
    /// Whether no act can leave <paramref name="state"/>: true when the table has no row from it.
    /// </summary>
    /// <param name="state">The state to test.</param>
    /// <returns><see langword="true"/> for a terminal state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined value.</exception>
    public static bool IsTerminal(ApplicationState state)
    {
        RequireDefined(state);
        return !Table.Any(rule => rule.From == state);
    }

    private static void RequireDefined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Not a defined {typeof(TEnum).Name}.");
        }
    }
}
