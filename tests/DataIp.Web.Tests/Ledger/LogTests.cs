using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Ledger;

/// <summary>Every act is in the public log, in order, decodable, signed, provable; private content only as digests.</summary>
public sealed class LogTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lifecycle_EveryAct_InTheLogInOrderAndRootsMatchTiles(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var examiner = await platform.ExaminerAsync("4400");
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/start").OkAsync();
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/examination/pass").OkAsync();
        await platform.SetTimeAsync(LifecycleWalkTests.At(2025, 10, 17, 9));
        await platform.SweepAsync();
        await platform.PublishLogAsync();
        var client = platform.CreateClient();

        var note = await client.GetStringAsync("/log/checkpoint");
        var keys = (await client.GetStringAsync("/log/keys")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NoteVerifierKey.Parse).ToList();
        var opened = SignedNote.Open(note, [.. keys.Select(k => k.CreateVerifier())]);
        Assert.True(opened.IsVerified, opened.Failure?.Message);
        var checkpoint = Checkpoint.Parse(opened.Note!.Text);
        Assert.Equal(2, opened.Note.VerifiedSignatures.Count);

        var size = checkpoint.TreeSize;
        var leaves = Chunk(await client.GetByteArrayAsync(TileUrl("", 0, size)));
        var entries = Bundle(await client.GetByteArrayAsync(TileUrl("entries/", 0, size)));
        Assert.Equal(size, leaves.Count);
        Assert.Equal(leaves, entries.Select(e => SHA256.HashData([0, .. e])).ToList(), new BytesComparer());
        Assert.Equal(checkpoint.RootHash.ToArray(), NaiveRoot(leaves));

        var acts = entries.Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.Equal(Enumerable.Range(0, (int)size).Select(i => (long)i), acts.Select(a => a.GetProperty("index").GetInt64()));
        var lifecycle = acts.Select(a => a.Str("act")).Where(a => a is not ("createAccount" or "verifyAccount")).ToList();
        Assert.Equal(["createDraft", "submit", "startExamination", "passFormalExamination", "register", "issueCertificate"], lifecycle);
        var history = await applicant.GetAsync($"/api/v1/applications/{id}/acts").OkAsync();
        Assert.Equal(history.EnumerateArray().Select(a => a.Str("id")),
            acts.Where(a => a.Str("act") is not ("createAccount" or "verifyAccount")).Select(a => a.Str("actId")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Entries_PrivateContent_OnlyAsSaltedDigests(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        var id = await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await platform.PublishLogAsync();

        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var text = string.Join("\n", (await db.LogEntries.OrderBy(e => e.Index).ToListAsync()).Select(e => Encoding.UTF8.GetString(e.Entry)));
        Assert.DoesNotContain("liming@example.cn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("城市交通流量数据集", text, StringComparison.Ordinal); // not public before its notice

        var submit = await db.Acts.SingleAsync(a => a.ApplicationId == Guid.Parse(id) && a.Type == "submit");
        var entry = JsonDocument.Parse((await db.LogEntries.SingleAsync(e => e.Index == submit.LogIndex)).Entry).RootElement;
        Assert.True(LogAppender.TryReadSalts(submit.Salts, out var salts));
        var salt = salts["dataName"];
        var digest = LogAppender.Digest(salt, System.Text.Json.Nodes.JsonValue.Create("城市交通流量数据集"));
        Assert.Equal(digest, entry.GetProperty("private").Str("dataName"));
        Assert.NotEqual(digest, LogAppender.Digest(salt, System.Text.Json.Nodes.JsonValue.Create("城市交通流量数据集 ")));
        Assert.Equal(64, entry.GetProperty("private").Str("content").Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Proofs_InclusionAndConsistency_VerifyAgainstCheckpoints(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        var first = await platform.PublishLogAsync();
        await LifecycleWalkTests.SubmitAsync(applicant, "1100");
        var second = await platform.PublishLogAsync();
        var client = platform.CreateClient();

        for (var index = 0L; index < second.TreeSize; index++)
        {
            var proof = await client.GetAsync($"/api/v1/log/proofs/inclusion?index={index}&size={second.TreeSize}").OkAsync();
            var check = MerkleProof.VerifyInclusion((ulong)index, (ulong)second.TreeSize, Hash.FromBase64(proof.Str("leafHash")),
                [.. proof.GetProperty("proof").EnumerateArray().Select(p => Hash.FromBase64(p.GetString()!))], Hash.FromBytes(second.RootHash));
            Assert.True(check.IsValid, check.Message);
        }

        var consistency = await client.GetAsync($"/api/v1/log/proofs/consistency?from={first.TreeSize}&to={second.TreeSize}").OkAsync();
        var verified = MerkleProof.VerifyConsistency((ulong)first.TreeSize, (ulong)second.TreeSize,
            [.. consistency.GetProperty("proof").EnumerateArray().Select(p => Hash.FromBase64(p.GetString()!))], Hash.FromBytes(first.RootHash), Hash.FromBytes(second.RootHash));
        Assert.True(verified.IsValid, verified.Message);
        var entry = await client.GetAsync("/api/v1/log/entries/0").OkAsync();
        Assert.Equal("createAccount", entry.GetProperty("act").Str("act"));

        Assert.Equal(["size"], (await client.GetAsync($"/api/v1/log/proofs/inclusion?index=0&size={second.TreeSize + 1}").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["index"], (await client.GetAsync($"/api/v1/log/proofs/inclusion?index={second.TreeSize}&size={second.TreeSize}").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["from"], (await client.GetAsync($"/api/v1/log/proofs/consistency?from=0&to={second.TreeSize}").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["index"], (await client.GetAsync("/api/v1/log/proofs/inclusion?index=x&size=1").ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await client.GetAsync($"/api/v1/log/entries/{second.TreeSize}").ProblemAsync(HttpStatusCode.BadRequest);
        await client.GetAsync("/log/tile/0/x001/000").ProblemAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/log/tile/0/1").ProblemAsync(HttpStatusCode.BadRequest);
        await client.GetAsync("/log/tile/0/000.p/300").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Checkpoint_Signatures_VerifyWithOpenSsl()
    {
        if (!File.Exists("/usr/bin/openssl"))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", "openssl is not installed");
            Assert.Fail("openssl is required on CI (./test.sh installs it).");
        }

        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        await platform.ApplicantAsync();
        await platform.PublishLogAsync();
        var client = platform.CreateClient();
        var note = await client.GetStringAsync("/log/checkpoint");
        var keys = (await client.GetStringAsync("/log/keys")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NoteVerifierKey.Parse).ToList();
        var directory = Directory.CreateTempSubdirectory("dataip-openssl-").FullName;
        try
        {
            var text = note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
            await File.WriteAllTextAsync(Path.Combine(directory, "msg.bin"), text);
            foreach (var key in keys)
            {
                var line = note.Split('\n').Single(l => l.StartsWith("— " + key.Name + " ", StringComparison.Ordinal)
                    && BitConverter.ToUInt32([.. Convert.FromBase64String(l.Split(' ')[2]).Take(4).Reverse()]) == key.KeyId);
                var signature = Convert.FromBase64String(line.Split(' ')[2])[4..];
                var stem = key.Algorithm.ToString().ToLowerInvariant();
                await File.WriteAllTextAsync(Path.Combine(directory, stem + ".pem"), key.ToPublicKeyPem());
                await File.WriteAllBytesAsync(Path.Combine(directory, stem + ".sig"), signature);
                var sm2 = key.Algorithm == NoteKeyAlgorithm.Sm2 ? "-digest sm3 -pkeyopt distid:1234567812345678 " : "";
                Assert.Equal(0, await OpenSslAsync(directory, $"pkeyutl -verify -pubin -inkey {stem}.pem -rawin {sm2}-in msg.bin -sigfile {stem}.sig"));
                await File.AppendAllTextAsync(Path.Combine(directory, "msg.bin"), "x");
                Assert.NotEqual(0, await OpenSslAsync(directory, $"pkeyutl -verify -pubin -inkey {stem}.pem -rawin {sm2}-in msg.bin -sigfile {stem}.sig"));
                await File.WriteAllTextAsync(Path.Combine(directory, "msg.bin"), text);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> OpenSslAsync(string directory, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/openssl", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static string TileUrl(string kind, long index, long size) =>
        size >= 256 ? throw new InvalidOperationException("the test log fits one tile") : $"/log/tile/{(kind.Length == 0 ? "0/" : kind)}{index:D3}.p/{size}";

    private static List<byte[]> Chunk(byte[] tile) => [.. tile.Chunk(32)];

    private static List<byte[]> Bundle(byte[] bundle)
    {
        var entries = new List<byte[]>();
        for (var at = 0; at < bundle.Length;)
        {
            var length = (bundle[at] << 8) | bundle[at + 1];
            entries.Add(bundle[(at + 2)..(at + 2 + length)]);
            at += 2 + length;
        }

        return entries;
    }

    // RFC 9162 §2.1.1 MTH, straight from the text: independent of the platform's tree code.
    private static byte[] NaiveRoot(List<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([1, .. NaiveRoot([.. leaves.Take(k)]), .. NaiveRoot([.. leaves.Skip(k)])]);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
