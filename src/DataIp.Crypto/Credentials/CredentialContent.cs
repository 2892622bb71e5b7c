using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// What a credential says, before it is signed (W3C Verifiable Credentials Data Model 2.0 §4).
/// The certificate's fields go into <see cref="CredentialSubject"/>, which this library treats as
/// an opaque JSON object.
/// </summary>
/// <param name="Issuer">The issuer's identifier, a URL: for this platform its did:web DID, which
/// is also the controller of its verification methods (<see cref="IssuerDocument"/>).</param>
/// <param name="ValidFrom">From when the credential is valid; written in whole UTC seconds.</param>
/// <param name="CredentialSubject">The claims: any JSON object (I-JSON, RFC 7493); copied, not kept.</param>
public sealed record CredentialContent(string Issuer, DateTimeOffset ValidFrom, JsonObject CredentialSubject)
{
    /// <summary>The credential's own URL (e.g. the certificate's), or null for none.</summary>
    public string? Id { get; init; }

    /// <summary>Types after "VerifiableCredential", e.g. "DataIpRegistrationCertificate".</summary>
    public IReadOnlyList<string> AdditionalTypes { get; init; } = [];

    /// <summary>Context URLs after "https://www.w3.org/ns/credentials/v2".</summary>
    public IReadOnlyList<string> AdditionalContexts { get; init; } = [];

    /// <summary>The "credentialStatus" object (e.g. a status list entry), or null for none.</summary>
    public JsonObject? CredentialStatus { get; init; }
}
