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
/// form errors for the pages. Nothing is written when an act is refused.
/// </summary>
/// <param name="Code">The kind of refusal.</param>
/// <param name="Title">A short title.</param>
/// <param name="Detail">What was refused and why, in a sentence.</param>
public sealed record Refusal(RefusalCode Code, string Title, string Detail)
{
    /// <summary>Field-level messages of an <see cref="RefusalCode.Invalid"/> refusal.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Further facts for the caller (e.g. the number of a conflicting licence).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>One field is invalid.</summary>
    public static Refusal Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>Fields are invalid.</summary>
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(RefusalCode.Invalid, "Invalid request", detail ?? "The request has invalid fields; see errors.") { Errors = errors };

    /// <summary>The thing is not there for this caller, without saying whether it exists for someone else.</summary>
    public static Refusal NotFound(string what) => new(RefusalCode.NotFound, "Not found", $"{what} was not found or is not visible to you.");

    /// <summary>The caller may not do this.</summary>
    public static Refusal NotPermitted(string detail) => new(RefusalCode.NotPermitted, "Not permitted", detail);

    /// <summary>The register's state refuses the act.</summary>
    public static Refusal Conflict(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(RefusalCode.Conflict, title, detail) { Extensions = extensions };

    /// <summary>A table's refusal (the lifecycle's or a rights table's).</summary>
    public static Refusal From(RefusalKind kind, string reason) => kind == RefusalKind.ActorNotPermitted
        ? NotPermitted(reason)
        : Conflict(kind == RefusalKind.NotAllowedInState ? "Not allowed in the current state" : "Not allowed now", reason);
}
