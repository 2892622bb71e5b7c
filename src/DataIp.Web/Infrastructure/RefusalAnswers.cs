using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The one mapping of a <see cref="Refusal"/> to what a caller sees: an RFC 9457 problem on the
/// API (400 with field errors, 403, 404, 409), and form errors on a page (each field's message
/// beside the field, the rest in the error summary).
/// </summary>
internal static class RefusalAnswers
{
    /// <summary>The HTTP status of a refusal.</summary>
    public static int Status(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            RefusalCode.Invalid => StatusCodes.Status400BadRequest,
            RefusalCode.NotFound => StatusCodes.Status404NotFound,
            RefusalCode.NotPermitted => StatusCodes.Status403Forbidden,
            RefusalCode.Conflict => StatusCodes.Status409Conflict,
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "Unknown refusal."),
        };
    }

    /// <summary>The refusal as a problem response: a validation problem when it names fields.</summary>
    public static Results<ValidationProblem, ProblemHttpResult> ToProblem(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Errors is { } errors
            ? TypedResults.ValidationProblem(errors, detail: refusal.Detail, title: refusal.Title)
            : refusal.AsProblem();
    }

    /// <summary>The refusal as a problem without field errors (a read that found nothing, a refusal of an act with none).</summary>
    public static ProblemHttpResult AsProblem(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return TypedResults.Problem(refusal.Detail, statusCode: refusal.Status(), title: refusal.Title,
            extensions: refusal.Extensions?.ToDictionary(e => e.Key, e => e.Value));
    }

    /// <summary>An act's answer: <paramref name="done"/>'s result when it was done, otherwise its refusal as a problem.</summary>
    public static Results<TDone, ValidationProblem, ProblemHttpResult> Answer<TDone>(this ActOutcome outcome, Func<ActOutcome, TDone> done)
        where TDone : IResult
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(done);
        if (outcome.Refusal is not { } refusal)
        {
            return done(outcome);
        }

        if (refusal.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, detail: refusal.Detail, title: refusal.Title);
        }

        return refusal.AsProblem();
    }

    /// <summary>The refusal as form errors: each field's messages under its name, anything else under the empty key (the error summary).</summary>
    public static void AddTo(this Refusal refusal, ModelStateDictionary modelState, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(modelState);
        if (refusal.Errors is not { } errors)
        {
            modelState.AddModelError(string.Empty, refusal.Detail);
            return;
        }

        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(prefix + field, message);
            }
        }
    }
}
