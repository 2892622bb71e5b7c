using Scalar.AspNetCore;

namespace DataIp.Web.Infrastructure;

/// <summary>Host-level set-up that does not belong to one feature.</summary>
internal static class Startup
{
    /// <summary>The address the platform listens on when no --urls or ASPNETCORE_URLS is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

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

    /// <summary>The lifecycle services and the background job.</summary>
    public static void AddLifecycle(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CalendarService>();
        builder.Services.AddScoped<Features.Notifications.Notifier>();
        builder.Services.AddScoped<Features.Acts.ActPipeline>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.Evidence);
        builder.Services.AddScoped<DataIp.Web.Features.Evidence.EvidenceService>();
        builder.Services.AddScoped<DraftService>();
        builder.Services.AddSingleton<LifecycleSweeper>();
        builder.Services.AddHostedService<LifecycleJob>();
    }

    /// <summary>The public log: keys, sequencer and its background job.</summary>
    public static void AddLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Features.Ledger.LogSigningKeys>();
        builder.Services.AddSingleton<Features.Certificates.IssuerSigningKeys>();
        builder.Services.AddSingleton<Features.Ledger.LogSequencer>();
        builder.Services.AddHostedService<Features.Ledger.LogSequencerJob>();
    }

    /// <summary>The OpenAPI document at /openapi/v1.json.</summary>
    public static void AddApiReference(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DataIP Registry API";
            document.Info.Description = "The national data intellectual property (数据知识产权) registration platform. "
                + "Sign in with POST /api/v1/auth/token and send the token as 'Authorization: Bearer …'. "
                + "Every error is an RFC 9457 problem.";
            return Task.CompletedTask;
        }).AddSchemaTransformer(RegisterTextConverter.DescribeAsString));

    /// <summary>
    /// The OpenAPI document and its browsable reference at /docs. The reference's inline start-up
    /// script carries a fresh nonce per answer, which its Content-Security-Policy allows
    /// (<see cref="SecurityHeaders"/>); its fonts are the system's and it sends no telemetry, so it
    /// loads nothing from anywhere but this platform.
    /// </summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("DataIP Registry API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithNonce().DisableDefaultFonts().DisableTelemetry())
            .AllowAnonymous();
    }
}
