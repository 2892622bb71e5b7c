using DataIp.Data.TransparencyLog;
using DataIp.Domain.Acts;

namespace DataIp.Data.Acts;

/// <summary>Who an act is recorded as: the log's <c>actor</c> and the act row's actor columns.</summary>
/// <param name="AccountId">The account; null for the public and the platform.</param>
/// <param name="Role">One of <see cref="ActorRoles"/>.</param>
/// <param name="Name">The name recorded.</param>
public sealed record ActActor(Guid? AccountId, string Role, string Name);

/// <summary>An act and its log entry, as recorded.</summary>
/// <param name="Act">The act row.</param>
/// <param name="Entry">Its log entry; index and leaf hash set once the context is saved.</param>
public sealed record RecordedAct(Act Act, LogEntry Entry);

/// <summary>
/// Writes an act of <see cref="ActCatalogue"/>: the act row and its public log entry, in the caller's
/// transaction (which must be open; see <see cref="ActTransaction"/>). Nothing else writes an act.
/// Each member goes to the log as its <see cref="Disclosure"/> says: public members in clear,
/// every other member as a salted digest; the act row keeps every member in clear for those who
/// may read it (<see cref="ActJson.Visible"/> says who), and a private reason only in its own column.
/// </summary>
public static class ActWriter
{
    /// <summary>Adds an act and its log entry to the context (written when it saves).</summary>
    /// <param name="db">The context, inside the act's transaction.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="payload">The act.</param>
    /// <param name="applicationId">The application it concerns, if any.</param>
    /// <param name="at">When it takes effect: read inside the transaction (<see cref="ActTransaction.Now"/>).</param>
    /// <param name="reason">Why, in the actor's words; allowed only for act types that carry reasons.</param>
    /// <param name="noticeStarted">Whether the application's public notice has started (its particulars are public from then on).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The act and its entry.</returns>
    /// <exception cref="ArgumentException">A reason is given for an act type that carries none, or the role is unknown.</exception>
    public static async Task<RecordedAct> AppendAsync(
        RegistryDbContext db, ActActor actor, ActPayload payload, Guid? applicationId, DateTimeOffset at, string? reason, bool noticeStarted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(payload);
        var descriptor = ActCatalogue.Of(payload.GetType());
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is not null && descriptor.Reason == ReasonDisclosure.None)
        {
            throw new ArgumentException($"A {descriptor.Name} act carries no reasons.", nameof(reason));
        }

        if (!ActorRoles.IsKnown(actor.Role))
        {
            throw new ArgumentException($"'{actor.Role}' is not an actor role; roles are {string.Join(", ", ActorRoles.All)}.", nameof(actor));
        }

        var fields = Fields(payload, noticeStarted, descriptor.Reason, reason);
        var act = new Act
        {
            // Version 7: time-ordered, so the act-id and entry-id indexes grow at their end
            // instead of taking each insert on a random page; 74 bits stay random.
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Type = descriptor.Name,
            ActorId = actor.AccountId,
            ActorRole = actor.Role,
            ActorName = actor.Name,
            At = at.ToUniversalTime(),
            Reason = reason,
            Payload = fields.Payload(),
        };
        var entry = await LogAppender.AppendAsync(db, act, fields, cancellationToken).ConfigureAwait(false);
        return new RecordedAct(act, entry);
    }

    // Each member serialised once (ActFields). A public reason is a member of the payload and of
    // the entry; a private one is digested in the entry and kept in the act row's own column.
    private static ActFields Fields(ActPayload payload, bool noticeStarted, ReasonDisclosure reasonDisclosure, string? reason)
    {
        var fields = new ActFields(ActJson.Options);
        foreach (var field in ActJson.Fields(payload, noticeStarted))
        {
            if (field.Disclosure == Disclosure.Public)
            {
                fields.AddPublic(field.Name, field.Value);
            }
            else
            {
                fields.AddPrivate(field.Name, field.Value);
            }
        }

        if (reason is not null && reasonDisclosure == ReasonDisclosure.Public)
        {
            fields.AddPublic(LogEntryFields.Reason, reason);
        }
        else if (reason is not null)
        {
            fields.AddPrivate(LogEntryFields.Reason, reason, inPayload: false);
        }

        return fields;
    }
}
