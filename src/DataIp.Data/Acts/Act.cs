namespace DataIp.Data.Acts;

/// <summary>
/// One act of the register (DOMAIN §4): who did what, when and why. Acts are immutable: the
/// context refuses to update or delete one, and each is stored in the same transaction as the
/// state change it records.
/// </summary>
public sealed class Act
{
    /// <summary>Position in the register's history, assigned by the database; increasing.</summary>
    public long Sequence { get; set; }

    /// <summary>The index of the act's entry in the public log.</summary>
    public long LogIndex { get; set; }

    /// <summary>Public identifier of the act.</summary>
    public Guid Id { get; set; }

    /// <summary>The application (and registration) the act concerns.</summary>
    public Guid? ApplicationId { get; set; }

    /// <summary>The act's type in camelCase, e.g. <c>submit</c>, <c>requestCorrection</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The account that acted; null for the system or an anonymous member of the public.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>The actor's role when acting: applicant, examiner, administrator, public, system.</summary>
    public string ActorRole { get; set; } = "";

    /// <summary>The actor's name as shown then.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>When the act took effect.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Why: the reasons given with the act, if any.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// What: the act's particulars as camelCase JSON named as the domain names things
    /// (applicationNumber, registrationNumber, certificateNumber, dataName, …).
    /// </summary>
    public string Payload { get; set; } = "{}";

    /// <summary>
    /// The salts of the act's private fields: a JSON object of field name → 16 random bytes in
    /// lowercase hex; null when the act has none. The log carries SHA-256(salt ‖ canonical value)
    /// for each (<c>private.&lt;name&gt;</c>); the salt stays here, so the holder of the value can
    /// later prove it unchanged without the log disclosing it. Never shown with the act.
    /// </summary>
    public string? Salts { get; set; }
}
