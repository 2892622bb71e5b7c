using System.Text;
using System.Text.Json.Nodes;
using DataIp.Cli.Log;
using DataIp.Domain.Acts;
using DataIp.Domain.Canonicalization;

namespace DataIp.Cli.Tests.Log;

public sealed class ActReplayTests
{
    private const string ValidAct =
        """{"act":"submit","actId":"0f8fad5b-d9cb-469f-a165-70867728950e","actor":{"name":"Zhang San","role":"applicant"},"applicationNumber":"SQ44002025000123","at":"2025-06-01T08:00:00Z","bodyCode":"4400","fromState":"draft","index":0,"logVersion":1,"private":{"content":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"toState":"submitted"}""";

    [Fact]
    public void Replay_ValidActs_FindsNothing()
    {
        var replay = new ActReplay();

        for (ulong index = 0; index < 3; index++)
        {
            replay.Replay(index, FakeLog.Act(index));
        }

        replay.Replay(3, Encoding.UTF8.GetBytes(ValidAct.Replace("\"index\":0", "\"index\":3", StringComparison.Ordinal).Replace("08:00:00Z", "08:00:03.5Z", StringComparison.Ordinal)));
        Assert.Empty(replay.Findings);
        Assert.Equal(4UL, replay.EntriesReplayed);
    }

    public static TheoryData<string> Roles => [.. ActorRoles.All];

    // Defect 4 of M6: the demo's pledgee (a bank that files and consents to pledges) was refused.
    [Theory]
    [MemberData(nameof(Roles))]
    public void Replay_ActorOfEveryRole_FindsNothing(string role)
    {
        var entry = Entry(ActTypes.ConsentToAct, role, new JsonObject
        {
            ["bodyCode"] = "4400",
            ["fromState"] = "registered",
            ["toState"] = "registered",
            ["registrationNumber"] = "2025440000000019",
            ["pledgeNumber"] = "2025440000000019-P001",
            ["purpose"] = "transfer",
        });
        var replay = new ActReplay();

        replay.Replay(0, entry);

        Assert.Empty(replay.Findings);
    }

    [Theory]
    [InlineData("\"驳回\"", null)]
    [InlineData("7", "entry 0: has a \"reason\" that is a JSON number, not a string")]
    [InlineData("{\"text\":\"驳回\"}", "entry 0: has a \"reason\" that is a JSON object, not a string")]
    public void Replay_PublicReason_IsAString(string reason, string? finding)
    {
        var entry = Entry(ActTypes.Reject, ActorRoles.Examiner, new JsonObject
        {
            ["bodyCode"] = "4400",
            ["fromState"] = "formalExamination",
            ["toState"] = "rejected",
            ["reason"] = JsonNode.Parse(reason),
        });
        var replay = new ActReplay();

        replay.Replay(0, entry);

        Assert.Equal(finding, Assert.Single(replay.Findings.Select(f => f.ToString()).DefaultIfEmpty()));
    }

    // An entry at index 0 with the act's members given.
    private static byte[] Entry(string act, string role, JsonObject members)
    {
        members[LogEntryFields.LogVersion] = 1;
        members[LogEntryFields.Index] = 0;
        members[LogEntryFields.Act] = act;
        members[LogEntryFields.ActId] = "0f8fad5b-d9cb-469f-a165-70867728950e";
        members[LogEntryFields.At] = "2025-06-01T08:00:00Z";
        members[LogEntryFields.Actor] = new JsonObject { [LogEntryFields.ActorName] = "中国银行深圳分行", [LogEntryFields.ActorRole] = role };
        return JsonCanonicalizer.Canonicalize(members);
    }

