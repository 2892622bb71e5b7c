using System.CommandLine;
using System.Text.Json.Nodes;
using DataIp.Cli.Commands;
using DataIp.Cli.Tests.Audit;
using DataIp.Cli.Tests.Log;
using DataIp.Data;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;
using DataIp.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.Cli.Tests.Catalogue;

/// <summary>
/// A log holding every act type of <see cref="ActCatalogue"/> (each with the reasons its type
/// allows, before and after the public notice, by actors of every role), written as the platform
/// writes it, passes the real <c>dataip log verify</c> (its stored entries served as tiles, as
/// <see cref="LogVerifyCommandTests"/> does) and the real <c>dataip log audit</c> with no finding;
/// and one member of one entry changed is reported by verify.
/// </summary>
public sealed class CatalogueLogTests(EveryActLogs logs) : IClassFixture<EveryActLogs>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task VerifyAndAudit_LogOfEveryActType_ExitZeroWithNoFindings(DatabaseProvider provider)
    {
        var log = await logs.LogAsync(provider);
        var entries = await log.EntriesAsync();
        string[] source = provider == DatabaseProvider.Postgres ? ["--postgres", log.Options.ConnectionString] : ["--data-dir", log.DataDirectory];

        var verify = await VerifyAsync(entries);
        var audit = Run(["log", "audit", .. source, "--keys", log.KeysDirectory]);

        Assert.Equal((0, ""), (verify.ExitCode, verify.Error));
        Assert.Contains($"entries:     {entries.Count} hashed and replayed\n", verify.Output, StringComparison.Ordinal);
        Assert.EndsWith("\nOK\n", verify.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (audit.ExitCode, audit.Error));
        Assert.StartsWith($"The log is intact: {entries.Count} entries, {entries.Count} acts, 1 checkpoints", audit.Output, StringComparison.Ordinal);
        Assert.Equal(ActCatalogue.All.Select(d => d.Name).Order(StringComparer.Ordinal), entries.Select(Type).Distinct().Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> Mutations => new()
    {
        { "role", "; an actor is an object whose \"role\" is one of applicant, examiner, administrator, pledgee, public, system" },
        { "act type", "has \"act\" \"teleport\", which is not an act type this verifier knows" },
        { "private member in clear", "has the private member \"objectorContact\" in clear: a fileObjection act logs only its digest" },
        { "private reason in clear", "has \"reason\" in clear, but a fileObjection act's reasons are private" },
        { "stray member", "has member \"colour\", which a fileObjection act does not have" },
        { "required member removed", "lacks \"objectorName\", which every fileObjection act has" },
        { "value of the wrong type", "is not a fileObjection act: " },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Verify_OneMemberOfOneEntryChanged_ReportsThatEntry(string mutation, string message)
    {
        var entries = await (await logs.LogAsync(DatabaseProvider.Sqlite)).EntriesAsync();
        // The objection filed after the notice started, with its grounds: private members and a private reason.
        var index = entries.FindLastIndex(e => Type(e) == ActTypes.FileObjection && JsonNode.Parse(e)![LogEntryFields.Private]?[LogEntryFields.Reason] is not null);
        entries[index] = Mutate(entries[index], mutation);

        var (exitCode, output, error) = await VerifyAsync(entries);

        // Only that entry is reported (a missing required member also makes it unreadable as its record: two findings).
        var findings = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exitCode);
        Assert.All(findings, f => Assert.StartsWith($"entry {index}: ", f, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains(message, StringComparison.Ordinal));
        Assert.EndsWith($"FAILED: {findings.Length} problem(s), listed on stderr\n", output, StringComparison.Ordinal);
    }

    // The entry with one thing changed, in canonical form: what a log that rewrote it would serve.
    private static byte[] Mutate(byte[] entry, string mutation)
    {
        var json = JsonNode.Parse(entry)!.AsObject();
        var digests = json[LogEntryFields.Private]!.AsObject();
        switch (mutation)
        {
            case "role":
                json[LogEntryFields.Actor]![LogEntryFields.ActorRole] = "teleporter";
                break;
            case "act type":
                json[LogEntryFields.Act] = "teleport";
                break;
            case "private member in clear":
                Assert.True(digests.Remove("objectorContact"));
                json["objectorContact"] = "13800138000";
                break;
            case "private reason in clear":
                Assert.True(digests.Remove(LogEntryFields.Reason));
                json[LogEntryFields.Reason] = "数据来源有争议";
                break;
            case "stray member":
                json["colour"] = "blue";
                break;
            case "required member removed":
                Assert.True(json.Remove("objectorName"));
                break;
            default:
                json["objectionId"] = 7;
                break;
        }

        return JsonCanonicalizer.Canonicalize(json);
    }

    private static string Type(byte[] entry) => JsonNode.Parse(entry)![LogEntryFields.Act]!.GetValue<string>();

    // The real dataip log verify over HTTP, the entries served as tiles under a checkpoint signed by FakeLog's keys.
    private static async Task<(int ExitCode, string Output, string Error)> VerifyAsync(IEnumerable<byte[]> entries)
    {
        var served = new FakeLog();
        foreach (var entry in entries)
        {
            served.AppendEntry(entry);
        }

        served.Publish();
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var options = new LogVerifyOptions(FakeLogHandler.Server, null, null, TimeSpan.FromSeconds(30));
        var exitCode = await LogVerifyCommand.RunAsync(
            options, new FakeLogHandler(served), new FakeTimeProvider(FakeLog.Start), output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>
/// For each database, created at its first use: a register whose log holds a sample act of every
/// catalogue type in every variant <see cref="CatalogueRoundTripTests"/> writes, under one signed
/// checkpoint. The tests only read it.
/// </summary>
public sealed class EveryActLogs : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<TestLog>> _logs = [];

    internal Task<TestLog> LogAsync(DatabaseProvider provider)
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue(provider, out var log))
            {
                log = CreateAsync(provider);
                _logs[provider] = log;
            }

            return log;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var log in _logs.Values.Where(l => l.IsCompletedSuccessfully))
        {
            await (await log).DisposeAsync();
        }
    }

    private static async Task<TestLog> CreateAsync(DatabaseProvider provider)
    {
        var log = await TestLog.CreateAsync(provider);
        foreach (var descriptor in ActCatalogue.All)
        {
            var acts = 0;
            foreach (var reason in CatalogueRoundTripTests.Reasons(descriptor))
            {
                foreach (var noticeStarted in new[] { false, true })
                {
                    await log.RecordAsync(CatalogueRoundTripTests.Actor(descriptor, acts++), ActSamples.Of(descriptor), reason, noticeStarted);
                }
            }
        }

        await log.PublishAsync();
        return log;
    }
}
