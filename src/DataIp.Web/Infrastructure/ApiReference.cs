using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DataIp.Web.Infrastructure;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and its browsable reference at <c>/docs</c>.
/// Each operation's responses come from its typed results and <see cref="ProblemResponses"/>; its
/// security requirement from its authorization metadata: the bearer scheme, declared once, for an
/// endpoint that requires authorization, and none (<c>security: []</c>) for an anonymous one.
/// </summary>
internal static class ApiReference
{
    /// <summary>The name of the bearer scheme in <c>components.securitySchemes</c>.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>What each tag groups, shown beside it in the reference.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Accounts"] = "Sign-up, bearer tokens (sign-in, refresh, password change), staff accounts and the verification of applicants' identities.",
        ["Applications"] = "An applicant's applications: drafts, content, submission, resubmission, withdrawal and their act history.",
        ["Attachments"] = "Files attached to an application: proofs of source, samples, powers of attorney.",
        ["Certificates"] = "The public record of certificates: status, PDF and signed credential, and the issuer's DID document.",
        ["Evidence"] = "Checking a `dataip prove` proof against the fingerprint a registration was made with.",
        ["Examination"] = "An examiner's acts on the applications of their body, objections and overlapping datasets.",
        ["Open data"] = "The public register in bulk (CSV, JSON Lines) with the log checkpoint each export corresponds to, and its DCAT-AP catalogue.",
        ["Notifications"] = "The signed-in account's notifications and webhooks, with their delivery log.",
        ["Operations"] = "Liveness of the node.",
        ["Public notices"] = "Applications under public notice, and objections to them.",
        ["Register"] = "The public record of registrations.",
        ["Registration bodies"] = "Registration bodies and their policies (notice and correction periods, validity, renewal).",
        ["Rights"] = "The register of rights after registration: legal status, licences, pledges, transfers, changes, renewal and cancellation.",
        ["Statistics"] = "The register's figures by body, region, industry and month; rights recorded, pledges and processing times.",
        ["Transparency log"] = "The public log of acts (RFC 9162, C2SP tlog-tiles): checkpoints, tiles, proofs, entries and the event feed.",
        ["Witness"] = "The node as a witness of other logs (c2sp.org/tlog-witness).",
        ["Working-day calendar"] = "The working-day calendar the deadlines are counted in, from the State Council's holiday notices.",
    };

    /// <summary>Adds the OpenAPI document and its transformers.</summary>
    public static void AddApiReference(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi("v1", o => o
            .AddDocumentTransformer((document, context, _) =>
            {
                Describe(document, context.ApplicationServices.GetRequiredService<PublicAddress>());
                return Task.CompletedTask;
            })
            .AddOperationTransformer((operation, context, _) =>
            {
                operation.Security = SecurityOf(context.Description.ActionDescriptor.EndpointMetadata, context.Document);
                return Task.CompletedTask;
            })
            .AddSchemaTransformer(RegisterTextConverter.DescribeAsString)
            .AddSchemaTransformer(DescribeProblem));
    }

    /// <summary>
    /// The OpenAPI document and its browsable reference at /docs. The reference's inline start-up
    /// script carries a fresh nonce per answer, which its Content-Security-Policy allows
    /// (<see cref="SecurityHeaders"/>); its fonts are the system's and it sends no telemetry, so it
    /// loads nothing from anywhere but this platform. Neither is an operation of the document.
    /// </summary>
    public static void MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("DataIP Registry API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithNonce().DisableDefaultFonts().DisableTelemetry())
            .AllowAnonymous();
    }

    private static void Describe(OpenApiDocument document, PublicAddress address)
    {
        document.Info.Title = "DataIP Registry API";
        document.Info.Description = "The national data intellectual property (数据知识产权) registration platform. "
            + "Sign in with POST /api/v1/auth/token and send the access token as 'Authorization: Bearer …'. "
            + "Every error is an RFC 9457 problem (application/problem+json).";

        // The server is where the public reaches this node (DataIp:PublicBaseUrl, or the address it
        // listens on), not the address a request happened to use; OpenAPI's URLs have no trailing slash.
        document.Servers = [new OpenApiServer { Url = address.Current.AbsoluteUri.TrimEnd('/') }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An ASP.NET Core bearer token: opaque (a data-protected ticket, not a JWT), from POST /api/v1/auth/token or "
                + "/api/v1/auth/refresh; the access token lives 15 minutes by default. The requirement names the authorization policy "
                + "the operation needs (SignedIn, Applicant, Examiner, Administrator, NationalAdministrator); the case may narrow it further.",
        };

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }
    }

    /// <summary>
    /// A problem carries members beyond RFC 9457's: <c>traceId</c> on every one (<see cref="Problems"/>)
    /// and, from some refusals, more (the licence a licence conflicts with). The schema exporter
    /// cannot see <see cref="ProblemDetails.Extensions"/> and would say there are none.
    /// </summary>
    private static Task DescribeProblem(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request's trace identifier: quote it to the operator.",
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The operation's security requirement from its authorization metadata: the bearer scheme with
    /// the policies it names when it requires authorization, otherwise none (explicitly anonymous).
    /// </summary>
    private static List<OpenApiSecurityRequirement> SecurityOf(IList<object> metadata, OpenApiDocument? document)
    {
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return [];
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = policies }];
    }
}
