namespace DataIp.Domain.Registration;

/// <summary>
/// A refused transition in structured form, for an edge that words it in its own language: what
/// was attempted (<see cref="Trigger"/>) on what (<see cref="Subject"/> in <see cref="State"/>), which
/// check refused it (<see cref="Kind"/>), who could have done it (<see cref="Actors"/>) and, when a
/// guard failed, why (<see cref="Guard"/>). The English sentence of the same refusal is the
/// decision's <c>Reason</c>.
/// </summary>
/// <param name="Kind">Which check refused the act.</param>
/// <param name="Trigger">The act attempted.</param>
/// <param name="Subject">What the act was on: <see cref="ApplicationSubject"/> or a rights table's subject ("pledge").</param>
/// <param name="State">The state of the subject (an <see cref="ApplicationState"/>, a <c>PledgeStatus</c>…); null when it does not exist yet.</param>
/// <param name="Actors">Who may perform the act in that state; empty when no one may.</param>
/// <param name="Guard">The failed guard, for <see cref="RefusalKind.GuardFailed"/>.</param>
public sealed record RefusalReason(
    RefusalKind Kind, LifecycleTrigger Trigger, string Subject, Enum? State, IReadOnlySet<Actor> Actors, GuardFailure? Guard)
{
    /// <summary>The subject of the lifecycle's refusals.</summary>
    public const string ApplicationSubject = "application";
}
