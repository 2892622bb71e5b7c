namespace DataIp.Web.Features.Acts;

/// <summary>What kind of refusal: the edge maps each to its answer (a status code, a form error), once.</summary>
public enum RefusalCode
{
    /// <summary>The request is invalid: a field is missing, malformed or out of range.</summary>
    Invalid,

    /// <summary>The thing does not exist, or the caller may not see it.</summary>
    NotFound,

    /// <summary>The caller's relation to the case does not allow the act.</summary>
    NotPermitted,

    /// <summary>The register's state does not allow the act now (a state, a deadline, a conflicting act).</summary>
    Conflict,
}

/// <summary>
/// Why an act (or a request) was refused: a typed outcome of the use cases, never a status code.
/// <see cref="Infrastructure.RefusalAnswers"/> turns it into a ProblemDetails for the API and into
/// form errors for the pages. Nothing is written when an act is refused. Its words are a
/// <see cref="RefusalMessage"/> (a key of the resource files and its arguments): every factory
/// takes one, so a refusal cannot be written without its sentence in both languages.
/// </summary>
/// <param name="Code">The kind of refusal.</param>
/// <param name="Title">A short title, for the API (pages do not show it).</param>
/// <param name="Message">What was refused and why, as a sentence to word in the reader's language.</param>
public sealed record Refusal(RefusalCode Code, string Title, RefusalMessage Message)
{
    /// <summary>
    /// What was refused and why, in English, for the API's <c>detail</c>: the message worded by
    /// <see cref="RefusalText.ForApi"/>, or the domain's own sentence of a table's refusal.
    /// </summary>
    public string Detail { get; init; } = RefusalText.ForApi(Message);

    /// <summary>Field-level messages of an <see cref="RefusalCode.Invalid"/> refusal, by the API's field name.</summary>
    public IReadOnlyDictionary<string, RefusalMessage[]>? Fields { get; init; }

    /// <summary>The field-level messages in English, for the API's <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors =>
        Fields?.ToDictionary(f => f.Key, f => f.Value.Select(RefusalText.ForApi).ToArray(), StringComparer.Ordinal);

    /// <summary>Further facts for the caller (e.g. the number of a conflicting licence).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>One field is invalid.</summary>
    public static Refusal Invalid(string field, RefusalKey key, params object?[] args) => Invalid(field, new RefusalMessage(key, args));

    /// <summary>One field is invalid, with a message built elsewhere.</summary>
    public static Refusal Invalid(string field, RefusalMessage message) =>
        Invalid(new Dictionary<string, RefusalMessage[]> { [field] = [message] }, message);

    /// <summary>Fields are invalid.</summary>
    public static Refusal Invalid(IReadOnlyDictionary<string, RefusalMessage[]> fields, RefusalMessage? detail = null) =>
        new(RefusalCode.Invalid, "Invalid request", detail ?? new(RefusalKey.InvalidFields)) { Fields = fields };

    /// <summary>The thing is not there for this caller, without saying whether it exists for someone else.</summary>
    /// <param name="what">The thing, as the subject of a sentence (<see cref="RefusalKey.WhatApplication"/>).</param>
    /// <param name="args">Its arguments (a number).</param>
    public static Refusal NotFound(RefusalKey what, params object?[] args) =>
        new(RefusalCode.NotFound, "Not found", new(RefusalKey.NotFound, new RefusalMessage(what, args)));

    /// <summary>The caller may not do this.</summary>
    public static Refusal NotPermitted(RefusalKey key, params object?[] args) => new(RefusalCode.NotPermitted, "Not permitted", new(key, args));

    /// <summary>The register's state refuses the act.</summary>
    public static Refusal Conflict(string title, RefusalKey key, params object?[] args) => new(RefusalCode.Conflict, title, new(key, args));

    /// <summary>
    /// A table's refusal (the lifecycle's or a rights table's): the API keeps the domain's English
    /// <paramref name="reason"/>; a page words <paramref name="why"/> in its language.
    /// </summary>
    public static Refusal From(RefusalReason why, string reason)
    {
        ArgumentNullException.ThrowIfNull(why);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var message = Words(why);
        return why.Kind switch
        {
            RefusalKind.ActorNotPermitted => NotPermitted(message.Key, message.Args) with { Detail = reason },
            RefusalKind.NotAllowedInState => new Refusal(RefusalCode.Conflict, "Not allowed in the current state", message) { Detail = reason },
            _ => new Refusal(RefusalCode.Conflict, "Not allowed now", message) { Detail = reason },
        };
    }

    // The sentence a page shows for a table's refusal.
    private static RefusalMessage Words(RefusalReason why)
    {
        var application = why.Subject == RefusalReason.ApplicationSubject;
        var subject = new RefusalMessage(RefusalKey.Subject(why.Subject));
        return why.Kind switch
        {
            RefusalKind.ActorNotPermitted => new(RefusalKey.ActorNotPermitted, why.Actors, why.Trigger),
            RefusalKind.NotAllowedInState when application => new(RefusalKey.LifecycleNotAllowed, why.Trigger, why.State),
            RefusalKind.NotAllowedInState when why.State is null => new(RefusalKey.RightsNoSuchThing, why.Trigger, subject),
            RefusalKind.NotAllowedInState => new(RefusalKey.RightsNotAllowed, why.Trigger, subject, why.State),
            _ when application => new(RefusalKey.LifecycleGuardFailed, why.Trigger, Guard(why.Guard)),
            _ => new(RefusalKey.RightsGuardFailed, why.Trigger, subject, Guard(why.Guard)),
        };
    }

    /// <summary>A failed guard's clause as a message.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="guard"/> is null: a failed guard's refusal names its guard.</exception>
    public static RefusalMessage Guard(GuardFailure? guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new(RefusalKey.Guard(guard.Code), [.. guard.Args]);
    }
}
