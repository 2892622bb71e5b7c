using System.Text;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Every endpoint, pages included, states who may call it, and every role gets what that statement
/// says from the API: 401 for the anonymous public on a protected endpoint, 403 for a signed-in
/// caller of the wrong role, and never a 5xx, even for a malformed body. (Pages answer a person,
/// not a program: a protected page redirects to the sign-in form instead, see PageAccessTests.)
/// </summary>
public sealed class EndpointAuthorizationTests
{
    // Who satisfies each policy, written out here so the test can disagree with the code.
    private static readonly Dictionary<string, string[]> Satisfies = new()
    {
        ["SignedIn"] = ["applicant", "examiner", "bodyAdministrator", "nationalAdministrator", "pledgee"],
        ["Applicant"] = ["applicant"],
        ["Examiner"] = ["examiner"],
        ["Administrator"] = ["bodyAdministrator", "nationalAdministrator"],
        ["NationalAdministrator"] = ["nationalAdministrator"],
    };

    [Fact]
    public async Task Endpoints_Every_StatesWhoMayCall()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);

        var unstated = Endpoints(platform).Where(e => Policy(e) is null && !IsAnonymous(e)).Select(Describe).ToList();

        Assert.Empty(unstated);
        Assert.True(Endpoints(platform).Count() > 25);
        // Page endpoints carry their page model's [Authorize]/[AllowAnonymous], so they are checked too.
        Assert.Equal("SignedIn", Policy(Assert.Single(Endpoints(platform), e => IsPage(e) && e.RoutePattern.RawText == "applications")));
        Assert.True(IsAnonymous(Assert.Single(Endpoints(platform), e => IsPage(e) && e.RoutePattern.RawText == "account/sign-in")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_EveryRole_GetsWhatThePolicySays(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = platform.CreateClient(),
            ["applicant"] = await platform.ApplicantAsync(),
            ["examiner"] = await platform.ExaminerAsync("4400"),
            ["nationalAdministrator"] = await platform.SignInAsync(RegistryFactory.AdminEmail),
            ["bodyAdministrator"] = await StaffAsync(platform, "administrator", "4400"),
            ["pledgee"] = await StaffAsync(platform, "pledgee", null),
        };
        var failures = new List<string>();

        foreach (var endpoint in Endpoints(platform).Where(e => !IsAnonymous(e) && !IsPage(e)))
        {
            var policy = Policy(endpoint)!;
            foreach (var (role, client) in callers)
            {
                var status = (int)(await client.SendAsync(Request(endpoint, "{\"malformed\": "))).StatusCode;
                var expected = role == "anonymous" ? 401 : Satisfies[policy].Contains(role) ? (int?)null : 403;
                if (status >= 500 || (expected is not null && status != expected) || (expected is null && status is 401 or 403 && !IsOwnBodyCheck(endpoint, role)))
                {
                    failures.Add($"{Describe(endpoint)} as {role}: {status} (policy {policy})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_AnonymousOnes_NeverFailWithServerError(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var client = platform.CreateClient();
        var failures = new List<string>();

        foreach (var endpoint in Endpoints(platform).Where(IsAnonymous))
        {
            foreach (var body in new[] { "{\"malformed\": ", "[]", "{\"unknownField\": 1}", "null" })
            {
                var status = (int)(await client.SendAsync(Request(endpoint, body))).StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{Describe(endpoint)} with {body}: {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // A body administrator of 4400 changing another body's policy is refused by the handler.
    private static bool IsOwnBodyCheck(RouteEndpoint endpoint, string role) =>
        role == "bodyAdministrator" && endpoint.RoutePattern.RawText!.Contains("{code}", StringComparison.Ordinal);

    private static async Task<HttpClient> StaffAsync(RegistryFactory platform, string role, string? bodyCode)
    {
        var email = $"{role}.{Guid.NewGuid():N}@test.dataip.cn";
        var admin = await platform.SignInAsync(RegistryFactory.AdminEmail);
        await admin.PostJsonAsync("/api/v1/accounts/staff", new { email, password = RegistryFactory.Password, displayName = role, role, bodyCode }).OkAsync();
        return await platform.SignInAsync(email);
    }

    private static IEnumerable<RouteEndpoint> Endpoints(RegistryFactory platform) =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && !p.StartsWith("/docs", StringComparison.Ordinal));

    private static string? Policy(RouteEndpoint e) => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    private static bool IsAnonymous(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    // A Razor page (CompiledPageActionDescriptor derives from PageActionDescriptor).
    private static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static string Method(RouteEndpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    private static string Describe(RouteEndpoint e) => $"{Method(e)} {e.RoutePattern.RawText}";

    private static HttpRequestMessage Request(RouteEndpoint endpoint, string body)
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

        var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), path);
        if (Method(endpoint) is "POST" or "PUT")
        {
            // Send the content type the endpoint declares (a form for uploads), with a body that is
            // wrong for it: the test is about who may call, not about content negotiation.
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            request.Content = accepts.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal))
                ? new MultipartFormDataContent { { new StringContent(body), "unexpected" } }
                : new StringContent(body, Encoding.UTF8, accepts.FirstOrDefault(t => t.StartsWith("text/", StringComparison.Ordinal)) ?? "application/json");
        }

        return request;
    }
}
