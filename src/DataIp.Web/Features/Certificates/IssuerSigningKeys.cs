using System.Text.Json.Nodes;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// The keys that sign certificate credentials (docs/credential.md): Ed25519 and SM2-with-SM3,
/// controlled by the registry's DID. Created the first time they are needed under <c>data/keys/credential</c>
/// (owner-only) or loaded from there; kept apart from the log's keys, so that either can be
/// rotated without the other.
/// </summary>
public sealed class IssuerSigningKeys
{
    private readonly Ledger.LogSigningKeys _log;
    private readonly PublicAddress _address;

    /// <summary>Loads or creates the keys of the configured issuer.</summary>
    public IssuerSigningKeys(IOptions<PlatformOptions> options, Ledger.LogSigningKeys log, PublicAddress address)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _address = address ?? throw new ArgumentNullException(nameof(address));
        Did = options.Value.IssuerDid;
        var directory = DataDirectory.CreatePrivate(Path.Combine(options.Value.DataDirectoryPath, "keys", "credential")).FullName;
        INoteSigner[] signers = [NoteKeyStore.LoadOrCreate(directory, Did, NoteKeyAlgorithm.Ed25519), NoteKeyStore.LoadOrCreate(directory, Did, NoteKeyAlgorithm.Sm2)];
        SigningKeys = [.. signers.Select(s => CredentialSigningKey.For(Did, s))];
        VerificationMethods = [.. signers.Select(s => CredentialVerificationMethod.For(Did, s.VerifierKey))];
    }

    /// <summary>The issuer: <c>did:web:&lt;host&gt;</c>.</summary>
    public string Did { get; }

    /// <summary>Ed25519 first, then SM2: a credential carries one proof of each.</summary>
    public IReadOnlyList<CredentialSigningKey> SigningKeys { get; }

    /// <summary>The public keys, as the DID document lists them.</summary>
    public IReadOnlyList<CredentialVerificationMethod> VerificationMethods { get; }

    /// <summary>
    /// The DID document served at <c>/.well-known/did.json</c>: the credential keys, and a service
    /// entry naming the transparency log (origin and note verifier keys) that the tlog-proofs beside
    /// the credentials are checked against, so that one published document verifies a certificate
    /// offline (docs/credential.md).
    /// </summary>
    public JsonObject Document()
    {
        var document = IssuerDocument.Create(Did, VerificationMethods);
        document["service"] = new JsonArray(new JsonObject
        {
            ["id"] = Did + "#log",
            ["type"] = CertificateVerification.LogServiceType,
            ["serviceEndpoint"] = _address.Current.AbsoluteUri,
            ["origin"] = _log.Origin,
            ["verifierKeys"] = new JsonArray([.. _log.VerifierKeys.Keys.Select(k => JsonValue.Create(k.ToString()))]),
        });
        return document;
    }
}

/// <summary>The issuer's public keys, where did:web resolves them.</summary>
internal static class IssuerEndpoints
{
    /// <summary>The DID document's media type (DID Core §6.2).</summary>
    public const string DidJson = "application/did+json";

    public static void MapIssuer(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/did.json", (IssuerSigningKeys keys) => TypedResults.Text(keys.Document().ToJsonString(), DidJson))
            .AllowAnonymous()
            .Produces<JsonObject>(StatusCodes.Status200OK, DidJson)
            .WithTags("Certificates")
            .WithName("GetIssuerDidDocument")
            .WithSummary("The registry's DID document: the keys that sign certificate credentials, Ed25519 and SM2 (did:web; anyone).");
}
