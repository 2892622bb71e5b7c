using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DataIp.Data;
using DataIp.Data.Acts;

namespace DataIp.Web.Features.Applications;

/// <summary>
/// Adds acts to the context being saved. The caller saves them in the same transaction as the
/// state change they record; nothing else ever writes an act.
/// </summary>
public static class ActRecorder
{
    /// <summary>Payload JSON: camelCase, Chinese kept readable, nulls omitted.</summary>
    public static JsonSerializerOptions PayloadJson { get; } = CreatePayloadJson();

    /// <summary>Adds an act (not yet saved) and returns it.</summary>
    public static Act Record(
        RegistryDbContext db, ActingParty party, string type, Guid? applicationId, DateTimeOffset at, string? reason,
        IReadOnlyDictionary<string, object?> payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(party);
        var act = new Act
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            Type = type,
            ActorId = party.AccountId,
            ActorRole = party.RoleName,
            ActorName = party.Name,
            At = at,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Payload = JsonSerializer.Serialize(payload, PayloadJson),
        };
        db.Acts.Add(act);
        return act;
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
