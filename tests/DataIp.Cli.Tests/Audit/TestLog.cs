using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DataIp.Cli.Audit;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DataIp.Cli.Tests.Audit;

/// <summary>
/// A data directory with a migrated register database and a real log, built by the platform's own
/// code path without the web project: typed acts of <see cref="ActCatalogue"/> written with
/// <see cref="ActWriter"/> in their own <see cref="ActTransaction"/>, integrated with
/// <see cref="LogStore"/>, checkpoints signed with the Ed25519 and SM2 keys
/// <see cref="NoteKeyStore"/> keeps in keys/log. SQLite lives in the data directory as
/// registry.db, where <c>dataip log audit --data-dir</c> looks.
/// </summary>
internal sealed class TestLog : IAsyncDisposable
{
    public const string Origin = "audit.test/log";

    public const string ApplicationNumber = "SQ44002025000001";

    public const string Holder = "深圳市数据科技有限公司";

    public static readonly ActActor System = new(null, ActorRoles.System, "system");

    public static readonly ActActor Applicant = new(Guid.Parse("6f1c2b9e-0000-4000-8000-000000000001"), ActorRoles.Applicant, "李明");

    public static readonly ActActor Examiner = new(Guid.Parse("6f1c2b9e-0000-4000-8000-000000000002"), ActorRoles.Examiner, "张审查");

    // Ticks below the microsecond, which PostgreSQL drops and the entry keeps.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 9, 26, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Guid ApplicationId = Guid.Parse("6f1c2b9e-0000-4000-8000-0000000000a1");

    private readonly FakeTimeProvider _clock = new(Start);

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
    /// The sample history: eight acts of one application, public and private members, private and
    /// public reasons; checkpoints at sizes 3 and 6; entries 6 and 7 not yet integrated.
    /// </summary>
    public static async Task<TestLog> SampleAsync(DatabaseProvider provider)
    {
        var log = await CreateAsync(provider);
        var objection = Guid.Parse("6f1c2b9e-0000-4000-8000-0000000000b1");
        await log.RecordAsync(System, new CreateAccountAct { AccountId = Applicant.AccountId!.Value, Role = ActorRoles.Applicant, DisplayName = Applicant.Name });
        await log.RecordAsync(Applicant, new CreateDraftAct { BodyCode = "4400", DataName = DataName, Content = Content() });
        await log.RecordAsync(Applicant, Particulars(new SubmitAct { FromState = ApplicationState.Draft, ToState = ApplicationState.FormalExamination }));
        await log.PublishAsync();
        await log.RecordAsync(Examiner, Transition(new RequestCorrectionAct { CorrectionLastDay = new(2025, 10, 20) }, ApplicationState.FormalExamination, ApplicationState.CorrectionRequested),
            reason: "请补充数据来源说明");
        await log.RecordAsync(Applicant, Particulars(new ResubmitAct { FromState = ApplicationState.CorrectionRequested, ToState = ApplicationState.FormalExamination }),
            reason: "已补充来源");
        await log.RecordAsync(Examiner, Particulars(new PassFormalExaminationAct
        {
            FromState = ApplicationState.FormalExamination,
            ToState = ApplicationState.PublicNotice,
            NoticeLastDay = new(2025, 10, 16),
            Rights = [DataRight.Holding, DataRight.ProcessingAndUse],
        }), noticeStarted: true);
        await log.PublishAsync();
        await log.RecordAsync(new(null, ActorRoles.Public, "王芳"), Transition(
            new FileObjectionAct { ObjectionId = objection, ObjectorName = "王芳", ObjectorContact = "13800138000" }, ApplicationState.PublicNotice, ApplicationState.ObjectionReview),
            reason: "数据来源有争议", noticeStarted: true);
        await log.RecordAsync(Examiner, Transition(
            new DismissObjectionAct { ObjectionId = objection, Ruling = ObjectionStatus.Dismissed }, ApplicationState.ObjectionReview, ApplicationState.PublicNotice),
            reason: "异议理由不成立", noticeStarted: true);
        return log;
    }

    public RegistryDbContext Open() => RegistryDatabase.CreateContext(Options);

    /// <summary>Records a typed act as the platform does: <see cref="ActWriter"/> inside an <see cref="ActTransaction"/>, a minute after the last.</summary>
    public async Task<RecordedAct> RecordAsync(ActActor actor, ActPayload act, string? reason = null, bool noticeStarted = false)
    {
        _clock.Advance(TimeSpan.FromMinutes(Acts.Count == 0 ? 0 : 1));
        await using var db = Open();
        RecordedAct recorded;
        await using (var transaction = await ActTransaction.BeginAsync(db, _clock, CancellationToken.None))
        {
            recorded = await ActWriter.AppendAsync(db, actor, act, ApplicationId, transaction.Now, reason, noticeStarted, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
        }

        Acts.Add(recorded.Act);
        return recorded;
    }

    /// <summary>
    /// Records an act and its entry built by hand, as a writer that ignores the catalogue would:
    /// the members given are logged in clear or as digests as said, whatever the catalogue says.
    /// </summary>
    public async Task<Act> RecordRawAsync(string type, JsonObject publicFields, JsonObject? privateFields = null, string? reason = null, bool reasonIsPublic = false)
    {
        var privates = (privateFields ?? []).ToDictionary(f => f.Key, f => f.Value?.DeepClone());
        if (reason is not null && reasonIsPublic)
        {
            publicFields[LogEntryFields.Reason] = reason;
        }
        else if (reason is not null)
        {
            privates[LogEntryFields.Reason] = JsonValue.Create(reason);
        }

        // The act row keeps every field in clear, but a private reason only in Reason.
        var everything = (JsonObject)publicFields.DeepClone();
        foreach (var (name, value) in privates.Where(f => f.Key != LogEntryFields.Reason))
        {
            everything[name] = value?.DeepClone();
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var act = new Act
        {
            Id = Guid.NewGuid(),
            Type = type,
            ActorRole = Examiner.Role,
            ActorName = Examiner.Name,
            At = _clock.GetUtcNow(),
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

    /// <summary>The act row and the log entry of an act, as stored.</summary>
    public async Task<(Act Act, LogEntry Entry)> StoredAsync(Guid actId)
    {
        await using var db = Open();
        return (await db.Acts.AsNoTracking().SingleAsync(a => a.Id == actId), await db.LogEntries.AsNoTracking().SingleAsync(e => e.ActId == actId));
    }

    /// <summary>Every stored entry's bytes, in index order.</summary>
    public async Task<List<byte[]>> EntriesAsync()
    {
        await using var db = Open();
        return await db.LogEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => e.Entry).ToListAsync();
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

    private const string DataName = "城市交通流量数据集";

    // The whole content as filed: the applicant's contact is only here, the holder's name is not.
    private static ApplicationContent Content() => new()
    {
        Applicant = new ApplicantParticulars { Contact = new ContactDetails { Person = "李明", Email = "liming@example.cn" } },
        DataObject = new DataObjectParticulars { DataName = DataName, IndustryCode = "I65", DataSourceDescription = "路口流量，每五分钟一条" },
    };

    private static T Transition<T>(T act, ApplicationState from, ApplicationState to)
        where T : TransitionPayload => act with { ApplicationNumber = ApplicationNumber, BodyCode = "4400", DataName = DataName, FromState = from, ToState = to };

    private static T Particulars<T>(T act)
        where T : ParticularsPayload => Transition(act, act.FromState, act.ToState) with { Holder = Holder, IndustryCode = "I65", Content = Content() };
}
