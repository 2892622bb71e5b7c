using System.Text.Json;
using DataIp.Data;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> states, for every operation: a unique
/// operationId and a summary, its success response with a schema, its problem responses as RFC
/// 9457 problems, and its security requirement as the endpoint's authorization metadata says
/// (the bearer scheme, declared once, or explicitly none). The document does not depend on the
/// database, so it is read from SQLite only.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] ProblemSchemas = ["#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails"];

    [Fact]
    public async Task Document_EveryOperation_HasNameSummaryAndSuccessSchema()
    {
        var failures = new List<string>();

        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            if (!operation.TryGetProperty("operationId", out _) || string.IsNullOrWhiteSpace(operation.Str("summary")))
            {
                failures.Add($"{name}: no operationId or summary");
            }

            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(r => r.Name != "204" && !HasSchema(r.Value)))
            {
                failures.Add($"{name}: no 2xx response with a schema");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Document_OperationIds_AreUnique()
    {
        var ids = Operations(await DocumentAsync()).Select(o => o.Operation.Str("operationId")).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count > 70, $"only {ids.Count} operations");
    }

    [Fact]
    public async Task Document_ErrorResponses_AreProblems()
    {
        var failures = new List<string>();

        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            var responses = operation.GetProperty("responses");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                // tlog-witness: a 409 to add-checkpoint is the size the witness has, as text/x.tlog.size.
                var content = response.Value.GetProperty("content");
                var problem = content.TryGetProperty("application/problem+json", out var media)
                    && ProblemSchemas.Contains(media.GetProperty("schema").Str("$ref"));
                if (!problem && !(name == "POST /log/add-checkpoint" && response.Name == "409"))
                {
                    failures.Add($"{name}: {response.Name} is not an application/problem+json problem");
                }
            }

            var takesInput = operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _);
            if (takesInput && !responses.TryGetProperty("400", out _))
            {
                failures.Add($"{name}: takes input but declares no 400");
            }

            if (operation.TryGetProperty("requestBody", out _) && name != "POST /log/add-checkpoint"
                && !(responses.TryGetProperty("413", out _) && responses.TryGetProperty("415", out _)))
            {
                failures.Add($"{name}: takes a body but does not declare 413 and 415");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Document_Security_FollowsEachEndpointsAuthorization()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var document = await platform.CreateClient().GetAsync("/openapi/v1.json").OkAsync();
        var operations = Operations(document).ToDictionary(o => o.Operation.Str("operationId"), o => o.Operation);
        var failures = new List<string>();

        foreach (var endpoint in DescribedEndpoints(platform))
        {
            var id = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (id is null || !operations.TryGetValue(id, out var operation))
            {
                failures.Add($"{endpoint.RoutePattern.RawText}: no operation (no name?)");
                continue;
            }

            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var expected = anonymous ? "[]" : $"[{{\"bearer\":[\"{policy}\"]}}]";
            var security = operation.GetProperty("security").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings("");
            if (security != expected)
            {
                failures.Add($"{id}: security {security}, expected {expected}");
            }

            if (!anonymous && !(operation.GetProperty("responses").TryGetProperty("401", out _) && operation.GetProperty("responses").TryGetProperty("403", out _)))
            {
                failures.Add($"{id}: needs authorization but does not declare 401 and 403");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var scheme = Assert.Single(document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject());
        Assert.Equal("bearer", scheme.Name);
        Assert.Equal("http", scheme.Value.Str("type"));
        Assert.Equal("bearer", scheme.Value.Str("scheme"));
        Assert.Contains("not a JWT", scheme.Value.Str("description"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/certificates/{certificateNumber}/pdf", "application/pdf", "binary")]
    [InlineData("/log/tile/{path}", "application/octet-stream", "binary")]
    [InlineData("/log/checkpoint", "text/plain", null)]
    [InlineData("/healthz", "text/plain", null)]
    public async Task Document_FilesAndText_DeclareTheirContentType(string path, string mediaType, string? format)
    {
        var document = await DocumentAsync();

        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");

        var schema = Resolve(document, Assert.Single(content.EnumerateObject(), m => m.Name == mediaType).Value.GetProperty("schema"));
        Assert.Equal("string", schema.Str("type"));
        Assert.Equal(format, schema.TryGetProperty("format", out var f) ? f.GetString() : null);
    }

    // The endpoints the document describes: the API's, not the pages, the document itself or its reference.
    private static IEnumerable<RouteEndpoint> DescribedEndpoints(RegistryFactory platform) =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null);

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        return await platform.CreateClient().GetAsync("/openapi/v1.json").OkAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().Any() && content.EnumerateObject().All(m => m.Value.TryGetProperty("schema", out _));

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
}
