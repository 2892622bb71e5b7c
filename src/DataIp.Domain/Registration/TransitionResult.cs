namespace DataIp.Domain.Registration;

/// <summary>
/// The outcome of <see cref="Lifecycle.Decide(ApplicationState, LifecycleTrigger, IReadOnlySet{Actor}, TransitionContext)"/>: either allowed, with the <see cref="Next"/> state,
/// or refused, with a <see cref="Refusal"/> kind and a human <see cref="Reason"/>. A refusal is an
/// expected outcome, not an error; the edge maps it to a 4xx ProblemDetails or a CLI exit code.
/// </summary>
public sealed record TransitionResult
{
    private TransitionResult(bool isAllowed, ApplicationState next, RefusalKind? refusal, string? reason)
    {
        IsAllowed = isAllowed;
        Next = next;
        Refusal = refusal;
        Reason = reason;
    }

    /// <summary>Whether the transition may take place.</summary>
    public bool IsAllowed { get; }

    /// <summary>
    /// The state after the act. Meaningful only when <see cref="IsAllowed"/>; when refused it is
    /// the unchanged current state.
    /// </summary>
    public ApplicationState Next { get; }

    /// <summary>Why the transition was refused; <see langword="null"/> when allowed.</summary>
    public RefusalKind? Refusal { get; }

    /// <summary>
    /// An English sentence saying what was attempted and why it was refused;
    /// <see langword="null"/> when allowed.
    /// </summary>
    public string? Reason { get; }

    /// <summary>Creates an allowed result that moves the application to <paramref name="next"/>.</summary>
    /// <param name="next">The state after the act.</param>
    /// <returns>An allowed result.</returns>
    public static TransitionResult Allowed(ApplicationState next) => new(true, next, null, null);

    /// <summary>Creates a refused result; the application stays in <paramref name="current"/>.</summary>
    /// <param name="current">The application's current state, which does not change.</param>
    /// <param name="kind">Which check refused the act.</param>
    /// <param name="reason">An English sentence saying what was attempted and why it was refused.</param>
    /// <returns>A refused result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or white space.</exception>
    public static TransitionResult Refused(ApplicationState current, RefusalKind kind, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, current, kind, reason);
    }

    /// <summary>Creates a refused result with its structured reason; the application stays in <paramref name="current"/>.</summary>
    /// <param name="current">The application's current state, which does not change.</param>
    /// <param name="reason">An English sentence saying what was attempted and why it was refused.</param>
    /// <param name="why">The same refusal in structured form.</param>
    /// <returns>A refused result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="why"/> is null.</exception>
    public static TransitionResult Refused(ApplicationState current, string reason, RefusalReason why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return Refused(current, why.Kind, reason) with { Why = why };
    }

    /// <summary>
    /// The refusal in structured form (trigger, state, actors, failed guard), for an edge that words
    /// it in its own language; <see langword="null"/> when allowed.
    /// </summary>
    public RefusalReason? Why { get; private init; }
}
