namespace DataIp.Domain.Registration;

/// <summary>
/// One row of the lifecycle table: in state <paramref name="From"/>, any of <paramref name="Actors"/>
/// may perform <paramref name="Trigger"/>, subject to the row's guard; the row then names the next
/// state. The guard and next-state functions are internal: rules are created only by
/// <see cref="Lifecycle"/>, and are public so that documentation and tests can read the table.
/// </summary>
/// <param name="From">The state the row applies to.</param>
/// <param name="Trigger">The act the row allows.</param>
/// <param name="Actors">Who may perform the act; never empty.</param>
/// <param name="Description">An English sentence describing the act, its guard and its outcome.</param>
public sealed record TransitionRule(
    ApplicationState From,
    LifecycleTrigger Trigger,
    IReadOnlySet<Actor> Actors,
    string Description)
{
    internal TransitionRule(
        ApplicationState from,
        LifecycleTrigger trigger,
        IReadOnlySet<Actor> actors,
        string description,
        Func<TransitionContext, ApplicationState> next,
        Func<TransitionContext, GuardFailure?> guard)
        : this(from, trigger, actors, description)
    {
        Next = next;
        Guard = guard;
    }

    /// <summary>Chooses the next state once the guard has passed.</summary>
    internal Func<TransitionContext, ApplicationState> Next { get; } = NoNextState;

    /// <summary>
    /// Returns <see langword="null"/> when the act may go ahead, otherwise the failure saying why not
    /// (for example the correction deadline passed).
    /// </summary>
    internal Func<TransitionContext, GuardFailure?> Guard { get; } = LifecycleGuards.None;

    private static ApplicationState NoNextState(TransitionContext context) =>
        throw new InvalidOperationException("This rule was not created by Lifecycle and has no next state.");
}
