namespace DataIp.Data.Certificates;

/// <summary>
/// A certificate (证书) issued for a registration. A change, renewal, transfer or re-issue gives a
/// new certificate number for the same registration number (DOMAIN §7); the earlier certificate
/// is then superseded.
/// </summary>
public sealed class Certificate
{
    /// <summary>The 17-digit certificate number; the key.</summary>
    public string CertificateNumber { get; set; } = "";

    /// <summary>The registration it certifies.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>The application record of the registration.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The certificate this one replaced, if any.</summary>
    public string? Supersedes { get; set; }

    /// <summary>Whether a later certificate replaced this one.</summary>
    public bool Superseded { get; set; }

    /// <summary>
    /// The log index of the act that issued this certificate (<c>issueCertificate</c>); the
    /// credential names it, and the tlog-proof served beside the credential proves it.
    /// </summary>
    public long? IssuanceLogIndex { get; set; }

    /// <summary>
    /// The signed credential (docs/credential.md) exactly as issued: JSON text, never re-serialised,
    /// so that what was signed is what is served.
    /// </summary>
    public string? Credential { get; set; }
}
