using System.Text.Json;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.OpenApi;

/// <summary>
/// The OpenAPI document passes <c>redocly lint</c> with the recommended rules (redocly.yaml at the
/// repository's root): no error, and only the warnings that file justifies. test.sh installs
/// @redocly/cli under <c>.tools/</c>; without it the test fails on CI and is skipped elsewhere.
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task Document_RedoclyRecommended_HasNoErrorAndOnlyJustifiedWarnings()
    {
        var root = ToolProcess.RepositoryRoot();
        var redocly = Path.Combine(root, ".tools", "node_modules", ".bin", "redocly");
        RequireOrSkip(redocly);
        var directory = Directory.CreateTempSubdirectory("dataip-openapi-").FullName;
        try
        {
            var document = Path.Combine(directory, "openapi.json");
            await using (var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite))
            {
                await File.WriteAllTextAsync(document, (await platform.CreateClient().GetAsync("/openapi/v1.json").OkAsync()).GetRawText());
            }

            var run = await LintAsync(redocly, Path.Combine(root, "redocly.yaml"), document, directory);

            var report = JsonDocument.Parse(run.Output).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray().Select(p => (Rule: p.Str("ruleId"), Severity: p.Str("severity"),
                Pointer: p.GetProperty("location")[0].Str("pointer"), Message: p.Str("message"))).ToList();
            Assert.True(run.ExitCode == 0, $"redocly exited {run.ExitCode}: {run.Error}");
            Assert.DoesNotContain(problems, p => p.Severity == "error");
            var parsed = JsonDocument.Parse(await File.ReadAllTextAsync(document)).RootElement;
            var unjustified = problems.Where(p => p.Severity != "error" && !Justified(parsed, p.Rule, p.Pointer)).ToList();
            Assert.True(unjustified.Count == 0, string.Join("\n", unjustified));
        }
        finally
        {
            TestDatabases.DeleteDirectory(directory);
        }
    }

    // The warnings redocly.yaml explains: no licence yet, and no 4xx on an operation that takes no
    // input and needs no authorization (checked here against the operation itself).
    private static bool Justified(JsonElement document, string rule, string pointer)
    {
        if (rule == "info-license")
        {
            return true;
        }

        if (rule != "operation-4xx-response" || !pointer.StartsWith("#/paths/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = pointer["#/paths/".Length..].Split('/');
        var path = parts[0].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(parts[1]);
        return !operation.TryGetProperty("parameters", out _) && !operation.TryGetProperty("requestBody", out _)
            && operation.GetProperty("security").GetArrayLength() == 0;
    }

    private static Task<ToolRun> LintAsync(string redocly, string config, string document, string directory) =>
        ToolProcess.RunAsync(redocly, ["lint", "--config", config, "--format", "json", "--max-problems", "10000", document], TimeSpan.FromMinutes(2),
            workingDirectory: directory,
            environment: new Dictionary<string, string>
            {
                // Never any traffic but loopback: no usage data, no check for a newer version.
                ["REDOCLY_TELEMETRY"] = "off",
                ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
                ["DO_NOT_TRACK"] = "1",
            });

    private static void RequireOrSkip(string redocly)
    {
        if (File.Exists(redocly))
        {
            return;
        }

        var message = $"{redocly} is not installed: run the tests through ./test.sh, which installs @redocly/cli under .tools/";
        var ci = Environment.GetEnvironmentVariable("CI");
        Assert.False(string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1", message);
        Assert.Skip(message);
    }
}
