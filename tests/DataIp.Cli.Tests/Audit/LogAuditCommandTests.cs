using System.CommandLine;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Testing;

namespace DataIp.Cli.Tests.Audit;

/// <summary><c>dataip log audit</c> end to end through <see cref="Program.Run"/>: options, output and exit codes.</summary>
public sealed class LogAuditCommandTests
{
    [Fact]
    public async Task Run_CleanDataDirectory_ExitsZeroAndLeavesTheDatabaseUnchanged()
    {
        await using var log = await TestLog.SampleAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(log.DataDirectory, "registry.db");
        var before = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);

        var result = Run("log", "audit", "--data-dir", log.DataDirectory);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal("The log is intact: 8 entries, 8 acts, 2 checkpoints, 6 entries integrated; every act agrees with its entry and every checkpoint verifies.\n", result.Output);
        Assert.Equal(before, await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_TamperedDataDirectory_ExitsOneWithEveryFindingOnItsOwnLine()
    {
        await using var log = await TestLog.SampleAsync(DatabaseProvider.Sqlite);
        await log.TamperAsync($"""UPDATE "Acts" SET "Reason" = {"无需补充"} WHERE "LogIndex" = 3""");
        await log.TamperAsync($"""DELETE FROM "Acts" WHERE "LogIndex" = 4""");

        var result = Run("log", "audit", "--data-dir", log.DataDirectory);

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal(
            [
                $"entry 3 (requestCorrection, act {log.Acts[3].Id}): private field reason: the act's value (or its salt) no longer hashes to the entry's digest: it was edited",
                $"entry 4 (resubmit, act {log.Acts[4].Id}): no act row has this id: the act was deleted",
                "2 findings in 8 entries, 7 acts, 2 checkpoints, 6 entries integrated.",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_WithKeysOption_AuditsEitherDatabase(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        string[] source = provider == DatabaseProvider.Postgres ? ["--postgres", log.Options.ConnectionString] : ["--data-dir", log.DataDirectory];

        var result = Run(["log", "audit", .. source, "--keys", log.KeysDirectory]);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith("The log is intact: 8 entries", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingDataDirectory_ExitsThree()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"dataip-missing-{Guid.NewGuid():N}");

        var result = Run("log", "audit", "--data-dir", missing);

        Assert.Equal((3, ""), (result.ExitCode, result.Output));
        Assert.Equal($"Couldn't open the data directory {missing}: it does not exist.\n", result.Error);
    }

    [Fact]
    public async Task Run_MissingKeys_ExitsThree()
    {
        await using var log = await TestLog.SampleAsync(DatabaseProvider.Sqlite);
        File.Delete(Path.Combine(log.KeysDirectory, "log-sm2.pub.pem"));

        var result = Run("log", "audit", "--data-dir", log.DataDirectory);

        Assert.Equal((3, ""), (result.ExitCode, result.Output));
        Assert.Contains("there is no SM2 key; a log signs with Ed25519 and SM2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnreachablePostgres_ExitsThree()
    {
        var keys = Directory.CreateTempSubdirectory("dataip-keys-").FullName;
        try
        {
            NoteKeyStore.LoadOrCreate(keys, TestLog.Origin, NoteKeyAlgorithm.Ed25519);
            NoteKeyStore.LoadOrCreate(keys, TestLog.Origin, NoteKeyAlgorithm.Sm2);

            // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
            var result = Run("log", "audit", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=5", "--keys", keys);

            Assert.Equal((3, ""), (result.ExitCode, result.Output));
            Assert.StartsWith("Couldn't read the database: ", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabases.DeleteDirectory(keys);
        }
    }

    [Fact]
    public void Run_DataDirectoryAndPostgres_UsageErrorExitsTwo()
    {
        var result = Run("log", "audit", "--data-dir", "data", "--postgres", "Host=localhost");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--data-dir and --postgres cannot be used together", result.Error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
