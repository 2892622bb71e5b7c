namespace DataIp.Domain.Registration;

/// <summary>
/// How the data was preserved as evidence (存证) or notarised before applying (DOMAIN §4, §8). A
/// submission needs at least one of the two: lacking both is a ground for refusal (DOMAIN §3).
/// </summary>
public sealed record EvidenceParticulars
{
    /// <summary>The hash of the data as preserved.</summary>
    public DataFingerprint? Fingerprint { get; init; }

    /// <summary>
    /// Reference of the preservation elsewhere: a ledger (blockchain) entry or a notarisation
    /// certificate number, at most 100 characters.
    /// </summary>
    public string? EvidenceReference { get; init; }
}
