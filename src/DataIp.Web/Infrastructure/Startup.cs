using DataIp.Web.Pages;
using Scalar.AspNetCore;

namespace DataIp.Web.Infrastructure;

/// <summary>Host-level set-up that does not belong to one feature.</summary>
internal static class Startup
{
    /// <summary>The address the platform listens on when no --urls or ASPNETCORE_URLS is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// What every node needs before any area adds itself: the data directory made absolute, loopback
    /// by default, the settings bound and checked at start (<see cref="Settings"/>), the clock,
    /// problems for every error and the OpenAPI document.
    /// </summary>
    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ResolveDataDirectory();
        builder.UseLoopbackByDefault();
        builder.AddSettings();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddProblems();
        builder.AddApiReference();
    }

    /// <summary>
    /// The middleware, in order: security headers on every answer, the pages' language, error pages and problems, the
    /// request guards (after routing: they read the endpoint), the stylesheet (public), the rate
    /// limits, then authentication and authorization, then the public read cache (it must know
    /// whether the caller signed in: see <see cref="Features.Register.PublicReads"/>).
    /// </summary>
    public static void UsePlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UsePageLocalization();
        app.UseErrorPages();
        app.UseRequestGuards();
        app.UsePageAssets();
        app.UseRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
    }

    /// <summary>
    /// The group every area maps its endpoints in: each endpoint declares the problems its metadata
    /// says it can answer (<see cref="ProblemResponses"/>). Its prefix is empty: the areas' paths are their own.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup("").WithProblemResponses();
    }

    /// <summary>Liveness: <c>GET /healthz</c> answers <c>ok</c> as long as the node serves requests.</summary>
    public static void MapOperationsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithTags("Operations").WithName("GetHealth").WithSummary("Liveness (anyone).");

    /// <summary>Turns a bare <c>--demo</c> into the configuration switch <c>DataIp:Demo=true</c>.</summary>
    public static string[] ReadDemoFlag(string[] args) =>
        [.. args.Select(a => a == "--demo" ? $"--{PlatformOptions.Section}:Demo=true" : a)];

    /// <summary>
    /// Makes <c>DataIp:DataDirectory</c> absolute. A relative directory is relative to the working
    /// directory, except when the platform runs from its source tree (<c>dotnet run --project
    /// src/DataIp.Web</c>, whose working directory is the project's): then it is relative to the
    /// repository root, so the README's <c>./data</c> is the repository's <c>./data</c>.
    /// </summary>
    public static void ResolveDataDirectory(this WebApplicationBuilder builder)
    {
        var key = $"{PlatformOptions.Section}:DataDirectory";
        var configured = builder.Configuration[key] ?? new PlatformOptions().DataDirectory;
        var contentRoot = builder.Environment.ContentRootPath;
        var runFromSource = File.Exists(Path.Combine(contentRoot, "DataIp.Web.csproj"));
        var baseDirectory = runFromSource ? Path.GetFullPath(Path.Combine(contentRoot, "..", "..")) : Directory.GetCurrentDirectory();
        builder.Configuration[key] = Path.GetFullPath(configured, baseDirectory);
    }

    /// <summary>
    /// Listens on loopback only unless told otherwise: a fresh install is not exposed. The public
    /// base URL follows the address listened on unless <c>DataIp:PublicBaseUrl</c> says otherwise,
    /// and is printed once the node listens (<see cref="PublicAddress"/>).
    /// </summary>
    public static void UseLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddHostedService<PublicAddressReporter>();

        // Requests larger than this are refused with 413 before they reach an endpoint.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
    }
}
