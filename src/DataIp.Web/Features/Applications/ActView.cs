using System.Text.Json;
using DataIp.Data.Acts;

namespace DataIp.Web.Features.Applications;

/// <summary>An act as the API shows it: who, when, what, why.</summary>
public sealed record ActView(long Sequence, Guid Id, string Type, string ActorRole, string ActorName, Guid? ActorId, DateTimeOffset At, string? Reason, JsonElement Payload)
{
    /// <summary>The view of a stored act.</summary>
    public static ActView Of(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        using var payload = JsonDocument.Parse(act.Payload);
        return new(act.Sequence, act.Id, act.Type, act.ActorRole, act.ActorName, act.ActorId, act.At, act.Reason, payload.RootElement.Clone());
    }
}
