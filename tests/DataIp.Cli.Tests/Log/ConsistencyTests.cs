using DataIp.Cli.Log;
using DataIp.Crypto;

namespace DataIp.Cli.Tests.Log;

// A second run against the state saved by the first: the log may only have grown, under the same keys.
public sealed class ConsistencyTests
{
    private static readonly DateTimeOffset FirstRun = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 600)]
    [InlineData(0, 5)]
    [InlineData(256, 257)]
    public async Task Verify_LogOnlyGrew_IsConsistent(int first, int second)
    {
        var log = new FakeLog(first);
        var state = await SavedState(log);
        log.Append(second - first).Publish();

        var (result, progress) = await LogVerifierTests.Verify(log, previous: state);

        Assert.Empty(result.Findings);
        Assert.True(result.IsVerified);
        Assert.Contains($"the saved checkpoint (size {first}, checked 2025-06-02T09:00:00Z) is a prefix of this one", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EarlierEntryRewritten_IsInconsistent()
    {
        var log = new FakeLog(10);
        var state = await SavedState(log);
        log.Replace(3, FakeLog.Act(3, at: FakeLog.Start.AddSeconds(3.5)));
        log.Append(10).Publish();

        var (result, _) = await LogVerifierTests.Verify(log, previous: state);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("consistency", finding.Subject);
        Assert.Equal(
            $"the first 10 entries now give the root {RootOfFirst(log, 10)}, but the checkpoint saved 2025-06-02T09:00:00Z has {state.RootHash}: the log changed entries it had already published",
            finding.Message);
        Assert.Equal(20UL, result.EntriesChecked); // the rest of the log is still checked
    }

    // Altered tiles are the tiles' fault: consistency is judged only on tiles that give the signed root.
    [Fact]
    public async Task Verify_AlteredTileWithState_IsNotBlamedOnTheLog()
    {
        var log = new FakeLog(300);
        var state = await SavedState(log);
        log.Append(300).Publish();
        log.Tamper = LogVerifierTests.FlipByte("tile/0/000", 5);

        var (result, progress) = await LogVerifierTests.Verify(log, previous: state);

        Assert.Equal(["checkpoint", "entry 0", "tile/1/000.p/2"], result.Findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.Contains("consistency: not checked: the tiles do not give the checkpoint's root", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SmallerTree_IsInconsistent()
    {
        var log = new FakeLog(20);
        var state = await SavedState(log);
        log.Truncate(12);
        log.Publish();

        var (result, _) = await LogVerifierTests.Verify(log, previous: state);

        Assert.Equal(
            "consistency: the checkpoint's size 12 is smaller than the saved size 20 (checked 2025-06-02T09:00:00Z): a log only grows",
            Assert.Single(result.Findings).ToString());
    }

    [Fact]
    public async Task Verify_PublishedKeysChanged_IsRefusedBeforeReadingTheCheckpoint()
    {
        var log = new FakeLog(5);
        var state = await SavedState(log);
        log.Ed25519 = Ed25519NoteSigner.Generate(FakeLog.Origin);
        log.Publish();

        var (result, _) = await LogVerifierTests.Verify(log, previous: state);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("keys", finding.Subject);
        Assert.StartsWith($"the log now publishes {LogVerifierKeys.Label(log.Ed25519.VerifierKey)}, ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("a key change must be checked out of band, then accepted with --keys FILE", finding.Message, StringComparison.Ordinal);
        Assert.Null(result.Checkpoint);
    }

    [Fact]
    public async Task Verify_NewKeysPinned_ReplaceTheSavedOnes()
    {
        var log = new FakeLog(5);
        var state = await SavedState(log);
        log.Sm2 = Sm2NoteSigner.Generate(FakeLog.Origin);
        log.Append(1).Publish();
        Assert.True(LogVerifierKeys.TryParse(log.Keys, LogVerifierKeys.DataIpAlgorithms, out var rotated, out _));

        var (result, progress) = await LogVerifierTests.Verify(log, rotated, state);

        Assert.True(result.IsVerified);
        Assert.Same(rotated, result.Keys);
        Assert.Contains("from --keys; they replace the keys saved in the state file", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinnedKeysNotTheLogs_RefuseTheCheckpoint()
    {
        var log = new FakeLog(5);
        var other = new FakeLog();
        Assert.True(LogVerifierKeys.TryParse(other.Keys, LogVerifierKeys.DataIpAlgorithms, out var pinned, out _));

        var (result, _) = await LogVerifierTests.Verify(log, pinned);

        Assert.StartsWith("checkpoint: refused: No signature on the note is by a known key", Assert.Single(result.Findings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_StateOfAnotherLog_IsAFinding()
    {
        var log = new FakeLog(5);
        var state = await SavedState(log) with { Origin = "other.example/log" };

        var (result, _) = await LogVerifierTests.Verify(log, previous: state);

        Assert.Equal(
            "consistency: the state file is for the log \"other.example/log\", but the server's checkpoint is for \"registry.example/log\"",
            Assert.Single(result.Findings).ToString());
    }

    [Fact]
    public void ToState_UnverifiedLog_Throws()
    {
        var result = new LogVerification(null, null, 0, [new Finding("keys", "none")], null);

        Assert.Throws<InvalidOperationException>(() => result.ToState(FirstRun));
    }

    private static async Task<SavedLogState> SavedState(FakeLog log)
    {
        var (result, _) = await LogVerifierTests.Verify(log);
        Assert.True(result.IsVerified);
        return result.ToState(FirstRun);
    }

    private static DataIp.Domain.TransparencyLog.Hash RootOfFirst(FakeLog log, int size) =>
        DataIp.Domain.TransparencyLog.MerkleTree.RootHash(log.Entries.Take(size).Select(entry => DataIp.Domain.TransparencyLog.Rfc9162.HashLeaf(entry)).ToArray());
}
