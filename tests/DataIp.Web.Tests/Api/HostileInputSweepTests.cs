using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Infrastructure;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Issue M6, defect 9, as a sweep: every API endpoint that takes a body, called by a role it
/// accepts, answers each hostile body with a 4xx problem (never a 5xx), and an endpoint that binds
/// a JSON body names the string member that carried the bad text.
/// </summary>
public sealed class HostileInputSweepTests
{
    // Whom to sign in as for each policy: a role the policy accepts.
    private static readonly Dictionary<string, string> Caller = new()
    {
        ["SignedIn"] = "applicant",
        ["Applicant"] = "applicant",
        ["Examiner"] = "examiner",
        ["Administrator"] = "nationalAdministrator",
        ["NationalAdministrator"] = "nationalAdministrator",
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_EveryHostileBody_4xxProblemNeverServerError(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = platform.CreateClient(),
            ["applicant"] = await platform.ApplicantAsync(),
            ["examiner"] = await platform.ExaminerAsync("4400"),
            ["nationalAdministrator"] = await platform.SignInAsync(RegistryFactory.AdminEmail),
        };
        var acts = await HostileBodies.ActCountAsync(platform);
        var failures = new List<string>();
        var swept = 0;

        foreach (var endpoint in BodyEndpoints(platform))
        {
            using var client = HostileBodies.Unbuffered(platform, callers[Policy(endpoint) is { } policy ? Caller[policy] : "anonymous"]);
            var member = StringMember(endpoint);
            foreach (var (name, body, expected, field) in Bodies(endpoint, member))
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(Method(endpoint)), Path(endpoint)) { Content = body() });
                var text = await response.Content.ReadAsStringAsync();
                var problem = Problem(response, text);
                if ((int)response.StatusCode is < 400 or >= 500 || problem is null || (expected is { } status && response.StatusCode != status)
                    || (field is not null && problem?.ErrorFields().Contains(field) != true))
                {
                    failures.Add($"{Method(endpoint)} {endpoint.RoutePattern.RawText} with {name}: {(int)response.StatusCode} (expected {expected?.ToString() ?? "4xx"} naming {field ?? "anything"}) "
                        + $"{response.Content.Headers.ContentType} {text[..Math.Min(text.Length, 300)]}");
                }
            }

            swept++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
        Assert.True(swept > 30, $"only {swept} endpoints with a body");
        Assert.Equal(acts, await HostileBodies.ActCountAsync(platform));
    }

    // Each hostile body, the status the endpoint must give it (null: any 4xx) and the field its
    // problem must name (null: any), from the media types the endpoint accepts.
    private static IEnumerable<(string Name, Func<HttpContent> Body, HttpStatusCode? Status, string? Field)> Bodies(RouteEndpoint endpoint, string? member)
    {
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
        var json = accepts.Contains("application/json");
        var multipart = accepts.Contains("multipart/form-data");
        var limit = endpoint.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? 1 << 20;
        var text = member ?? "reason";
        HttpStatusCode? jsonStatus = json ? HttpStatusCode.BadRequest : multipart ? HttpStatusCode.UnsupportedMediaType : null;
        var jsonField = json ? member : multipart ? "Content-Type" : null;
        // An endpoint taking both (a pledge's release) takes multipart from some callers only: any 4xx.
        HttpStatusCode? multipartStatus = multipart && json ? null : multipart ? HttpStatusCode.BadRequest : json ? HttpStatusCode.UnsupportedMediaType : null;
        var multipartField = multipart && json ? null : multipart ? "body" : json ? "Content-Type" : null;

        yield return ("a klingon charset", () => HostileBodies.Json($"{{\"{text}\": \"x\"}}", "application/json; charset=klingon"), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        yield return ("a lone surrogate", () => HostileBodies.Json($"{{\"{text}\": \"x\\ud800\"}}"), jsonStatus, jsonField);
        yield return ("a NUL", () => HostileBodies.Json($"{{\"{text}\": \"x\\u0000y\"}}"), jsonStatus, jsonField);
        yield return ("a broken multipart", () => HostileBodies.Raw(Encoding.UTF8.GetBytes("garbage\r\n--b\r\nNo colon here\r\n\r\n"), "multipart/form-data; boundary=b"),
            multipartStatus, multipartField);
        // No parts reads; which are missing is for the endpoint, after it finds what is addressed: any 4xx.
        yield return ("an empty multipart", HostileBodies.EmptyMultipart, multipart ? null : multipartStatus, multipart ? null : multipartField);
        yield return ("2 MiB of chunked JSON", () => HostileBodies.Chunked(HostileBodies.LargeJson(text, 2 << 20)),
            json && limit < 2 << 20 ? HttpStatusCode.RequestEntityTooLarge : jsonStatus == HttpStatusCode.UnsupportedMediaType ? jsonStatus : null, null);
    }

    private static JsonElement? Problem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var problem = JsonDocument.Parse(text).RootElement.Clone();
        return problem.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode ? problem : null;
    }

    // API endpoints that take a body: every POST, PUT and PATCH outside the pages.
    private static IEnumerable<RouteEndpoint> BodyEndpoints(RegistryFactory platform) =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && Method(e) is "POST" or "PUT" or "PATCH")
            .Where(e => e.RoutePattern.RawText is { } p && !p.StartsWith("/docs", StringComparison.Ordinal));

    // The first string member of the endpoint's JSON body type, as named in JSON; null when it binds none.
    private static string? StringMember(RouteEndpoint endpoint)
    {
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is not { } type || type == typeof(object) || !accepts.ContentTypes.Contains("application/json"))
        {
            return null;
        }

        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.PropertyType == typeof(string));
        return property is null ? null : JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    private static string? Policy(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IAllowAnonymous>() is not null ? null : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    private static string Method(RouteEndpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    private static string Path(RouteEndpoint endpoint)
    {
        var path = endpoint.RoutePattern.RawText!;
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString()
                : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "2025"
                : parameter.Name == "code" ? "4400"
                : "SQ44002025000001";
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", value);
        }

        return path;
    }
}
