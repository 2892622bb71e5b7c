using System.Text;
using DataIp.Cli.Commands;
using DataIp.Cli.Log;
using DataIp.Crypto;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.Cli.Tests.Log;

// The whole command over HTTP: FakeLogHandler serves a FakeLog at the tiles API's URLs.
public sealed class LogVerifyCommandTests(LargeLog large) : IClassFixture<LargeLog>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 3, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-logverify-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_LogOf70000Entries_ReadsEveryTileAndExitsZero()
    {
        var handler = new FakeLogHandler(large.Log);

        var (exitCode, output, error) = await Run(handler);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains($"checkpoint:  registry.example/log, size 70000, root {large.Log.RootHash()}\n", output, StringComparison.Ordinal);
        Assert.Contains("tiles:       274 at level 0, 2 at level 1, 1 at level 2; 274 entry bundles\n", output, StringComparison.Ordinal);
        Assert.Contains("entries:     70000 hashed and replayed\n", output, StringComparison.Ordinal);
        Assert.EndsWith("\nOK\n", output, StringComparison.Ordinal);
        var requests = handler.Requests.ToHashSet();
        Assert.Equal(handler.Requests.Count, requests.Count); // nothing read twice
        Assert.Equal(2 + 274 + 274 + 2 + 1, requests.Count);
        Assert.Superset(
            new HashSet<string> { "/log/keys", "/log/checkpoint", "/log/tile/0/272", "/log/tile/0/273.p/112", "/log/tile/entries/273.p/112", "/log/tile/1/000", "/log/tile/1/001.p/17", "/log/tile/2/000.p/1" },
            requests);
    }

    [Fact]
    public async Task Run_FullLevelOneTileAltered_ExitsOneNamingIt()
    {
        var handler = new FakeLogHandler(large.Log) { Tamper = LogVerifierTests.FlipByte("tile/1/000", 100) };

        var (exitCode, output, error) = await Run(handler);

        Assert.Equal(1, exitCode);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("tile/1/000: hash 3 is ", lines[0], StringComparison.Ordinal);
        Assert.Contains("but the 256 hashes of tile/0/003 give", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("tile/2/000.p/1: hash 0 is ", lines[1], StringComparison.Ordinal);
        Assert.Contains("but the 256 hashes of tile/1/000 give", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\nFAILED: 2 problem(s), listed on stderr\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithState_SavesTheCheckpointAndChecksTheNextOneAgainstIt()
    {
        var log = new FakeLog(300);
        var state = Path.Combine(_directory, "state.json");

        var first = await Run(new FakeLogHandler(log), state);
        log.Append(300).Publish();
        var second = await Run(new FakeLogHandler(log), state);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("consistency: no saved checkpoint to compare with (first run)\n", first.Output, StringComparison.Ordinal);
        Assert.Contains($"state:       saved to {state}\n", first.Output, StringComparison.Ordinal);
        Assert.Contains("consistency: the saved checkpoint (size 300, checked 2025-06-03T10:00:00Z) is a prefix of this one\n", second.Output, StringComparison.Ordinal);
        Assert.True(StateFile.TryRead(state, out var saved, out _));
        Assert.Equal((600UL, log.RootHash(), Now), (saved!.TreeSize, saved.RootHash, saved.CheckedAt));
    }

    [Theory]
    [InlineData("rewritten", "consistency: the first 300 entries now give the root ")]
    [InlineData("truncated", "consistency: the checkpoint's size 200 is smaller than the saved size 300")]
    [InlineData("new key", "keys: the log now publishes ")]
    public async Task Run_LogInconsistentWithState_ExitsOneAndKeepsTheState(string change, string message)
    {
        var log = new FakeLog(300);
        var state = Path.Combine(_directory, "state.json");
        Assert.Equal(0, (await Run(new FakeLogHandler(log), state)).ExitCode);
        var saved = File.ReadAllBytes(state);
        switch (change)
        {
            case "rewritten":
                log.Replace(0, FakeLog.Act(0, at: FakeLog.Start.AddMilliseconds(1)));
                log.Append(1);
                break;
            case "truncated":
                log.Truncate(200);
                break;
            default:
                log.Ed25519 = Ed25519NoteSigner.Generate(FakeLog.Origin);
                break;
        }

        log.Publish();

        var (exitCode, output, error) = await Run(new FakeLogHandler(log), state);

        Assert.Equal(1, exitCode);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Contains($"state:       {state} left as it was\n", output, StringComparison.Ordinal);
        Assert.Equal(saved, File.ReadAllBytes(state));
    }

    [Fact]
    public async Task Run_KeysFileAfterRotation_AcceptsAndSavesTheNewKeys()
    {
        var log = new FakeLog(3);
        var state = Path.Combine(_directory, "state.json");
        Assert.Equal(0, (await Run(new FakeLogHandler(log), state)).ExitCode);
        log.Sm2 = Sm2NoteSigner.Generate(FakeLog.Origin);
        log.Publish();
        var keys = Path.Combine(_directory, "keys.txt");
        File.WriteAllText(keys, "# the log's keys, checked by phone\r\n" + log.Keys.Replace("\n", "\r\n", StringComparison.Ordinal));

        var refused = await Run(new FakeLogHandler(log), state);
        var accepted = await Run(new FakeLogHandler(log), state, keys);

        Assert.Equal((1, 0), (refused.ExitCode, accepted.ExitCode));
        Assert.True(StateFile.TryRead(state, out var saved, out _));
        Assert.Contains(log.Sm2.VerifierKey, saved!.Keys.Keys);
    }

    [Theory]
    [InlineData(0, "{\"act\": \"submit\"}", "entry 0: is not in RFC 8785 canonical form")]
    [InlineData(2, "index", "entry 2: has \"index\" 5, but it is at position 2 in the log")]
    [InlineData(2, "actId", "entry 2: has \"actId\" 00000000-0000-4000-8000-000000000001, which entry 1 already has")]
    public async Task Run_BadEntry_ExitsOneWithTheReplayFinding(int position, string kind, string message)
    {
        var log = new FakeLog(position);
        log.AppendEntry(kind switch
        {
            "index" => FakeLog.Act(5, at: FakeLog.Start.AddSeconds(2)),
            "actId" => FakeLog.Act(2, actId: FakeLog.ActId(1)),
            _ => Encoding.UTF8.GetBytes(kind),
        }).Publish();

        var (exitCode, _, error) = await Run(new FakeLogHandler(log));

        Assert.Equal(1, exitCode);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PartialTilesDeletedAfterTheLogGrew_ReadsTheFullTiles()
    {
        var log = new FakeLog(300);
        var checkpoint = log.Checkpoint;
        log.DeleteSupersededPartials = true;
        log.Append(300).Publish();
        log.Checkpoint = checkpoint; // read while the log grows: the checkpoint of 300 with the tiles of 600
        var handler = new FakeLogHandler(log);

        var (exitCode, output, _) = await Run(handler);

        Assert.Equal(0, exitCode);
        Assert.Contains("size 300,", output, StringComparison.Ordinal);
        Assert.Superset(
            new HashSet<string> { "/log/tile/0/001.p/44", "/log/tile/0/001", "/log/tile/entries/001.p/44", "/log/tile/entries/001", "/log/tile/1/000.p/1" },
            handler.Requests.ToHashSet());
    }

    [Fact]
    public async Task Run_OversizedTile_IsReadOnlyUpToTheLimitAndReported()
    {
        var handler = new FakeLogHandler(new FakeLog(256)) { Tamper = (path, body) => path == "tile/0/000" ? [.. body, .. new byte[100_000]] : body };

        var (exitCode, _, error) = await Run(handler);

        Assert.Equal(1, exitCode);
        Assert.Equal("tile/0/000: has 8193 bytes; a tile of 256 hashes has 8192\n", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(FakeLogHandler handler, string? state = null, string? keys = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new LogVerifyOptions(FakeLogHandler.Server, state, keys, TimeSpan.FromSeconds(30));
        var exitCode = await LogVerifyCommand.RunAsync(options, handler, new FakeTimeProvider(Now), output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
