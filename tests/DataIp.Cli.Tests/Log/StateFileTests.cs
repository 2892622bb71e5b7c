using System.Text;
using DataIp.Cli.Log;
using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Tests.Log;

public sealed class StateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_ThenRead_GivesTheSameState()
    {
        var state = State(12345);
        var path = Path.Combine(_directory, "state.json");

        StateFile.Write(path, state);
        var read = StateFile.TryRead(path, out var back, out var error);

        Assert.True(read, error);
        Assert.Equal((state.Origin, state.TreeSize, state.RootHash, state.CheckedAt), (back!.Origin, back.TreeSize, back.RootHash, back.CheckedAt));
        Assert.True(back.Keys.SameKeys(state.Keys));
        Assert.Equal(["state.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Serialize_State_IsTheDocumentedFormat()
    {
        var state = State(7);

        var json = Encoding.UTF8.GetString(StateFile.Serialize(state));

        Assert.Equal(
            $$"""
            {
              "version": 1,
              "origin": "registry.example/log",
              "treeSize": 7,
              "rootHash": "{{state.RootHash}}",
              "keys": [
                "{{state.Keys.Keys[0]}}",
                "{{state.Keys.Keys[1]}}"
              ],
              "checkedAt": "2025-06-02T09:00:00.5Z"
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void Write_OverExistingState_ReplacesIt()
    {
        var path = Path.Combine(_directory, "state.json");
        StateFile.Write(path, State(1));

        StateFile.Write(path, State(2));

        Assert.True(StateFile.TryRead(path, out var back, out _));
        Assert.Equal(2UL, back!.TreeSize);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Write_DirectoryMissing_ThrowsAndLeavesNothing()
    {
        var path = Path.Combine(_directory, "missing", "state.json");

        Assert.ThrowsAny<IOException>(() => StateFile.Write(path, State(1)));
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void TryRead_NoFile_IsTheFirstRun()
    {
        var read = StateFile.TryRead(Path.Combine(_directory, "none.json"), out var state, out var error);

        Assert.True(read);
        Assert.Null(state);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "is not a dataip log state file: ")]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("{\"version\":2}", "\"version\" is not 1")]
    [InlineData("{\"version\":1}", "is not a dataip log state file: ")]
    [InlineData("{\"version\":1,\"origin\":\"registry.example/log\",\"treeSize\":-1,\"rootHash\":\"\",\"keys\":[],\"checkedAt\":\"2025-06-02T09:00:00Z\"}", "is not a dataip log state file: ")]
    [InlineData("{\"version\":1,\"origin\":\"registry.example/log\",\"treeSize\":1,\"rootHash\":\"00\",\"keys\":[],\"checkedAt\":\"2025-06-02T09:00:00Z\"}", "\"rootHash\" is not 64 hex digits")]
    [InlineData("{\"version\":1,\"origin\":\"registry.example/log\",\"treeSize\":1,\"rootHash\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"keys\":[],\"checkedAt\":\"2025-06-02T09:00:00Z\"}", "\"keys\": there are no keys")]
    [InlineData("{\"version\":1,\"origin\":\"\",\"treeSize\":1,\"rootHash\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"keys\":[],\"checkedAt\":\"2025-06-02T09:00:00Z\"}", "\"origin\" is empty")]
    public void TryRead_NotAStateFile_SaysWhy(string json, string message)
    {
        var path = Path.Combine(_directory, "state.json");
        File.WriteAllText(path, json);

        var read = StateFile.TryRead(path, out var state, out var error);

        Assert.False(read);
        Assert.Null(state);
        Assert.StartsWith(path + " ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_KeysNotNamedAfterTheOrigin_IsRefused()
    {
        var path = Path.Combine(_directory, "state.json");
        File.WriteAllBytes(path, StateFile.Serialize(State(3) with { Origin = "other.example/log" }));

        Assert.False(StateFile.TryRead(path, out _, out var error));
        Assert.EndsWith("the keys are named registry.example/log, not after the origin other.example/log", error, StringComparison.Ordinal);
    }

    private static SavedLogState State(ulong size)
    {
        var log = new FakeLog();
        Assert.True(LogVerifierKeys.TryParse(log.Keys, LogVerifierKeys.DataIpAlgorithms, out var keys, out _));
        return new SavedLogState(FakeLog.Origin, size, Rfc9162.HashLeaf(BitConverter.GetBytes(size)), keys, new DateTimeOffset(2025, 6, 2, 9, 0, 0, 500, TimeSpan.Zero));
    }
}
