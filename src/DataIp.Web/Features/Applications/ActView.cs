using System.Text.Json;
using DataIp.Data.Acts;

namespace DataIp.Web.Features.Applications;

/// <summary>An act as the API shows it: who, when, what, why.</summary>
public sealed record ActView(long Sequence, Guid Id, string Type, string ActorRole, string ActorName, Guid? ActorId, DateTimeOffset At, string? Reason, JsonElement Payload)
{
    /// <summary>Payload members only the body's examiners and administrators read (docs/public.md: the objector's contact).</summary>
    private static readonly string[] StaffOnly = ["objectorContact"];

    /// <summary>The view of a stored act, for a reader who may read the application.</summary>
    /// <param name="act">The act.</param>
    /// <param name="bodyStaff">Whether the reader is an examiner or administrator of the body, who also reads what only they may.</param>
    public static ActView Of(Act act, bool bodyStaff = false)
    {
        ArgumentNullException.ThrowIfNull(act);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(act.Payload)!.AsObject();
        if (!bodyStaff)
        {
            foreach (var name in StaffOnly)
            {
                payload.Remove(name);
            }
        }

        return new(act.Sequence, act.Id, act.Type, act.ActorRole, act.ActorName, act.ActorId, act.At, act.Reason, JsonSerializer.SerializeToElement(payload));
    }
}
