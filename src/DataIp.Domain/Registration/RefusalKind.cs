namespace DataIp.Domain.Registration;

/// <summary>
/// Why <see cref="Lifecycle.Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/> refused a transition, in the order the checks are made.
/// </summary>
public enum RefusalKind
{
    /// <summary>The lifecycle has no row for this trigger in the application's current state.</summary>
    NotAllowedInState,

    /// <summary>A row exists, but this actor may not perform the trigger.</summary>
    ActorNotPermitted,

    /// <summary>A row exists and the actor may perform it, but its guard (a deadline, a period, a count) failed.</summary>
    GuardFailed,
}
