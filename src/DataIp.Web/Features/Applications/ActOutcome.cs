using DataIp.Data.Acts;
using DataIp.Data.Applications;
using DataIp.Domain.Registration;
using DataIp.Web.Infrastructure;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// What became of an attempted act: done (with the stored act), or refused with the reason a
/// problem response will carry. Nothing is written when an act is refused.
/// </summary>
public sealed record ActOutcome
{
    private ActOutcome(
        ApplicationRecord? application, Act? act, int status, string? title, string? detail, IDictionary<string, string[]>? errors,
        IDictionary<string, object?>? extensions = null)
    {
        Extensions = extensions;
        Application = application;
        Act = act;
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    /// <summary>The application after the act.</summary>
    public ApplicationRecord? Application { get; }

    /// <summary>The act stored.</summary>
    public Act? Act { get; }

    /// <summary>HTTP status of the refusal (200 when done).</summary>
    public int Status { get; }

    /// <summary>Refusal title.</summary>
    public string? Title { get; }

    /// <summary>Refusal detail.</summary>
    public string? Detail { get; }

    /// <summary>Field-level errors of a refusal for invalid input.</summary>
    public IDictionary<string, string[]>? Errors { get; }

    /// <summary>Further members of a refusal's problem (e.g. the conflicting licence's number).</summary>
    public IDictionary<string, object?>? Extensions { get; }

    /// <summary>Whether the act was done.</summary>
    public bool Succeeded => Act is not null;

    /// <summary>The act was stored.</summary>
    public static ActOutcome Done(ApplicationRecord application, Act act) => new(application, act, 200, null, null, null);

    /// <summary>Refused because the input is invalid.</summary>
    public static ActOutcome Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        new(null, null, StatusCodes.Status400BadRequest, "Invalid request", detail ?? "The request has invalid fields; see errors.", errors);

    /// <summary>Refused because one field is invalid.</summary>
    public static ActOutcome InvalidField(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>Refused: the application does not exist or the party may not see it.</summary>
    public static ActOutcome NotFound { get; } =
        new(null, null, StatusCodes.Status404NotFound, "Not found", "The application was not found or is not visible to you.", null);

    /// <summary>Refused with a status and reason.</summary>
    public static ActOutcome Refused(int status, string title, string detail) => new(null, null, status, title, detail, null);

    /// <summary>Refused with a status, reason and further members of the problem.</summary>
    public static ActOutcome Refused(int status, string title, string detail, IDictionary<string, object?> extensions) =>
        new(null, null, status, title, detail, null, extensions);

    /// <summary>Refused by the lifecycle table.</summary>
    public static ActOutcome Refused(TransitionResult decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Refusal == RefusalKind.ActorNotPermitted
            ? Refused(StatusCodes.Status403Forbidden, "Not permitted", decision.Reason!)
            : Refused(StatusCodes.Status409Conflict, "Not allowed in the application's current state", decision.Reason!);
    }

    /// <summary>The problem response of a refusal.</summary>
    public IResult ToProblem() => Errors is not null
        ? TypedResults.ValidationProblem(Errors, detail: Detail, title: Title)
        : Extensions is not null
            ? TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: Extensions)
            : Problems.Status(Status, Title!, Detail!);
}
