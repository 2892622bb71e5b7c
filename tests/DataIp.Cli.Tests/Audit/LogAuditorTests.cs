using System.Text;
using System.Text.Json.Nodes;
using DataIp.Cli.Audit;
using DataIp.Crypto;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Cli.Tests.Audit;

/// <summary>
/// Each tampering someone with write access to the database might try, done with raw SQL on a
/// real log, is found and named. The sample log (<see cref="TestLog.SampleAsync"/>) has eight acts,
/// checkpoints at sizes 3 and 6, and entries 6 and 7 not yet integrated.
/// </summary>
public sealed class LogAuditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_CleanLog_FindsNothing(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);

        var report = await log.AuditAsync();

        Assert.Empty(report.Findings);
        Assert.Equal((8L, 8L, 2L, 6L), (report.Entries, report.Acts, report.Checkpoints, report.IntegratedSize));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PublicPayloadFieldEdited_NamesActAndField(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "Payload" = replace("Payload", {"深圳市数据科技有限公司"}, {"另一家公司"}) WHERE "LogIndex" = 5""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.ActField, $"entry 5 (passFormalExamination, act {log.Acts[5].Id}): public field holder");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PrivatePayloadFieldEdited_DigestMismatch(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "Payload" = replace("Payload", {"liming@"}, {"zhang@"}) WHERE "LogIndex" = 2""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.PrivateDigest, $"entry 2 (submit, act {log.Acts[2].Id}): private field content");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_SaltEditedOrUnreadable_Reported(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        // Another salt for the content: its digest no longer matches.
        if (provider == DatabaseProvider.Sqlite)
        {
            await log.TamperAsync($"""UPDATE "Acts" SET "Salts" = replace("Salts", substr("Salts", instr("Salts", {"\"content\":\""}) + 11, 32), {new string('0', 32)}) WHERE "LogIndex" = 2""");
        }
        else
        {
            await log.TamperAsync($"""UPDATE "Acts" SET "Salts" = replace("Salts", substr("Salts", strpos("Salts", {"\"content\":\""}) + 11, 32), {new string('0', 32)}) WHERE "LogIndex" = 2""");
        }

        await log.TamperAsync($"""UPDATE "Acts" SET "Salts" = {"not json"} WHERE "LogIndex" = 3""");

        var report = await log.AuditAsync();

        Assert.Contains(report.Findings, f => f.Kind == FindingKind.PrivateDigest && f.Message.StartsWith($"entry 2 (submit, act {log.Acts[2].Id}): private field content", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.PrivateDigest && f.Message.StartsWith($"entry 3 (requestCorrection, act {log.Acts[3].Id}): the act's salts are not", StringComparison.Ordinal));
        Assert.Equal(2, report.Findings.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PrivateReasonEdited_DigestMismatch(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "Reason" = {"无需补充"} WHERE "LogIndex" = 3""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.PrivateDigest, $"entry 3 (requestCorrection, act {log.Acts[3].Id}): private field reason");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PublicReasonEdited_NamesField(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "Reason" = {"异议成立"} WHERE "LogIndex" = 7""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.ActField, $"entry 7 (dismissObjection, act {log.Acts[7].Id}): field reason");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_ActRowDeleted_NamesTheEntry(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""DELETE FROM "Acts" WHERE "LogIndex" = 4""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.ActMissing, $"entry 4 (resubmit, act {log.Acts[4].Id}): no act row");
        Assert.Equal(7, report.Acts);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_TwoActsLogIndexSwapped_Reordered(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "LogIndex" = -1 WHERE "LogIndex" = 3""");
        await log.TamperAsync($"""UPDATE "Acts" SET "LogIndex" = 3 WHERE "LogIndex" = 4""");
        await log.TamperAsync($"""UPDATE "Acts" SET "LogIndex" = 4 WHERE "LogIndex" = -1""");

        var report = await log.AuditAsync();

        AssertFinding(report, FindingKind.ActOrder, $"act {log.Acts[4].Id} (resubmit", "log index 3", "reordered");
        AssertFinding(report, FindingKind.ActMissing, $"entry 3 (requestCorrection, act {log.Acts[3].Id})", "index 4");
        AssertFinding(report, FindingKind.ActMissing, $"entry 4 (resubmit, act {log.Acts[4].Id})", "index 3");
        Assert.Equal([FindingKind.ActMissing, FindingKind.ActOrder], report.Findings.Select(f => f.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_EntryBytesEdited_LeafHashMismatch(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        var edited = await EditedEntryAsync(log, 5);
        await log.TamperAsync($"""UPDATE "LogEntries" SET "Entry" = {edited} WHERE "Index" = 5""");

        var report = await log.AuditAsync();

        AssertFinding(report, FindingKind.LeafHash, $"entry 5 (passFormalExamination, act {log.Acts[5].Id}): the stored leaf hash");
        AssertFinding(report, FindingKind.ActField, $"entry 5 (passFormalExamination, act {log.Acts[5].Id}): public field holder");
        Assert.Equal([FindingKind.LeafHash, FindingKind.ActField], report.Findings.Select(f => f.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_EntryAndLeafHashEdited_RootDiffersFromCheckpoint(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        var edited = await EditedEntryAsync(log, 5);
        var leafHash = Rfc9162.HashLeaf(edited).ToArray();
        await log.TamperAsync($"""UPDATE "LogEntries" SET "Entry" = {edited}, "LeafHash" = {leafHash} WHERE "Index" = 5""");

        var report = await log.AuditAsync();

        AssertFinding(report, FindingKind.CheckpointRoot, "checkpoint 6:");
        AssertFinding(report, FindingKind.Node, "node (1, 2)");
        AssertFinding(report, FindingKind.ActField, "entry 5 (passFormalExamination", "public field holder");
        Assert.DoesNotContain(report.Findings, f => f.Kind == FindingKind.LeafHash || f.Message.StartsWith("checkpoint 3", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_EntryReplacedByNonJson_ReportedNotThrown(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        var garbage = "not an act\n"u8.ToArray();
        var leafHash = Rfc9162.HashLeaf(garbage).ToArray();
        await log.TamperAsync($"""UPDATE "LogEntries" SET "Entry" = {garbage}, "LeafHash" = {leafHash} WHERE "Index" = 1""");

        var report = await log.AuditAsync();

        AssertFinding(report, FindingKind.EntryFormat, $"entry 1 (?, act {log.Acts[1].Id}): the entry is not JSON");
        AssertFinding(report, FindingKind.CheckpointRoot, "checkpoint 3:");
        AssertFinding(report, FindingKind.CheckpointRoot, "checkpoint 6:");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_LogNodeEdited_NamesTheNode(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        var zero = new byte[32];
        await log.TamperAsync($"""UPDATE "LogNodes" SET "Hash" = {zero} WHERE "Key" = {LogNodeKey.Of(1, 1)}""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.Node, "node (1, 1) (entries 2–3): the stored hash 0000");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_CheckpointSignatureAltered_Refused(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        string note;
        await using (var db = log.Open())
        {
            note = (await db.LogCheckpoints.SingleAsync(c => c.TreeSize == 3)).Note;
        }

        // A character in the middle of the last (SM2) signature, past its key ID: still base64, no longer a signature.
        var at = note.TrimEnd('\n').LastIndexOf(' ') + 20;
        var altered = string.Concat(note.AsSpan(0, at), note[at] == 'A' ? "B" : "A", note.AsSpan(at + 1));
        await log.TamperAsync($"""UPDATE "LogCheckpoints" SET "Note" = {altered} WHERE "TreeSize" = 3""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.CheckpointSignature, "checkpoint 3: the signed note does not verify");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_CheckpointSignedWithEd25519Only_MissingSm2(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        string note;
        await using (var db = log.Open())
        {
            var checkpoint = await db.LogCheckpoints.SingleAsync(c => c.TreeSize == 6);
            note = SignedNote.Sign(new Checkpoint(TestLog.Origin, 6, checkpoint.RootHash).ToNoteText(), log.Signers[0]);
        }

        await log.TamperAsync($"""UPDATE "LogCheckpoints" SET "Note" = {note} WHERE "TreeSize" = 6""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.CheckpointSignature, "checkpoint 6: the signed note has no valid SM2 signature");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_SignedActAndEntryDeleted_GapAndRootMismatch(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""DELETE FROM "Acts" WHERE "LogIndex" = 4""");
        await log.TamperAsync($"""DELETE FROM "LogEntries" WHERE "Index" = 4""");

        var report = await log.AuditAsync();

        AssertFinding(report, FindingKind.EntryIndex, "entry 5", "next index should be 4");
        AssertFinding(report, FindingKind.EntryIndex, "log counter: 8 indices were handed out but 7 entries are stored");
        AssertFinding(report, FindingKind.CheckpointRoot, "checkpoint 6");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_NewestUnsignedActAndEntryDeleted_CounterMismatch(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""DELETE FROM "Acts" WHERE "LogIndex" = 7""");
        await log.TamperAsync($"""DELETE FROM "LogEntries" WHERE "Index" = 7""");

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.EntryIndex, "log counter: 8 indices were handed out but 7 entries are stored");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_ActAddedWithoutEntry_NamesTheAct(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        var forged = new Act { Id = Guid.NewGuid(), LogIndex = 8, Type = ActTypes.Withdraw, ActorRole = ActorRoles.Applicant, ActorName = "李明", At = DateTimeOffset.UnixEpoch };
        await using (var db = log.Open())
        {
            db.Acts.Add(forged);
            await db.SaveChangesAsync();
        }

        var report = await log.AuditAsync();

        AssertOnly(report, FindingKind.ActMissing, $"act {forged.Id} (withdraw, sequence", "no log entry records it");
    }

    // Entry `index` with its holder changed, in canonical form: what a careful forger would store.
    private static async Task<byte[]> EditedEntryAsync(TestLog log, int index)
    {
        var json = JsonNode.Parse(await log.EntryAsync(index))!.AsObject();
        json["holder"] = "另一家公司";
        return JsonCanonicalizer.Canonicalize(json);
    }

    private static void AssertOnly(LogAuditReport report, FindingKind kind, params string[] parts)
    {
        AssertFinding(report, kind, parts);
        Assert.True(report.Findings.Count == 1, Describe(report));
    }

    private static void AssertFinding(LogAuditReport report, FindingKind kind, params string[] parts) =>
        Assert.True(
            report.Findings.Any(f => f.Kind == kind && parts.All(p => f.Message.Contains(p, StringComparison.Ordinal))),
            $"No {kind} finding with {string.Join(" and ", parts.Select(p => $"\"{p}\""))}.\n{Describe(report)}");

    private static string Describe(LogAuditReport report) =>
        new StringBuilder($"{report.Findings.Count} findings:\n").AppendJoin('\n', report.Findings.Select(f => $"  {f.Kind}: {f.Message}")).ToString();
}
