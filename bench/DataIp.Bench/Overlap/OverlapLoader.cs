using DataIp.Data;
using DataIp.Data.Accounts;
using DataIp.Data.Applications;
using DataIp.Data.Bodies;
using DataIp.Data.Evidence;
using DataIp.Domain.Evidence;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DataIp.Bench.Overlap;

/// <summary>Fills a fresh database with registered applications and their indexed sketches.</summary>
internal static class OverlapLoader
{
    private const int Batch = 5_000;

    /// <summary>The body and the applicant account every application of the benchmark belongs to.</summary>
    public static async Task<(int BodyId, Guid ApplicantId)> CreateOwnersAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.Open();
        var body = new RegistrationBody { Code = "4400", RegionCode = "440000", Name = "基准", NameEn = "Bench", CreatedAt = DateTimeOffset.UtcNow };
        var applicant = new Account { Id = Guid.NewGuid(), UserName = "bench@bench.test", Email = "bench@bench.test", DisplayName = "bench" };
        db.Bodies.Add(body);
        db.Users.Add(applicant);
        await db.SaveChangesAsync(ct);
        return (body.Id, applicant.Id);
    }

    /// <summary>Stores <paramref name="background"/> random sketches and the planted targets, each
    /// with an application row and the band keys <see cref="EvidenceIndex.IndexAsync"/> would write.</summary>
    public static async Task LoadAsync(BenchDatabase database, (int BodyId, Guid ApplicantId) owners, long background, IReadOnlyList<PlantedSketch> targets, Random random, CancellationToken ct)
    {
        var all = Enumerable.Range(0, checked((int)background))
            .Select(_ => new PlantedSketch(Guid.NewGuid(), [.. Enumerable.Range(0, OverlapBands.SketchSize).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))]))
            .Concat(targets)
            .ToList();
        foreach (var chunk in all.Chunk(Batch))
        {
            await using var db = database.Open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var sketch in chunk)
            {
                Add(db, owners, sketch);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await InsertBandsAsync(database, all, ct);
    }

    /// <summary>
    /// The band keys, 42 rows per sketch, written without the change tracker (4.2 million rows for
    /// 100,000 sketches): COPY on PostgreSQL, one prepared INSERT in one transaction on SQLite,
    /// where EF stores a Guid as uppercase text.
    /// </summary>
    private static async Task InsertBandsAsync(BenchDatabase database, IReadOnlyList<PlantedSketch> sketches, CancellationToken ct)
    {
        await using var db = database.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var rows = sketches.SelectMany(s => OverlapBands.Keys(s.Values).Distinct().Select(key => (Key: key, s.ApplicationId)));
        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync("COPY \"EvidenceBands\" (\"Key\", \"ApplicationId\") FROM STDIN (FORMAT BINARY)", ct);
            // Millions of rows, each checked against its foreign key: far beyond the 30 s default.
            copy.Timeout = TimeSpan.FromMinutes(30);
            foreach (var (key, applicationId) in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(key, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(applicationId, NpgsqlDbType.Uuid, ct);
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"EvidenceBands\" (\"Key\", \"ApplicationId\") VALUES (@key, @application)";
        var keyParameter = insert.CreateParameter();
        keyParameter.ParameterName = "@key";
        var applicationParameter = insert.CreateParameter();
        applicationParameter.ParameterName = "@application";
        insert.Parameters.Add(keyParameter);
        insert.Parameters.Add(applicationParameter);
        foreach (var (key, applicationId) in rows)
        {
            keyParameter.Value = key;
            applicationParameter.Value = applicationId.ToString().ToUpperInvariant();
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static void Add(RegistryDbContext db, (int BodyId, Guid ApplicantId) owners, PlantedSketch sketch)
    {
        var at = DateTimeOffset.UtcNow;
        db.Applications.Add(new ApplicationRecord
        {
            Id = sketch.ApplicationId,
            BodyId = owners.BodyId,
            ApplicantId = owners.ApplicantId,
            State = ApplicationState.Registered,
            DataName = "bench",
            CreatedAt = at,
        });
        db.EvidenceSketches.Add(new EvidenceSketch
        {
            ApplicationId = sketch.ApplicationId,
            HashAlgorithm = "sha256",
            Root = Convert.ToHexStringLower(sketch.ApplicationId.ToByteArray()) + Convert.ToHexStringLower(sketch.ApplicationId.ToByteArray()),
            FeatureKind = "rows",
            FeatureCount = 1_000,
            Values = EvidenceIndex.WriteValues(sketch.Values),
            IndexedAt = at,
        });
    }
}
