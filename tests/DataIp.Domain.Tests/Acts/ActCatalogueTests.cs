using System.Text.Json;
using System.Text.Json.Nodes;
using DataIp.Domain.Acts;
using DataIp.Domain.Registration;
using DataIp.Testing;

namespace DataIp.Domain.Tests.Acts;

/// <summary>The catalogue is the one source of act types: complete, consistent, and readable back from a log entry.</summary>
public sealed class ActCatalogueTests
{
    public static TheoryData<string> ActTypeNames => [.. ActCatalogue.All.Select(d => d.Name)];

    [Fact]
    public void Catalogue_EveryPayloadRecord_IsListedOnce()
    {
        var records = typeof(ActPayload).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ActPayload)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(records.OrderBy(t => t.Name), ActCatalogue.All.Select(d => d.PayloadType).OrderBy(t => t.Name));
        Assert.Equal(ActCatalogue.All.Count, ActCatalogue.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Catalogue_EveryLifecycleTrigger_HasOneActNamedAfterIt()
    {
        foreach (var trigger in Enum.GetValues<LifecycleTrigger>())
        {
            var descriptor = ActCatalogue.For(trigger);

            Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(trigger.ToString()), descriptor.Name);
            Assert.Equal(trigger, descriptor.Trigger);
        }
    }

    [Fact]
    public void Catalogue_ActTypeConstants_AreTheCataloguesNames()
    {
        var constants = typeof(ActTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);

        Assert.Equal(constants, ActCatalogue.All.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ActTypeNames))]
    public void Members_PrivateOnes_AreNeverRequired(string name)
    {
        var descriptor = ActCatalogue.Find(name)!;

        Assert.All(descriptor.Members.Where(m => m.Disclosure != Disclosure.Public), m => Assert.False(m.Required, m.Name));
        Assert.All(descriptor.Members, m => Assert.DoesNotContain(m.Name, LogEntryFields.Envelope));
    }

    [Theory]
    [MemberData(nameof(ActTypeNames))]
    public void Entry_SampleAct_ReadsBackWithItsPublicMembers(string name)
    {
        var descriptor = ActCatalogue.Find(name)!;
        foreach (var noticeStarted in new[] { false, true })
        {
            var act = ActSamples.Of(descriptor);
            var entry = Entry(descriptor, act, noticeStarted);

            var read = ActEntryReader.Read(entry);

            Assert.Empty(read.Problems);
            Assert.Equal(descriptor, read.Descriptor);
            var fields = ActJson.Fields(act, noticeStarted).ToList();
            Assert.Equal(fields.Where(f => f.Disclosure != Disclosure.Public).Select(f => f.Name).Order(), read.PrivateMembers.Where(n => n != LogEntryFields.Reason).Order());
            Assert.Equal(Json(PublicOnly(act, noticeStarted)), Json(read.Act!));
        }
    }

    [Theory]
    [MemberData(nameof(ActTypeNames))]
    public void Payload_SampleAct_RoundTrips(string name)
    {
        var descriptor = ActCatalogue.Find(name)!;
        var act = ActSamples.Of(descriptor);

        var read = ActJson.Read(name, Json(act));

        Assert.Equal(act.GetType(), read.GetType());
        Assert.Equal(Json(act), Json(read));
    }

    [Fact]
    public void Entry_UnknownTypeOrStrayMembers_AreProblems()
    {
        var unknown = ActEntryReader.Read(new JsonObject { ["act"] = "teleport" });
        var stray = ActEntryReader.Read(new JsonObject { ["act"] = ActTypes.Withdraw, ["fromState"] = "draft", ["toState"] = "withdrawn", ["bodyCode"] = "4400", ["colour"] = "blue" });
        var privateInClear = Entry(ActCatalogue.Of<FileObjectionAct>(), ActSamples.Of(ActCatalogue.Of<FileObjectionAct>()), true);
        privateInClear["objectorContact"] = "zhao@example.cn";
        var missing = ActEntryReader.Read(new JsonObject { ["act"] = ActTypes.RequestCorrection, ["fromState"] = "formalExamination", ["toState"] = "correctionRequested", ["bodyCode"] = "4400" });

        Assert.Contains("teleport", Assert.Single(unknown.Problems), StringComparison.Ordinal);
        Assert.Contains("\"colour\"", Assert.Single(stray.Problems), StringComparison.Ordinal);
        Assert.Contains(ActEntryReader.Read(privateInClear).Problems, p => p.Contains("objectorContact", StringComparison.Ordinal));
        Assert.Contains(missing.Problems, p => p.Contains("correctionLastDay", StringComparison.Ordinal));
    }

    [Fact]
    public void Visible_ObjectorsContact_OnlyToBodyStaff()
    {
        var act = (FileObjectionAct)ActSamples.Of(ActCatalogue.Of<FileObjectionAct>());
        var payload = Json(act);

        Assert.False(ActJson.Visible(ActTypes.FileObjection, payload, Disclosure.Parties).ContainsKey("objectorContact"));
        Assert.True(ActJson.Visible(ActTypes.FileObjection, payload, Disclosure.Parties).ContainsKey("attachmentHashes"));
        Assert.True(ActJson.Visible(ActTypes.FileObjection, payload, Disclosure.BodyStaff).ContainsKey("objectorContact"));
    }

    // The entry as the log writes it, but for the envelope: public members in clear, a stand-in digest for each private one.
    private static JsonObject Entry(ActDescriptor descriptor, ActPayload act, bool noticeStarted)
    {
        var entry = new JsonObject { [LogEntryFields.Act] = descriptor.Name };
        var digests = new JsonObject();
        foreach (var field in ActJson.Fields(act, noticeStarted))
        {
            if (field.Disclosure == Disclosure.Public)
            {
                entry[field.Name] = JsonSerializer.SerializeToNode(field.Value, field.Value.GetType(), ActJson.Options);
            }
            else
            {
                digests[field.Name] = new string('a', 64);
            }
        }

        if (descriptor.Reason == ReasonDisclosure.Public)
        {
            entry[LogEntryFields.Reason] = "公开的理由";
        }
        else if (descriptor.Reason == ReasonDisclosure.Parties)
        {
            digests[LogEntryFields.Reason] = new string('b', 64);
        }

        if (digests.Count > 0)
        {
            entry[LogEntryFields.Private] = digests;
        }

        return entry;
    }

    private static ActPayload PublicOnly(ActPayload act, bool noticeStarted)
    {
        var members = new JsonObject();
        foreach (var field in ActJson.Fields(act, noticeStarted).Where(f => f.Disclosure == Disclosure.Public))
        {
            members[field.Name] = JsonSerializer.SerializeToNode(field.Value, field.Value.GetType(), ActJson.Options);
        }

        return ActJson.Read(ActCatalogue.Of(act.GetType()), members);
    }

    private static string Json(ActPayload act) => JsonSerializer.Serialize(act, act.GetType(), ActJson.Options);
}
