using System.Text;
using System.Text.Json.Nodes;
using DataIp.Cli.Audit;
using DataIp.Data;
using DataIp.Domain.Acts;
using DataIp.Testing;

namespace DataIp.Cli.Tests.Audit;

/// <summary>
/// The audit decides which of an act's members belong in clear and which as digests through
/// <see cref="ActCatalogue"/>, not by where the entry happens to put them: an act written by hand
/// (<see cref="TestLog.RecordRawAsync"/>, as a writer ignoring the catalogue would), whose row and
/// entry agree with each other, is still reported when it discloses a private member or hides a
/// public one.
/// </summary>
public sealed class ActDisclosureAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PrivateMemberInClear_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.FileObjection, Transition(new()
        {
            ["objectionId"] = "6f1c2b9e-0000-4000-8000-0000000000b1",
            ["objectorName"] = "王芳",
            ["objectorContact"] = "13800138000",
        }));

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (fileObjection, act {act.Id}): field objectorContact of a fileObjection act is for the body's staff only, but the entry has it in clear");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PublicMemberOnlyAsDigest_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.DismissObjection, Transition(new() { ["ruling"] = "dismissed" }), new() { ["objectionId"] = "6f1c2b9e-0000-4000-8000-0000000000b1" });

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (dismissObjection, act {act.Id}): field objectionId of a dismissObjection act is public, but the entry has only its digest");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PrivateReasonInClear_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.RequestCorrection, Transition(new() { ["correctionLastDay"] = "2025-10-20" }), reason: "请补充数据来源说明", reasonIsPublic: true);

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (requestCorrection, act {act.Id}): the reasons of a requestCorrection act are private, but the entry has them in clear");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PublicReasonOnlyAsDigest_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.Reject, Transition(), reason: "材料不全");

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (reject, act {act.Id}): the reasons of a reject act are public, but the entry has only their digest");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_ReasonsOfAnActThatGivesNone_NamesThem(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.Register, Transition(), reason: "符合条件");

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (register, act {act.Id}): a register act gives no reasons, but the act has them");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_PrivateReasonCopiedIntoThePayload_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.SampleAsync(provider);
        await log.TamperAsync($"""UPDATE "Acts" SET "Payload" = replace("Payload", {"\"toState\""}, {"\"reason\":\"请补充数据来源说明\",\"toState\""}) WHERE "LogIndex" = 3""");

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 3 (requestCorrection, act {log.Acts[3].Id}): payload field reason is in the act row, but the reasons of a requestCorrection act are private: only the act's reason keeps them");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_MemberTheActTypeDoesNotHave_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync(ActTypes.Withdraw, Transition(new() { ["colour"] = "blue" }), reason: "不再申请");

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (withdraw, act {act.Id}): field colour is not a member of a withdraw act");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_ActTypeNotInTheCatalogue_NamesIt(DatabaseProvider provider)
    {
        await using var log = await TestLog.CreateAsync(provider);
        var act = await log.RecordRawAsync("teleport", new() { ["destination"] = "Mars" }, new() { ["passenger"] = "李明" });

        var report = await log.AuditAsync();

        AssertOnly(report, $"entry 0 (teleport, act {act.Id}): act type teleport is not in the catalogue of acts: which of its fields are private cannot be checked");
    }

    // The members every application act has, and the given ones.
    private static JsonObject Transition(JsonObject? members = null)
    {
        var all = members ?? [];
        all["applicationNumber"] = TestLog.ApplicationNumber;
        all["bodyCode"] = "4400";
        all["fromState"] = "publicNotice";
        all["toState"] = "publicNotice";
        return all;
    }

    private static void AssertOnly(LogAuditReport report, string message) =>
        Assert.True(
            report.Findings.Count == 1 && report.Findings[0].Kind == FindingKind.Disclosure && report.Findings[0].Message == message,
            new StringBuilder($"Expected only the Disclosure finding \"{message}\"; {report.Findings.Count} findings:\n")
                .AppendJoin('\n', report.Findings.Select(f => $"  {f.Kind}: {f.Message}")).ToString());
}
