using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// Builds and signs credentials in the W3C Verifiable Credentials Data Model 2.0 (JSON), secured
/// with Data Integrity proofs (docs/credential.md). Thread-safe: all members are pure.
/// </summary>
public static class VerifiableCredential
{
    /// <summary>The base context, always first (VC Data Model 2.0 §4.3).</summary>
    public const string ContextV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The base type, always first (VC Data Model 2.0 §4.5).</summary>
    public const string BaseType = "VerifiableCredential";

    /// <summary>
    /// The unsecured credential: "@context", "id" (if any), "type", "issuer", "validFrom",
    /// "credentialSubject", "credentialStatus" (if any). Member order is for people; JCS sorts them
    /// for signing.
    /// </summary>
    /// <param name="content">What the credential says.</param>
    /// <returns>A new object, sharing nothing with <paramref name="content"/>.</returns>
    /// <exception cref="ArgumentException">The issuer is empty, or a type or context repeats the base one.</exception>
    public static JsonObject Create(CredentialContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Issuer, nameof(content));
        ArgumentNullException.ThrowIfNull(content.CredentialSubject);
        if (content.AdditionalTypes.Contains(BaseType) || content.AdditionalContexts.Contains(ContextV2))
        {
            throw new ArgumentException("The base type and context come first by themselves; do not repeat them.", nameof(content));
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray([ContextV2, .. content.AdditionalContexts.Select(c => JsonValue.Create(c))]),
        };
        if (content.Id is { } id)
        {
            credential["id"] = id;
        }

        credential["type"] = new JsonArray([BaseType, .. content.AdditionalTypes.Select(t => JsonValue.Create(t))]);
        credential["issuer"] = content.Issuer;
        credential["validFrom"] = DataIntegrity.FormatDateTime(content.ValidFrom);
        credential["credentialSubject"] = content.CredentialSubject.DeepClone();
        if (content.CredentialStatus is { } status)
        {
            credential["credentialStatus"] = status.DeepClone();
        }

        return credential;
    }

    /// <summary>Builds the credential and secures it with one proof per key (a proof set).</summary>
    /// <param name="content">What the credential says.</param>
    /// <param name="keys">The issuer's keys, e.g. Ed25519 then SM2.</param>
    /// <param name="created">The proofs' creation time (from the caller's TimeProvider).</param>
    /// <returns>The secured credential.</returns>
    /// <exception cref="ArgumentException">See <see cref="Create"/> and <see cref="DataIntegrity.AddProofs"/>.</exception>
    public static JsonObject Issue(CredentialContent content, IReadOnlyList<CredentialSigningKey> keys, DateTimeOffset created) =>
        DataIntegrity.AddProofs(Create(content), keys, created);
}
