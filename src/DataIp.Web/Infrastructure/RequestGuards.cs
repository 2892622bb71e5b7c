using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// What every request must be before an endpoint sees it, checked once in one middleware, each
/// refusal a problem naming what was wrong: a path without control characters (400 <c>path</c>); a
/// Content-Type that parses (400) and whose charset, if any, is UTF-8 (415); a body of a media type
/// the endpoint takes (415 <c>Content-Type</c>); and a JSON body no larger than the endpoint's limit
/// (413 <c>body</c>), counted on the bytes actually sent, so a chunked body without a
/// Content-Length is held to it too. A multipart form is then read, by whoever reads it, with
/// <see cref="RequestBodies.FormLimits"/>.
/// </summary>
/// <remarks>
/// Kestrel refuses some requests before any middleware runs and answers them itself with an
/// empty 400: a path with <c>%00</c> is one ("The path contains null characters"). Nothing in the
/// platform can give those a problem body.
/// </remarks>
internal static class RequestGuards
{
    /// <summary>Adds the guards; call after routing (the limits and media types are the endpoint's) and before authentication.</summary>
    public static void UseRequestGuards(this WebApplication app) => app.Use(async (context, next) =>
    {
        var refusal = PathProblem(context.Request) ?? ContentTypeProblem(context) ?? await JsonSizeProblemAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            context.Response.StatusCode = refusal.Status!.Value;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = refusal }).ConfigureAwait(false);
            return;
        }

        // Whoever reads a form (RequestBodies, antiforgery on the pages, model binding) reads it
        // with the same explicit limits.
        if (RequestBodies.IsMultipart(context.Request))
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, RequestBodies.FormLimits));
        }

        await next(context).ConfigureAwait(false);
    });

    // The decoded path: %01, %0A, %7F, %C2%85 and the like reach the platform (Kestrel refuses %00).
    private static HttpValidationProblemDetails? PathProblem(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "";
        return RegisterText.Problem(path, singleLine: true) is { } problem
            ? Problems.NamedDetails(StatusCodes.Status400BadRequest, "Invalid path", "path", "The request path " + problem)
            : null;
    }

    private static HttpValidationProblemDetails? ContentTypeProblem(HttpContext context)
    {
        var header = context.Request.ContentType;
        if (header is null)
        {
            return HasBody(context.Request) ? MediaTypeProblem(context, null) : null;
        }

        if (!MediaTypeHeaderValue.TryParse(header, out var type))
        {
            return Problems.NamedDetails(StatusCodes.Status400BadRequest, "Invalid Content-Type", "Content-Type", $"The Content-Type \"{header}\" is not a media type.");
        }

        // A charset other than UTF-8 is refused before anything tries to decode the body with it;
        // UTF-8 (however spelt: "UTF-8", quoted) is what every reader assumes, so it is taken out.
        if (type.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is { } charset)
        {
            if (!string.Equals(charset.Value.Value?.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return Problems.NamedDetails(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type",
                    $"The charset \"{charset.Value}\" is not supported: send UTF-8 (charset=utf-8) or leave the charset out.");
            }

            type.Parameters.Remove(charset);
            context.Request.ContentType = type.ToString();
        }

        return HasBody(context.Request) || context.GetEndpoint() is { DisplayName: RoutingRejection } ? MediaTypeProblem(context, type) : null;
    }

    // A body the endpoint does not take: JSON to an upload, a form to a JSON endpoint. Routing has
    // usually found that out already (ASP.NET Core's AcceptsMatcherPolicy matches the Content-Type
    // against the endpoints' IAcceptsMetadata) and chosen its bare 415 endpoint: this says which
    // media types the path takes instead.
    private static HttpValidationProblemDetails? MediaTypeProblem(HttpContext context, MediaTypeHeaderValue? type)
    {
        var endpoint = context.GetEndpoint();
        var accepted = endpoint is { DisplayName: RoutingRejection } ? AcceptedAt(context)
            : endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
        if (accepted.Count == 0)
        {
            return null;
        }

        var taken = accepted.Any(one => type is not null && MediaTypeHeaderValue.TryParse(one, out var acceptedType)
            && (type.IsSubsetOf(acceptedType) || (acceptedType.MediaType == "application/json" && context.Request.HasJsonContentType())));
        return taken ? null : Problems.NamedDetails(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type",
            $"This endpoint takes {string.Join(" or ", accepted)}; the request's body is {(type is null ? "of no declared type" : type.MediaType.Value)}.");
    }

    // The display name of the endpoint routing answers 415 with (Microsoft.AspNetCore.Routing.Matching.AcceptsMatcherPolicy).
    private const string RoutingRejection = "415 HTTP Unsupported Media Type";

    // What the endpoints of this method and path take, when routing refused them all.
    private static IReadOnlyList<string> AcceptedAt(HttpContext context)
    {
        var request = context.Request;
        return [.. context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) != false)
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(request.Path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static async Task<HttpValidationProblemDetails?> JsonSizeProblemAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return null;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? Problems.MaxJsonBody;
        if (request.ContentLength is { } length)
        {
            // The server reads no more than the Content-Length, so a declared length is the size.
            return length > limit ? TooLarge(limit, $"this one has {length}") : null;
        }

        return await BufferAsync(context, limit).ConfigureAwait(false) ? null : TooLarge(limit, "this one, sent without a Content-Length, has more");
    }

    // A body without a Content-Length (chunked) is read here, up to the limit, and handed on from memory.
    private static async Task<bool> BufferAsync(HttpContext context, long limit)
    {
        var buffer = new MemoryStream();
        context.Response.RegisterForDispose(buffer);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        return true;
    }

    private static HttpValidationProblemDetails TooLarge(long limit, string actual) =>
        Problems.NamedDetails(StatusCodes.Status413PayloadTooLarge, "Request body too large", "body", $"A JSON body may be at most {limit} bytes here; {actual}.");

    /// <summary>Whether the request carries a body: a Content-Length above zero, or one sent in chunks.</summary>
    public static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
