using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
    }

    /// <summary>Largest JSON body accepted; an application's content is tens of kilobytes.</summary>
    public const long MaxJsonBody = 1024 * 1024;

    /// <summary>
    /// Refuses an oversize JSON body with 413 before it is read. (Uploads are limited by the
    /// server's request limit and, per kind, by the attachment store.)
    /// </summary>
    public static void UseRequestSizeLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? MaxJsonBody;
        if (context.Request.ContentLength > limit && context.Request.HasJsonContentType())
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"A JSON body may be at most {limit} bytes here; this one has {context.Request.ContentLength}.",
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });

    /// <summary>A 400 validation problem with field-level messages.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "The request has invalid fields; see errors.");

    /// <summary>A validation problem for one field.</summary>
    public static IResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>A problem with a status, title and detail.</summary>
    public static IResult Status(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>404 without saying whether the thing exists for someone else.</summary>
    public static IResult NotFound(string what) =>
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

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var json = FindJsonException(bad);
        if (json is not null)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var message = $"The JSON body is invalid at {field}: {FirstSentence(json.Message)}";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed request body",
                Detail = message,
            };
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

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
            Detail = bad.Message,
        };
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

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; the path is reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>Endpoint metadata raising the JSON body limit of <see cref="Problems.UseRequestSizeLimits"/> for one endpoint.</summary>
/// <param name="Bytes">The largest JSON body accepted.</param>
public sealed record JsonBodyLimit(long Bytes);