    [Fact]
    public void ValidAct_IsCanonical()
    {
        Assert.Equal(ValidAct, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(ValidAct))));
        Assert.Equal(FakeLog.Act(5), JsonCanonicalizer.Canonicalize(FakeLog.Act(5)));
    }

    // One thing wrong at a time, in an otherwise valid act at index 0.
    [Theory]
    [InlineData("{\"act\":\"submit\"", "{\"act\": \"submit\"", "is not in RFC 8785 canonical form: it differs from its canonical form at byte 7")]
    [InlineData("\"name\":\"Zhang San\"", "\"name\":\"Zhang\\u0020San\"", "is not in RFC 8785 canonical form: it differs from its canonical form at byte 85")]
    [InlineData("\"index\":0", "\"index\":7", "has \"index\" 7, but it is at position 0 in the log")]
    [InlineData("\"index\":0,", "", "has \"index\" missing")]
    [InlineData("\"logVersion\":1", "\"logVersion\":2", "has \"logVersion\" 2; this verifier reads version 1 only")]
    [InlineData("\"act\":\"submit\"", "\"act\":\"Submit\"", "has \"act\" \"Submit\"; an act type is a non-empty camelCase name")]
    [InlineData("\"act\":\"submit\"", "\"act\":\"\"", "has \"act\" \"\"")]
    [InlineData("\"act\":\"submit\"", "\"act\":\"submit-now\"", "has \"act\" \"submit-now\"")]
    [InlineData("\"act\":\"submit\"", "\"act\":1", "has \"act\" 1")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", "not-a-guid", "has \"actId\" \"not-a-guid\"; an act ID is a GUID")]
    [InlineData("2025-06-01T08:00:00Z", "2025-06-01 08:00:00", "has \"at\" \"2025-06-01 08:00:00\"; an instant is ISO 8601")]
    [InlineData("2025-06-01T08:00:00Z", "2025-06-01T08:00:00", "has \"at\" \"2025-06-01T08:00:00\"")] // no zone
    [InlineData("2025-06-01T08:00:00Z", "2025-13-01T08:00:00Z", "has \"at\" \"2025-13-01T08:00:00Z\"")]
    [InlineData("\"role\":\"applicant\"", "\"role\":\"registrar\"", "has \"actor\" {\"name\":\"Zhang San\",\"role\":\"registrar\"}; an actor is an object whose \"role\" is one of applicant, examiner, administrator, pledgee, public, system")]
    [InlineData("\"name\":\"Zhang San\"", "\"name\":7", "has an actor \"name\" that is a JSON number, not a string")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "has private \"content\" \"9F86")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "13800138000", "has private \"content\" \"13800138000\"; a private field is logged as its salted SHA-256 digest")]
    [InlineData("{\"content\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}", "[]", "has \"private\" that is not an object of digests")]
    [InlineData("\"act\":\"submit\"", "\"act\":\"teleport\"", "has \"act\" \"teleport\", which is not an act type this verifier knows")]
    [InlineData("\"bodyCode\":\"4400\"", "\"bodyCode\":\"4400\",\"colour\":\"blue\"", "has member \"colour\", which a submit act does not have")]
    [InlineData("\"bodyCode\":\"4400\",", "", "lacks \"bodyCode\", which every submit act has")]
    [InlineData("\"fromState\":\"draft\"", "\"fromState\":\"drafted\"", "is not a submit act: ")]
    [InlineData("\"bodyCode\":\"4400\"", "\"bodyCode\":4400", "is not a submit act: ")]
    [InlineData("\"private\":{", "\"private\":{\"bodyCode\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",", "has a digest of \"bodyCode\", which is not a private member of a submit act")]
    [InlineData("\"toState\"", "\"reason\":\"已补充\",\"toState\"", "has \"reason\" in clear, but a submit act's reasons are never given")]
    public void Replay_OneFieldWrong_FindsIt(string from, string to, string message)
    {
        var entry = ValidAct.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(ValidAct, entry);
        var replay = new ActReplay();

        replay.Replay(0, Encoding.UTF8.GetBytes(entry));

        var finding = Assert.Single(replay.Findings);
        Assert.Equal("entry 0", finding.Subject);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"act\":", "is not JSON")]
    [InlineData("", "is not JSON")]
    [InlineData("[1,2]", "is a JSON array, not an object")]
    [InlineData("\"submit\"", "is a JSON string, not an object")]
    [InlineData("{\"a\":1,\"a\":2}", "is not I-JSON (RFC 7493)")]
    public void Replay_NotAnObject_FindsItOnce(string entry, string message)
    {
        var replay = new ActReplay();

        replay.Replay(4, Encoding.UTF8.GetBytes(entry));

        var finding = Assert.Single(replay.Findings);
        Assert.Equal("entry 4", finding.Subject);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ActIdTwice_NamesTheFirstEntry()
    {
        var replay = new ActReplay();

        replay.Replay(0, FakeLog.Act(0));
        replay.Replay(1, FakeLog.Act(1, actId: FakeLog.ActId(0)));
        replay.Replay(2, FakeLog.Act(2));

        var finding = Assert.Single(replay.Findings);
        Assert.Equal($"entry 1: has \"actId\" {FakeLog.ActId(0)}, which entry 0 already has: every act is logged once", finding.ToString());
    }

    // A second of clock difference between writers is tolerated; more is a finding, reported once,
    // and the next entry is compared with the one before it.
    [Theory]
    [InlineData(-1000, false)]
    [InlineData(0, false)]
    [InlineData(-1001, true)]
    [InlineData(-3_600_000, true)]
    public void Replay_TimeGoesBack_IsAFindingBeyondOneSecond(int milliseconds, bool found)
    {
        var replay = new ActReplay();
        var first = FakeLog.Start.AddMinutes(1);

        replay.Replay(0, FakeLog.Act(0, at: first));
        replay.Replay(1, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FakeLog.Act(1)).Replace(
            FakeLog.Start.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            first.AddMilliseconds(milliseconds).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal)));
        replay.Replay(2, FakeLog.Act(2, at: first.AddMilliseconds(milliseconds)));

        Assert.Equal(found, replay.Findings.Count == 1);
        Assert.All(replay.Findings, finding => Assert.Contains("before entry 0", finding.ToString(), StringComparison.Ordinal));
        Assert.True(replay.Findings.Count <= 1);
    }

    [Fact]
    public void Replay_AtWithOffset_IsComparedAsAnInstant()
    {
        var replay = new ActReplay();

        replay.Replay(0, FakeLog.Act(0, at: FakeLog.Start));
        replay.Replay(1, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FakeLog.Act(1)).Replace("2025-06-01T08:00:01Z", "2025-06-01T16:00:01+08:00", StringComparison.Ordinal)));
        replay.Replay(2, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FakeLog.Act(2)).Replace("2025-06-01T08:00:02Z", "2025-06-01T09:00:02+08:00", StringComparison.Ordinal)));

        var finding = Assert.Single(replay.Findings);
        Assert.StartsWith("entry 2: has \"at\" 2025-06-01T09:00:02+08:00, 25199 s before entry 1", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_WithLineBreaks_PrintsOnOneLine()
    {
        Assert.Equal("entry 1: a b c", new Finding("entry 1", "a\nb\rc").ToString());
    }
}
