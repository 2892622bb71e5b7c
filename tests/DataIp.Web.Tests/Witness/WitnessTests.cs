using System.Net;
using System.Text;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Witness;

/// <summary>
/// <c>POST /log/add-checkpoint</c> answers every case of c2sp.org/tlog-witness: 200 with a
/// cosignature, 404 unknown log, 403 bad signature, 400 old size beyond the checkpoint or a
/// malformed body, 409 stale old size (text/x.tlog.size), 422 bad proof. The log here is the test's
/// own, signed with a key the witness node is configured with.
/// </summary>
public sealed class WitnessTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_ConsistentCheckpoints_CosignedAndRecorded(DatabaseProvider provider)
    {
        var log = new TestLog(8);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        var key = CosignatureV1VerifierKey.Parse((await client.GetStringAsync("/log/witness-key")).TrimEnd('\n'));

        var first = await PostAsync(client, Body(0, [], log.Note(3)));
        var second = await PostAsync(client, Body(3, log.Proof(3, 8), log.Note(8)));
        var again = await PostAsync(client, Body(8, [], log.Note(8)));

        Assert.Equal("dataip.localhost/witness", key.Name);
        foreach (var (response, size) in new[] { (first, 3L), (second, 8L), (again, 8L) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            var line = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("— dataip.localhost/witness ", line, StringComparison.Ordinal);
            var opened = SignedNote.Open(log.Note(size) + line, [key.CreateVerifier()]);
            Assert.True(opened.IsVerified, opened.Failure?.Message);
            Assert.True(CosignatureV1.TryReadTimestamp(opened.Note.VerifiedSignatures[0], out DateTimeOffset time));
            Assert.Equal(witness.Clock.GetUtcNow().ToUnixTimeSeconds(), time.ToUnixTimeSeconds());
        }

        Assert.Equal((8, log.Root(8)), await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_UnknownOrigin_404(DatabaseProvider provider)
    {
        var log = new TestLog(3);
        var stranger = new TestLog(3, "other.test/log");
        await using var witness = await StartWitnessAsync(provider, log);

        var problem = await PostProblemAsync(witness.CreateClient(), Body(0, [], stranger.Note(3)), HttpStatusCode.NotFound);

        Assert.Contains("other.test/log", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Null(await RecordedAsync(witness, stranger.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_BadSignature_403(DatabaseProvider provider)
    {
        var log = new TestLog(5);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        var tampered = log.Note(3).Replace("\n3\n", "\n4\n", StringComparison.Ordinal);
        var impostor = Ed25519NoteSigner.Generate(log.Origin); // same name, another key: its key ID is unknown

        await PostProblemAsync(client, Body(0, [], tampered), HttpStatusCode.Forbidden);
        await PostProblemAsync(client, Body(0, [], log.Note(3, impostor)), HttpStatusCode.Forbidden);

        Assert.Null(await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_StaleOldSize_409WithRecordedSize(DatabaseProvider provider)
    {
        var log = new TestLog(8);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();

        var beforeAny = await PostAsync(client, Body(3, log.Proof(3, 5), log.Note(5)));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Body(0, [], log.Note(5)))).StatusCode);
        var fromZero = await PostAsync(client, Body(0, [], log.Note(8)));
        var fromThree = await PostAsync(client, Body(3, log.Proof(3, 8), log.Note(8)));

        foreach (var (response, recorded) in new[] { (beforeAny, "0\n"), (fromZero, "5\n"), (fromThree, "5\n") })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("text/x.tlog.size", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(recorded, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((5, log.Root(5)), await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_BadProof_422(DatabaseProvider provider)
    {
        var log = new TestLog(8);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Body(0, [], log.Note(3)))).StatusCode);
        var proof = log.Proof(3, 8).ToArray();
        var bytes = proof[1].ToArray();
        bytes[0] ^= 1;
        Hash[] tampered = [proof[0], Hash.FromBytes(bytes), .. proof[2..]];

        await PostProblemAsync(client, Body(3, tampered, log.Note(8)), HttpStatusCode.UnprocessableEntity);
        await PostProblemAsync(client, Body(3, proof[1..], log.Note(8)), HttpStatusCode.UnprocessableEntity);
        await PostProblemAsync(client, Body(3, [], log.Note(8)), HttpStatusCode.UnprocessableEntity);
        await PostProblemAsync(client, Body(3, log.Proof(3, 8), log.Note(7)), HttpStatusCode.UnprocessableEntity);
        await PostProblemAsync(client, Body(3, [proof[0]], log.Note(3)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal((3, log.Root(3)), await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_FromZeroWithProof_422AndNothingRecorded(DatabaseProvider provider)
    {
        var log = new TestLog(8);
        await using var witness = await StartWitnessAsync(provider, log);

        await PostProblemAsync(witness.CreateClient(), Body(0, log.Proof(3, 8), log.Note(8)), HttpStatusCode.UnprocessableEntity);

        Assert.Null(await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_OldSizeBeyondCheckpoint_400(DatabaseProvider provider)
    {
        var log = new TestLog(8);
        await using var witness = await StartWitnessAsync(provider, log);

        var problem = await PostProblemAsync(witness.CreateClient(), Body(9, [], log.Note(8)), HttpStatusCode.BadRequest);

        Assert.Contains("9", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Null(await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_SameSizeOtherRoot_409(DatabaseProvider provider)
    {
        var log = new TestLog(5);
        var fork = new TestLog(5, log.Origin, log.Signer, entrySalt: 1); // the same log key signs a different tree
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Body(0, [], log.Note(5)))).StatusCode);

        var problem = await PostProblemAsync(client, Body(5, [], fork.Note(5)), HttpStatusCode.Conflict);

        Assert.Equal("Conflicting root hash", problem.Str("title"));
        Assert.Equal((5, log.Root(5)), await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_MalformedBodies_400(DatabaseProvider provider)
    {
        var log = new TestLog(3);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        var note = log.Note(3);
        var proofLine = log.Root(3).ToBase64() + "\n";
        string[] bodies =
        [
            "",
            note,
            "old 0\n" + note, // no empty line before the checkpoint
            "old 01\n\n" + note,
            "old -1\n\n" + note,
            "old 1e3\n\n" + note,
            "old  0\n\n" + note,
            "old 9223372036854775808\n\n" + note,
            "Old 0\n\n" + note,
            "old 0\n" + "not base64!\n\n" + note,
            "old 0\n" + proofLine.Replace("=", "", StringComparison.Ordinal) + "\n" + note,
            "old 0\n" + Convert.ToBase64String(new byte[31]) + "\n\n" + note,
            "old 0\n" + string.Concat(Enumerable.Repeat(proofLine, 64)) + "\n" + note,
            "old 0\n\n",
            "old 0\n\n" + note[..note.IndexOf("\n\n", StringComparison.Ordinal)], // no signatures
            "old 0\n\n" + note.Replace("— ", "- ", StringComparison.Ordinal),
            "old 0\n\n" + SignedNote.Sign($"{log.Origin}\n03\n{log.Root(3).ToBase64()}\n", log.Signer), // signed, but not a checkpoint
        ];

        foreach (var body in bodies)
        {
            using var response = await PostAsync(client, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var notUtf8 = await client.PostAsync("/log/add-checkpoint", new ByteArrayContent([.. "old 0\n\n"u8, 0xff, .. Encoding.UTF8.GetBytes(note)]));
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        using var tooLarge = await PostAsync(client, "old 0\n\n" + new string('x', 70_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Null(await RecordedAsync(witness, log.Origin));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddCheckpoint_ConcurrentFromSameOldSize_OnlyOneWins(DatabaseProvider provider)
    {
        var log = new TestLog(12);
        await using var witness = await StartWitnessAsync(provider, log);
        var client = witness.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Body(0, [], log.Note(3)))).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(4, 8).Select(size => PostAsync(client, Body(3, log.Proof(3, size), log.Note(size)))));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var recorded = await RecordedAsync(witness, log.Origin);
        Assert.NotNull(recorded);
        Assert.Equal(log.Root(recorded.Value.Size), recorded.Value.Root);
    }

    [Fact]
    public async Task Start_BadLogKeySetting_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RegistryFactory.StartAsync(DatabaseProvider.Sqlite,
            configure: b => b.UseSetting("DataIp:Witness:Logs:0", "log.test/a+00000000+AQ==")));

        Assert.Contains("DataIp:Witness:Logs:0", error.ToString(), StringComparison.Ordinal);
    }

    // Two keys of one log whose key IDs collide (DataIp.Crypto.Tests.LogVerifierKeysTests): every
    // add-checkpoint for that log would throw in SignedNote.Open, so the node refuses to start.
    [Fact]
    public async Task Start_LogKeysWithClashingKeyIds_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RegistryFactory.StartAsync(DatabaseProvider.Sqlite, configure: b => b
            .UseSetting("DataIp:Witness:Logs:0", "registry.example/log+66ac9110+AabuvLRQLLU1wPYWmVG1EOy08TgfF83jpveSnQTuD69+")
            .UseSetting("DataIp:Witness:Logs:1", "registry.example/log+66ac9110+AQDxTBfEhcSjGkF0Bm7e+y88520X31egXFDN83fRksJU")));

        Assert.Contains("DataIp:Witness:Logs is not a list of logs' verifier keys: two different keys are both registry.example/log+66ac9110", error.ToString(), StringComparison.Ordinal);
    }

    internal static Task<RegistryFactory> StartWitnessAsync(DatabaseProvider provider, params TestLog[] logs) =>
        RegistryFactory.StartAsync(provider, configure: b =>
        {
            for (var i = 0; i < logs.Length; i++)
            {
                b.UseSetting($"DataIp:Witness:Logs:{i}", logs[i].Signer.VerifierKey.ToString());
            }
        });

    internal static string Body(long oldSize, IEnumerable<Hash> proof, string note) =>
        $"old {oldSize}\n" + string.Concat(proof.Select(h => h.ToBase64() + "\n")) + "\n" + note;

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync("/log/add-checkpoint", new StringContent(body, Encoding.UTF8, "text/plain"));

    private static Task<System.Text.Json.JsonElement> PostProblemAsync(HttpClient client, string body, HttpStatusCode status) =>
        PostAsync(client, body).ProblemAsync(status);

    /// <summary>The witness's recorded (size, root) for an origin, read from its database.</summary>
    internal static async Task<(long Size, Hash Root)?> RecordedAsync(RegistryFactory witness, string origin)
    {
        await using var scope = witness.Scope();
        var state = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().WitnessStates.AsNoTracking().SingleOrDefaultAsync(s => s.Origin == origin);
        return state is null ? null : (state.TreeSize, Hash.FromBytes(state.RootHash));
    }

    /// <summary>A log of the test's own: an in-memory tree and an Ed25519 key named after its origin.</summary>
    internal sealed class TestLog
    {
        private readonly InMemoryMerkleTree _tree = new();

        public TestLog(int size, string origin = "log.test/a", Ed25519NoteSigner? signer = null, int entrySalt = 0)
        {
            Origin = origin;
            Signer = signer ?? Ed25519NoteSigner.Generate(origin);
            for (var i = 0; i < size; i++)
            {
                _tree.AppendEntry(Encoding.UTF8.GetBytes($"entry {i} {entrySalt}"));
            }
        }

        public string Origin { get; }

        public Ed25519NoteSigner Signer { get; }

        public Hash Root(long size) => _tree.RootHash((ulong)size);

        public string Note(long size, INoteSigner? signer = null) =>
            SignedNote.Sign(new Checkpoint(Origin, size, Root(size).ToArray()).ToNoteText(), signer ?? Signer);

        public IReadOnlyList<Hash> Proof(long from, long to) => MerkleProof.Consistency((ulong)from, (ulong)to, _tree);
    }
}
