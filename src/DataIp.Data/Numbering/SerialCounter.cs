namespace DataIp.Data.Numbering;

/// <summary>
/// The last serial handed out in one numbering scope (e.g. registration numbers of 2025). Taken
/// with an atomic upsert inside the act's transaction, so a rolled-back act gives its serial back
/// and serials stay gap-free.
/// </summary>
public sealed class SerialCounter
{
    /// <summary>The scope, e.g. <c>registration:2025</c> or <c>certificate:4400:2025</c>.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The last serial handed out.</summary>
    public long Value { get; set; }
}
