using System.Text.Json;

namespace DataIp.Web.Features.Applications;

/// <summary>An act as the API shows it: who, when, what, why.</summary>
public sealed record ActView(long Sequence, Guid Id, string Type, string ActorRole, string ActorName, Guid? ActorId, DateTimeOffset At, string? Reason, JsonElement Payload)
{
    /// <summary>The view of a stored act for a reader who may read what <paramref name="reader"/> says (<see cref="ActJson.Visible"/>).</summary>
    /// <param name="act">The act.</param>
    /// <param name="reader">Parties or BodyStaff.</param>
    public static ActView Of(Act act, Disclosure reader)
    {
        ArgumentNullException.ThrowIfNull(act);
        var payload = ActJson.Visible(act.Type, act.Payload, reader);
        return new(act.Sequence, act.Id, act.Type, act.ActorRole, act.ActorName, act.ActorId, act.At, act.Reason, JsonSerializer.SerializeToElement(payload));
    }
}
