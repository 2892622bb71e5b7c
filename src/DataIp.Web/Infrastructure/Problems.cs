using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// Every error is an RFC 9457 problem: bad input (malformed JSON, wrong types, unknown enum
/// values, oversize bodies) is a 4xx with the offending field named; only a real fault is a 500,
/// and it never shows a stack trace.
/// </summary>
internal static class Problems
{
    public static void AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<MachineFaultHandler>(); // after it: answers the faults it leaves (ErrorPages)
        // Malformed requests throw, so the handler above can say what was wrong with them.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => ConfigureJson(o.SerializerOptions));
    }

    /// <summary>The API's JSON: camelCase, enums as camelCase names only, unknown fields refused.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // A misspelt field is an error, not silently ignored.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        // Every string read is held to the register's text rule, and named by its path when refused.
        RegisterTextConverter.AddTo(options);
    }

    /// <summary>Largest JSON body accepted; an application's content is tens of kilobytes.</summary>
    public const long MaxJsonBody = 1024 * 1024;

    /// <summary>A 400 validation problem with field-level messages.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "The request has invalid fields; see errors.");

    /// <summary>A validation problem for one field.</summary>
    public static ValidationProblem Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>A problem of any status whose <c>errors</c> name one field (or header: <c>Content-Type</c>).</summary>
    public static ProblemHttpResult Named(int status, string title, string field, string message) =>
        TypedResults.Problem(NamedDetails(status, title, field, message));

    /// <summary>The details of <see cref="Named"/>, for middleware and exception handlers that write them themselves.</summary>
    public static HttpValidationProblemDetails NamedDetails(int status, string title, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = title, Detail = message };

    /// <summary>415 naming <c>Content-Type</c>: the body is not of a media type the endpoint takes.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string message) =>
        Named(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type", message);

    /// <summary>
    /// A JSON body System.Text.Json could not read, as a 400 naming the member by its path without
    /// the root (<c>content.dataObject.dataName</c>, <c>rights[1]</c>; the whole body is <c>body</c>),
    /// as validation errors name fields.
    /// </summary>
    public static HttpValidationProblemDetails MalformedJson(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var field = JsonField(json.Path);
        return NamedDetails(StatusCodes.Status400BadRequest, "Malformed request body", field, $"The JSON body is invalid at {field}: {FirstSentence(json.Message)}");
    }

    /// <summary>A JSON path as a field name: <c>$.a.b</c> is <c>a.b</c>, <c>$</c> (or none) is <c>body</c>.</summary>
    public static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // System.Text.Json appends "Path: … | LineNumber: …" to its own messages; the path is reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>A problem with a status, title and detail.</summary>
    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>
    /// A problem read from a request (<see cref="RequestBodies"/>) as the answer of an endpoint
    /// that answers <typeparamref name="TDone"/> when it succeeds.
    /// </summary>
    public static Results<TDone, ValidationProblem, ProblemHttpResult> AnswerFor<TDone>(this Results<ValidationProblem, ProblemHttpResult> problem)
        where TDone : IResult
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Result switch
        {
            ValidationProblem validation => validation,
            ProblemHttpResult other => other,
            _ => throw new UnreachableException("Results<ValidationProblem, ProblemHttpResult> holds one of the two."),
        };
    }

    /// <summary>404 without saying whether the thing exists for someone else.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        Status(StatusCodes.Status404NotFound, "Not found", $"{what} was not found or is not visible to you.");
}

/// <summary>
/// Maps request-shape failures to 4xx problems and concurrency conflicts to 409, for programs; a
/// person's request is left to the error page, with the same status (<see cref="ErrorPages"/>).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ErrorPages.IsForMachines(ErrorPages.OriginalPath(httpContext)))
        {
            return false;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The record changed while this act was being decided; reload it and try again.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    private static HttpValidationProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (FindJsonException(bad) is { } json)
        {
            return Problems.MalformedJson(json);
        }

        if (ParameterName().Match(bad.Message) is { Success: true } parameter)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [bad.Message] })
            {
                Status = bad.StatusCode,
                Title = "Invalid parameter",
                Detail = bad.Message,
            };
        }

        // What is left comes from reading the body: too large, cut short, missing where required.
        return Problems.NamedDetails(
            bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", "body", bad.Message);
    }

    // ASP.NET Core's binding failures name the parameter as "Type name".
    [GeneratedRegex("^(?:Failed to bind parameter|Required parameter) \"[^\"]* (?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}

/// <summary>Endpoint metadata raising the JSON body limit of <see cref="RequestGuards"/> for one endpoint.</summary>
/// <param name="Bytes">The largest JSON body accepted.</param>
public sealed record JsonBodyLimit(long Bytes);
