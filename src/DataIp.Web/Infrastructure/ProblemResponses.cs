using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The problem responses an endpoint can answer, declared once for all endpoints from what their
/// metadata says about them, so that the OpenAPI document states them for every operation
/// (RFC 9457 problems, <c>application/problem+json</c>):
/// <list type="table">
/// <item><term>400</term><description>it takes input: route values, a query or a body (<see cref="HttpValidationProblemDetails"/>: <c>errors</c> names the field);</description></item>
/// <item><term>401, 403</term><description>it requires authorization (no token; a caller its policy or the case refuses);</description></item>
/// <item><term>404</term><description>its route names a resource, which may not exist or not be visible to the caller;</description></item>
/// <item><term>409</term><description>it carries out an act (its handler takes <see cref="ActPipeline"/> or <see cref="DraftService"/>): a refused transition, a stale version;</description></item>
/// <item><term>413, 415</term><description>it takes a body: <see cref="RequestGuards"/> refuse one too large or of a media type or charset it does not take (naming <c>body</c> or <c>Content-Type</c>);</description></item>
/// <item><term>429</term><description>it is rate-limited (<see cref="RateLimits"/>).</description></item>
/// </list>
/// A status the endpoint declares itself (a typed result such as <c>ValidationProblem</c>, or
/// <c>.ProducesProblem(503)</c>, or a response that is no problem, like the witness's 409) is kept
/// as declared.
/// </summary>
internal static class ProblemResponses
{
    /// <summary>The media type of every problem (RFC 9457 §3).</summary>
    public const string MediaType = "application/problem+json";

    // What a handler takes that runs an act: each can refuse it with 409.
    private static readonly Type[] ActRunners = [typeof(ActPipeline), typeof(DraftService)];

    /// <summary>Declares, on every endpoint built by <paramref name="builder"/>, the problems its metadata says it can answer.</summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Finally: after every other convention, so that authorization, rate limits and declared
        // responses added by the endpoint itself or its groups are all there to read.
        builder.Finally(Declare);
        return builder;
    }

    /// <summary>The problem statuses <paramref name="endpoint"/> can answer by the rules above, ascending.</summary>
    public static IEnumerable<int> StatusesOf(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var metadata = endpoint.Metadata;
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var routeValues = endpoint is RouteEndpointBuilder route ? route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var body = metadata.OfType<IAcceptsMetadata>().Any();
        var authorized = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

        if (routeValues.Count > 0 || body || TakesQuery(handler, routeValues))
        {
            yield return StatusCodes.Status400BadRequest;
        }

        if (authorized)
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (routeValues.Count > 0)
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (handler?.GetParameters().Any(p => ActRunners.Contains(p.ParameterType)) == true)
        {
            yield return StatusCodes.Status409Conflict;
        }

        if (body)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            yield return StatusCodes.Status429TooManyRequests;
        }
    }

    private static void Declare(EndpointBuilder endpoint)
    {
        var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        foreach (var status in StatusesOf(endpoint).Where(declared.Add))
        {
            // The request guards' refusals and validation name what was wrong in errors; the others are plain problems.
            var type = status is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType
                ? typeof(HttpValidationProblemDetails)
                : typeof(ProblemDetails);
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type, [MediaType]));
        }
    }

    // A query value: a parameter of a simple type (what ASP.NET Core binds from the query by
    // default) that is not a route value.
    private static bool TakesQuery(MethodInfo? handler, HashSet<string> routeValues) =>
        handler?.GetParameters().Any(p => p.Name is { } name && !routeValues.Contains(name) && IsSimple(p.ParameterType)) == true;

    private static bool IsSimple(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(Guid) || plain == typeof(decimal)
            || plain == typeof(DateTimeOffset) || plain == typeof(DateTime) || plain == typeof(DateOnly);
    }
}
