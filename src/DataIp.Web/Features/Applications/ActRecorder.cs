using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DataIp.Data;
using DataIp.Data.Acts;
using DataIp.Data.TransparencyLog;

namespace DataIp.Web.Features.Applications;

/// <summary>What an act records beyond who and when.</summary>
/// <param name="Public">Fields anyone may read, in the act and in the public log.</param>
/// <param name="Private">
/// Fields shown only to those who may read the application; the public log carries a salted digest
/// of each (drafts, contact details, examiners' requests, evidence hashes).
/// </param>
/// <param name="Reason">Why, in the actor's words.</param>
/// <param name="ReasonIsPublic">Whether the reason is a public decision (rejection, ruling) or private.</param>
public sealed record ActRecord(
    IReadOnlyDictionary<string, object?> Public,
    IReadOnlyDictionary<string, object?>? Private = null,
    string? Reason = null,
    bool ReasonIsPublic = false);

/// <summary>An act and its log entry, as recorded.</summary>
/// <param name="Act">The act row.</param>
/// <param name="Entry">Its log entry; index and leaf hash set once the context is saved.</param>
public sealed record RecordedAct(Act Act, LogEntry Entry);

/// <summary>
/// Stores acts: the act row and its public log entry, in the caller's transaction (which must be
/// open). Nothing else ever writes an act.
/// </summary>
public static class ActRecorder
{
    /// <summary>Payload JSON: camelCase, Chinese kept readable, nulls omitted.</summary>
    public static JsonSerializerOptions PayloadJson { get; } = CreatePayloadJson();

    /// <summary>Adds an act and its log entry (not yet saved) and returns the act.</summary>
    public static async Task<Act> RecordAsync(
        RegistryDbContext db, ActingParty party, string type, Guid? applicationId, DateTimeOffset at, ActRecord record, CancellationToken cancellationToken) =>
        (await RecordWithEntryAsync(db, party, type, applicationId, at, record, cancellationToken).ConfigureAwait(false)).Act;

    /// <summary>
    /// As <see cref="RecordAsync"/>, returning the log entry too: its index, bytes and leaf hash
    /// are set when the context saves.
    /// </summary>
    public static async Task<RecordedAct> RecordWithEntryAsync(
        RegistryDbContext db, ActingParty party, string type, Guid? applicationId, DateTimeOffset at, ActRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(record);
        var reason = string.IsNullOrWhiteSpace(record.Reason) ? null : record.Reason.Trim();
        var fields = Fields(record, reason);
        var act = new Act
        {
            // Version 7: time-ordered, so the act-id and entry-id indexes grow at their end
            // instead of taking each insert on a random page; 74 bits stay random.
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Type = type,
            ActorId = party.AccountId,
            ActorRole = party.RoleName,
            ActorName = party.Name,
            At = at.ToUniversalTime(),
            Reason = reason,
            Payload = fields.Payload(),
        };
        var entry = await LogAppender.AppendAsync(db, act, fields, cancellationToken).ConfigureAwait(false);
        return new RecordedAct(act, entry);
    }

    // Each field serialised once (ActFields). The act row keeps every field in clear for those who
    // may read the application, except a private reason, which the row holds in its own column.
    private static ActFields Fields(ActRecord record, string? reason)
    {
        var fields = new ActFields(PayloadJson);
        foreach (var (name, value) in record.Public)
        {
            if (value is not null)
            {
                fields.AddPublic(name, value);
            }
        }

        if (reason is not null && record.ReasonIsPublic)
        {
            fields.AddPublic("reason", reason);
        }

        foreach (var (name, value) in record.Private ?? new Dictionary<string, object?>())
        {
            if (value is not null)
            {
                fields.AddPrivate(name, value, inPayload: name != "reason");
            }
        }

        if (reason is not null && !record.ReasonIsPublic)
        {
            fields.AddPrivate("reason", reason, inPayload: false);
        }

        return fields;
    }

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
