namespace DataIp.Domain.Registration;

/// <summary>
/// The English sentences of refused transitions. Each says what was attempted and why it was
/// refused, so the edge can show it unchanged.
/// </summary>
internal static class LifecycleReasons
{
    /// <summary>"Cannot Submit an application in state Registered."</summary>
    internal static string NotAllowedInState(ApplicationState state, LifecycleTrigger trigger) =>
        $"Cannot {trigger} an application in state {state}.";

    /// <summary>"Only an examiner may RequestCorrection."</summary>
    internal static string ActorNotPermitted(TransitionRule rule) =>
        $"Only {ActorList(rule.Actors)} may {rule.Trigger}.";

    /// <summary>"Cannot Resubmit an application in state CorrectionRequested: the correction deadline passed at …."</summary>
    internal static string GuardFailed(ApplicationState state, LifecycleTrigger trigger, GuardFailure why) =>
        $"Cannot {trigger} an application in state {state}: {why}.";

    /// <summary>"the applicant", "an examiner of the body or the system", "a holder, the pledgee or …".</summary>
    internal static string ActorList(IReadOnlySet<Actor> actors)
    {
        var names = actors.Order().Select(ActorName).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private static string ActorName(Actor actor) => actor switch
    {
        Actor.Applicant => "the applicant",
        Actor.Holder => "a holder of the registration",
        Actor.Examiner => "an examiner of the body",
        Actor.Pledgee => "the pledgee",
        Actor.Bank => "a bank or guarantor",
        Actor.Transferee => "the transferee",
        Actor.Transferor => "the offering holder",
        Actor.Public => "a member of the public",
        Actor.System => "the system",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "Unknown actor."),
    };
}
