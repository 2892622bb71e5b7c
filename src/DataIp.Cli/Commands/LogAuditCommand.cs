using System.CommandLine;
using System.Data.Common;
using DataIp.Cli.Audit;
using DataIp.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataIp.Cli.Commands;

/// <summary>
/// <c>dataip log audit [--data-dir DIR | --postgres CONNECTION_STRING] [--keys DIR]</c> (M2 item 6):
/// checks a register database against its own transparency log with <see cref="LogAuditor"/>,
/// reading only. Exit 0: intact (a summary on stdout); 1: findings, one line each on stderr;
/// 2: usage error; <see cref="CannotOpen"/>: the database or the keys cannot be read.
/// </summary>
internal static class LogAuditCommand
{
    /// <summary>The exit code when the database or the keys cannot be opened or read, nothing was audited.</summary>
    public const int CannotOpen = 3;

    /// <summary>The data directory when neither <c>--data-dir</c> nor <c>--postgres</c> is given.</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>Builds <c>audit</c>, to be added to the <c>log</c> command.</summary>
    public static Command Build()
    {
        var dataDirectory = new Option<string>("--data-dir")
        {
            Description = "The platform's data directory: the SQLite database registry.db and the log's keys in keys/log. Default: ./data.",
            HelpName = "dir",
        };
        var postgres = new Option<string>("--postgres")
        {
            Description = "Audit this PostgreSQL database instead (an Npgsql connection string); the keys are then read from --keys or ./data/keys/log.",
            HelpName = "connection-string",
        };
        var keys = new Option<string>("--keys")
        {
            Description = "The directory of the log's public keys (*.pub.pem, Ed25519 and SM2). Default: keys/log in the data directory.",
            HelpName = "dir",
        };

        var audit = new Command("audit", "Check that no past act was edited, deleted or reordered: the acts against the log, the log against its signed checkpoints.")
        {
            dataDirectory, postgres, keys,
        };
        audit.Validators.Add(result =>
        {
            if (result.GetResult(dataDirectory) is not null && result.GetResult(postgres) is not null)
            {
                result.AddError("--data-dir and --postgres cannot be used together: audit either the SQLite database of a data directory or a PostgreSQL database (with --keys for its keys).");
            }
        });
        audit.SetAction((parseResult, cancellationToken) =>
        {
            var directory = parseResult.GetValue(dataDirectory) ?? DefaultDataDirectory;
            return RunAsync(
                directory,
                parseResult.GetValue(postgres),
                parseResult.GetValue(keys) ?? Path.Combine(directory, "keys", "log"),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                cancellationToken);
        });
        return audit;
    }

    /// <summary>Audits and reports.</summary>
    /// <param name="dataDirectory">The data directory whose registry.db to audit, unless <paramref name="postgres"/> is given.</param>
    /// <param name="postgres">A PostgreSQL connection string, or null for the data directory's SQLite file.</param>
    /// <param name="keysDirectory">The directory of the log's public keys.</param>
    /// <param name="output">Receives the summary of a clean audit.</param>
    /// <param name="error">Receives each finding, or why nothing could be audited.</param>
    /// <param name="cancellationToken">Cancels the audit.</param>
    /// <returns><see cref="ExitCodes.Success"/>, <see cref="ExitCodes.Invalid"/> (findings) or <see cref="CannotOpen"/>.</returns>
    public static async Task<int> RunAsync(
        string dataDirectory, string? postgres, string keysDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DatabaseOptions options;
        LogPublicKeys keys;
        try
        {
            options = postgres is null ? ReadOnlySqlite(dataDirectory) : ReadOnlyPostgres(postgres);
            keys = LogPublicKeys.Load(keysDirectory);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CannotOpen;
        }

        LogAuditReport report;
        await using var db = RegistryDatabase.CreateContext(options);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                await error.WriteLineAsync(
                    $"Couldn't audit the database: it is not a register database of this version (migrations not applied: {string.Join(", ", pending)}).").ConfigureAwait(false);
                return CannotOpen;
            }

            report = await LogAuditor.AuditAsync(db, keys, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            await error.WriteLineAsync($"Couldn't read the database: {e.Message}").ConfigureAwait(false);
            return CannotOpen;
        }

        var summary = $"{report.Entries} entries, {report.Acts} acts, {report.Checkpoints} checkpoints, {report.IntegratedSize} entries integrated";
        if (report.IsClean)
        {
            await output.WriteLineAsync($"The log is intact: {summary}; every act agrees with its entry and every checkpoint verifies.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var finding in report.Findings)
        {
            await error.WriteLineAsync(finding.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"{report.Findings.Count} findings in {summary}.").ConfigureAwait(false);
        return ExitCodes.Invalid;
    }

    // Mode=ReadOnly: SQLite itself refuses any write. (Reading a WAL database needs its -shm and
    // -wal files; SQLite creates them, empty, if the platform is not running.) No pooling: nothing
    // keeps the file open after the run.
    private static DatabaseOptions ReadOnlySqlite(string dataDirectory)
    {
        var file = Path.GetFullPath(Path.Combine(dataDirectory, "registry.db"));
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(Directory.Exists(dataDirectory)
                ? $"Couldn't open the register database: {file} does not exist."
                : $"Couldn't open the data directory {Path.GetFullPath(dataDirectory)}: it does not exist.");
        }

        var connection = new SqliteConnectionStringBuilder(DatabaseOptions.SqliteIn(dataDirectory).ConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        return new DatabaseOptions(DatabaseProvider.Sqlite, connection.ToString());
    }

    // Every transaction of the session is read-only: PostgreSQL itself refuses any write.
    private static DatabaseOptions ReadOnlyPostgres(string connectionString)
    {
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(connectionString);
            connection.Options = $"{connection.Options} -c default_transaction_read_only=on".Trim();
            return new DatabaseOptions(DatabaseProvider.Postgres, connection.ToString());
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Couldn't read the PostgreSQL connection string: {e.Message}", e);
        }
    }
}
