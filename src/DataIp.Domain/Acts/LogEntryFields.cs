namespace DataIp.Domain.Acts;

/// <summary>
/// The members every log entry has besides the act's own (docs/transparency-log.md, "Entries"):
/// the envelope that the writer sets and every reader skips when it reads the act's members.
/// </summary>
public static class LogEntryFields
{
    /// <summary>The entry format's version.</summary>
    public const string LogVersion = "logVersion";

    /// <summary>The entry's own index in the log.</summary>
    public const string Index = "index";

    /// <summary>The act's type, one of <see cref="ActTypes"/>.</summary>
    public const string Act = "act";

    /// <summary>The act's id.</summary>
    public const string ActId = "actId";

    /// <summary>When the act took effect (ISO 8601, UTC, 100 ns).</summary>
    public const string At = "at";

    /// <summary>Who acted: an object of <see cref="ActorName"/> and <see cref="ActorRole"/>.</summary>
    public const string Actor = "actor";

    /// <summary>The actor's name, inside <see cref="Actor"/>.</summary>
    public const string ActorName = "name";

    /// <summary>The actor's role, inside <see cref="Actor"/>: one of <see cref="ActorRoles"/>.</summary>
    public const string ActorRole = "role";

    /// <summary>The salted digests of the act's private members: an object of member name → 64 hex digits.</summary>
    public const string Private = "private";

    /// <summary>The act's reasons: in clear when they are a public decision, otherwise among the private digests.</summary>
    public const string Reason = "reason";

    /// <summary>The members above that are not the act's own (those under <see cref="Actor"/> excepted).</summary>
    public static IReadOnlySet<string> Envelope { get; } = new HashSet<string>(StringComparer.Ordinal) { LogVersion, Index, Act, ActId, At, Actor, Private, Reason };

    /// <summary>The entry format this code writes and reads.</summary>
    public const int CurrentLogVersion = 1;
}
