namespace DataIp.Data.Notifications;

/// <summary>
/// A message the platform leaves for an account (an earlier holder told of an overlapping
/// application, later banks told of changes to a pledged right). Created in the transaction of the
/// act that causes it, so an act and its notifications commit together.
/// </summary>
public sealed class Notification
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The account it is for.</summary>
    public Guid AccountId { get; set; }

    /// <summary>What kind of notice it is, e.g. <c>evidenceOverlap</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The application it is about, when there is one.</summary>
    public Guid? ApplicationId { get; set; }

    /// <summary>The act that caused it, when there is one.</summary>
    public Guid? ActId { get; set; }

    /// <summary>One line.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The message.</summary>
    public string Body { get; set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the account marked it read.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
