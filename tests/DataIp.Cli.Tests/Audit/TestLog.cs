using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DataIp.Cli.Audit;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Cli.Tests.Audit;

/// <summary>
/// A data directory with a migrated register database and a real log, built by the platform's own
/// code path without the web project: acts appended with <see cref="LogAppender"/> in their own
/// transactions as ActRecorder does, integrated with <see cref="LogStore"/>, checkpoints signed
/// with the Ed25519 and SM2 keys <see cref="NoteKeyStore"/> keeps in keys/log. SQLite lives in the
/// data directory as registry.db, where <c>dataip log audit --data-dir</c> looks.
/// </summary>
internal sealed class TestLog : IAsyncDisposable
{
    public const string Origin = "audit.test/log";

    // Ticks below the microsecond, which PostgreSQL drops and the entry keeps.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 9, 26, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private int _acts;

    private TestLog(DatabaseOptions options, string dataDirectory)
    {
        Options = options;
        DataDirectory = dataDirectory;
        Signers = [NoteKeyStore.LoadOrCreate(KeysDirectory, Origin, NoteKeyAlgorithm.Ed25519), NoteKeyStore.LoadOrCreate(KeysDirectory, Origin, NoteKeyAlgorithm.Sm2)];
    }

    public DatabaseOptions Options { get; }

    public string DataDirectory { get; }

    public string KeysDirectory => Path.Combine(DataDirectory, "keys", "log");

    public IReadOnlyList<INoteSigner> Signers { get; }

    /// <summary>The acts recorded, in order: <c>Acts[i]</c> is at log index i.</summary>
    public List<Act> Acts { get; } = [];

    /// <summary>An empty register and log.</summary>
    public static async Task<TestLog> CreateAsync(DatabaseProvider provider)
    {
        // PostgreSQL first: without a server the test is skipped there, before anything is created.
        var postgres = provider == DatabaseProvider.Postgres ? await TestDatabases.CreatePostgresDatabaseAsync("cli_audit") : null;
        var directory = Directory.CreateTempSubdirectory("dataip-audit-").FullName;
        var options = postgres is null
            ? new DatabaseOptions(provider, new SqliteConnectionStringBuilder(DatabaseOptions.SqliteIn(directory).ConnectionString) { Pooling = false }.ToString())
            : new DatabaseOptions(provider, postgres);
        var log = new TestLog(options, directory);
        await using var db = log.Open();
        await RegistryDatabase.MigrateAsync(db, CancellationToken.None);
        return log;
    }

    /// <summary>
    /// The sample history: eight acts of one application, public and private fields, private and
    /// public reasons; checkpoints at sizes 3 and 6; entries 6 and 7 not yet integrated.
    /// </summary>
    public static async Task<TestLog> SampleAsync(DatabaseProvider provider)
    {
        var log = await CreateAsync(provider);
        var number = "SQ44002025000001";
        var content = new JsonObject { ["dataName"] = "城市交通流量数据集", ["description"] = "路口流量，每五分钟一条", ["rights"] = new JsonArray("holding", "processing") };
        await log.RecordAsync("createAccount", [], new() { ["email"] = "liming@example.cn" });
        await log.RecordAsync("createDraft", [], new() { ["content"] = content.DeepClone(), ["dataName"] = "城市交通流量数据集" });
        await log.RecordAsync("submit", new() { ["applicationNumber"] = number, ["bodyCode"] = "4400", ["fromState"] = "draft", ["toState"] = "formalExamination" },
            new() { ["content"] = content.DeepClone(), ["contact"] = new JsonObject { ["name"] = "李明", ["email"] = "liming@example.cn" } });
        await log.PublishAsync();
        await log.RecordAsync("requestCorrection", new() { ["applicationNumber"] = number, ["fromState"] = "formalExamination", ["toState"] = "correction" },
            reason: "请补充数据来源说明");
        await log.RecordAsync("resubmit", new() { ["applicationNumber"] = number, ["fromState"] = "correction", ["toState"] = "formalExamination" },
            new() { ["content"] = content.DeepClone() }, reason: "已补充来源");
        await log.RecordAsync("passFormalExamination", new()
        {
            ["applicationNumber"] = number,
            ["fromState"] = "formalExamination",
            ["toState"] = "publicNotice",
            ["noticeLastDay"] = "2025-10-16",
            ["dataName"] = "城市交通流量数据集",
            ["holder"] = "深圳市数据科技有限公司",
            ["industryCode"] = "I65",
            ["rights"] = new JsonArray("holding", "processing"),
        });
        await log.PublishAsync();
        await log.RecordAsync("fileObjection", new() { ["applicationNumber"] = number }, new() { ["contact"] = "王芳" }, reason: "数据来源有争议");
        await log.RecordAsync("dismissObjection", new() { ["applicationNumber"] = number }, reason: "异议理由不成立", reasonIsPublic: true);
        return log;
    }

    public RegistryDbContext Open() => RegistryDatabase.CreateContext(Options);

    /// <summary>Records an act and its entry in one transaction, exactly as ActRecorder builds them.</summary>
    public async Task<Act> RecordAsync(string type, JsonObject publicFields, JsonObject? privateFields = null, string? reason = null, bool reasonIsPublic = false)
    {
        var privates = (privateFields ?? []).ToDictionary(f => f.Key, f => f.Value?.DeepClone());
        if (reason is not null && reasonIsPublic)
        {
            publicFields["reason"] = reason;
        }
        else if (reason is not null)
        {
            privates["reason"] = JsonValue.Create(reason);
        }

        // The act row keeps every field in clear, but a private reason only in Reason.
        var everything = (JsonObject)publicFields.DeepClone();
        foreach (var (name, value) in privates.Where(f => f.Key != "reason"))
        {
            everything[name] = value?.DeepClone();
        }

        var act = new Act
        {
            Id = Guid.NewGuid(),
            Type = type,
            ActorRole = _acts == 0 ? "system" : "examiner",
            ActorName = _acts == 0 ? "system" : "张审查",
            At = Start.AddMinutes(_acts++),
            Reason = reason,
            Payload = everything.ToJsonString(PayloadJson),
        };
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await LogAppender.AppendAsync(db, act, publicFields, privates, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Acts.Add(act);
        return act;
    }

    /// <summary>Integrates every committed entry and stores a checkpoint signed with both keys, as the sequencer does.</summary>
    public async Task PublishAsync()
    {
        await using var db = Open();
        var (size, root) = await new LogStore(db).IntegrateAsync(10_000, CancellationToken.None);
        db.LogCheckpoints.Add(new LogCheckpoint
        {
            TreeSize = size,
            RootHash = root.ToArray(),
            Note = SignedNote.Sign(new Checkpoint(Origin, size, root.ToArray()).ToNoteText(), [.. Signers]),
            SignedAt = Start,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs SQL as someone with write access to the database would, bypassing the platform.</summary>
    public async Task TamperAsync(FormattableString sql)
    {
        await using var db = Open();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync(sql));
    }

    public async Task<byte[]> EntryAsync(int index)
    {
        await using var db = Open();
        return (await db.LogEntries.SingleAsync(e => e.Index == index)).Entry;
    }

    public async Task<LogAuditReport> AuditAsync()
    {
        await using var db = Open();
        return await LogAuditor.AuditAsync(db, LogPublicKeys.Load(KeysDirectory), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Postgres)
        {
            await TestDatabases.DropPostgresDatabaseAsync(Options.ConnectionString);
        }

        TestDatabases.DeleteDirectory(DataDirectory);
    }
}
