using System.Text.RegularExpressions;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Api;

/// <summary>
/// Issue M6's acceptance: every endpoint × every demo identity × someone else's resource, generated
/// from the endpoint table, with the expected answer of each stated in one place
/// (<see cref="AuthorizationMatrix"/>). Every stranger is called first, and together they write
/// nothing; then the rightful parties. An endpoint missing from the matrix fails the test, and so
/// does every answer that differs from it, each on a line naming endpoint, identity and both statuses.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_EveryIdentityOnSomeoneElsesResource_AnswerAsTheMatrixSays(DatabaseProvider provider)
    {
        var matrix = await MatrixCase.StartAsync(provider);
        await using var platform = matrix.Platform;
        var endpoints = Endpoints(platform);
        var table = AuthorizationMatrix.Rows(matrix);
        var failures = new List<string>();
        failures.AddRange(endpoints.Keys.Where(k => !table.ContainsKey(k)).Select(k => $"{k}: no line in the matrix"));
        failures.AddRange(table.Keys.Where(k => !endpoints.ContainsKey(k)).Select(k => $"{k}: a line of the matrix, but no such endpoint"));
        var calls = Plan(matrix, table, endpoints, failures);
        var before = await WritesAsync(platform);

        foreach (var call in calls.Where(c => c.Kind == MatrixCall.Stranger))
        {
            await SendAsync(matrix, call, failures);
        }

        var afterStrangers = await WritesAsync(platform);
        foreach (var call in calls.Where(c => c.Kind == MatrixCall.Rightful))
        {
            await SendAsync(matrix, call, failures);
        }

        Assert.True(before == afterStrangers, $"strangers' refusals wrote something:\nbefore  {before}\nafter   {afterStrangers}");
        Assert.True(calls.Count(c => c.Kind == MatrixCall.Stranger) > 1000, $"only {calls.Count(c => c.Kind == MatrixCall.Stranger)} stranger calls");
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the matrix:\n{string.Join("\n", failures)}");
    }

    /// <summary>One call of the matrix: an identity on an endpoint, with the answer it should get.</summary>
    private sealed record Call(string Key, RouteEndpoint Endpoint, MatrixRow Row, string Identity, int Expected, MatrixCall Kind);

    // Every (endpoint, identity) in the matrix's order, identities in the case's order; a line
    // that names no answer for someone, or gives a stranger anything but a refusal, is a failure.
    private static List<Call> Plan(MatrixCase matrix, Dictionary<string, MatrixRow> table, Dictionary<string, RouteEndpoint> endpoints, List<string> failures)
    {
        var calls = new List<Call>();
        foreach (var (key, row) in table.Where(r => endpoints.ContainsKey(r.Key)))
        {
            var page = key.StartsWith("PAGE ", StringComparison.Ordinal);
            foreach (var identity in matrix.Callers.Keys)
            {
                if (row.For(identity) is not { } answer)
                {
                    failures.Add($"{key}: the matrix names no answer for {identity}");
                    continue;
                }

                if (answer.Call == MatrixCall.Stranger && answer.Status is not (401 or 403 or 404) && !(page && answer.Status == 302))
                {
                    failures.Add($"{key}: the matrix lets the stranger {identity} have {answer.Status}; a stranger gets 401, 403 or 404");
                }

                calls.Add(new Call(key, endpoints[key], row, identity, answer.Status, answer.Call));
            }
        }

        return calls;
    }

    private static async Task SendAsync(MatrixCase matrix, Call call, List<string> failures)
    {
        var page = call.Key.StartsWith("PAGE ", StringComparison.Ordinal);
        var client = page ? await matrix.PageClientAsync(call.Identity) : matrix.Callers[call.Identity];
        if (Path(matrix, call) is not { } path)
        {
            failures.Add($"{call.Key}: resource {call.Row.Resource} lacks a route value");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(page ? "GET" : Method(call.Endpoint)), path);
        request.Content = call.Row.Body?.Invoke(call.Identity);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status != call.Expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            failures.Add($"{call.Key} as {call.Identity}: expected {call.Expected}, got {status} {body[..Math.Min(body.Length, 160)]}");
        }
    }

    // The route with the resource's values in its parameters, and the line's query.
    private static string? Path(MatrixCase matrix, Call call)
    {
        var path = "/" + call.Endpoint.RoutePattern.RawText!.TrimStart('/');
        var values = matrix.Resources[call.Row.Resource];
        foreach (var parameter in call.Endpoint.RoutePattern.Parameters)
        {
            if (values.TryGetValue(parameter.Name, out var value))
            {
                path = Regex.Replace(path, "\\{\\**" + parameter.Name + "[^}]*\\}", value.Replace("$", "$$", StringComparison.Ordinal));
            }
            else if (parameter.IsOptional)
            {
                path = Regex.Replace(path, "/?\\{" + parameter.Name + "[^}]*\\}", "");
            }
            else
            {
                return null;
            }
        }

        return call.Row.Query is null ? path : $"{path}?{call.Row.Query}";
    }

    /// <summary>Every endpoint by its matrix key: "METHOD pattern", or "PAGE pattern" for a Razor page.</summary>
    private static Dictionary<string, RouteEndpoint> Endpoints(RegistryFactory platform) =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null ? $"PAGE {e.RoutePattern.RawText}" : $"{Method(e)} {e.RoutePattern.RawText}");

    private static string Method(RouteEndpoint e) => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Single() ?? "GET";

    /// <summary>What the register holds, counted: strangers must leave every number as it was.</summary>
    private static async Task<string> WritesAsync(RegistryFactory platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        string Of<T>(IEnumerable<T> values) => string.Join("/", values.Select(v => v?.ToString()).Order(StringComparer.Ordinal));
        return string.Join(", ",
            $"acts {await db.Acts.CountAsync()}",
            $"log entries {await db.LogEntries.CountAsync()}",
            $"accounts {await db.Users.CountAsync()}",
            $"applications {Of((await db.Applications.Select(a => new { a.State, a.Version }).ToListAsync()).Select(a => $"{a.State}:{a.Version}"))}",
            $"attachments {await db.Attachments.CountAsync()}",
            $"objections {Of(await db.Objections.Select(o => o.Status).ToListAsync())}",
            $"pledges {Of(await db.Pledges.Select(p => p.Status).ToListAsync())}",
            $"transfers {Of(await db.Transfers.Select(t => t.Status).ToListAsync())}",
            $"changes {Of(await db.ChangeRequests.Select(c => c.Status).ToListAsync())}",
            $"licences {await db.Licences.CountAsync()}",
            $"webhooks {Of(await db.WebhookSubscriptions.Select(w => w.DisabledAt != null).ToListAsync())}",
            $"deliveries {Of((await db.WebhookDeliveries.Select(d => new { d.Status, d.Failures }).ToListAsync()).Select(d => $"{d.Status}:{d.Failures}"))}",
            $"notifications read {await db.Notifications.CountAsync(n => n.ReadAt != null)}");
    }
}
