using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>
/// What GET /api/v1/certificates/{n}/credential returns and the PDF embeds: the signed credential
/// and, beside it, outside every proof, the C2SP tlog-proof that the issuance act is in the log
/// (docs/credential.md, "The log inclusion proof"). The tlog-proof is self-authenticating (its
/// checkpoint is signed by the log) and can be refreshed to a newer checkpoint without re-signing
/// the credential, which is why it is not under the credential's proofs.
/// </summary>
/// <param name="Credential">The secured credential.</param>
/// <param name="TlogProof">The tlog-proof text (c2sp.org/tlog-proof), or null until the act is
/// covered by a checkpoint. Not produced by this library.</param>
public sealed record CredentialEnvelope(JsonObject Credential, string? TlogProof)
{
    /// <summary>The envelope as JSON: {"credential": {…}, "tlogProof": "…"}, tlogProof omitted when null.</summary>
    /// <returns>A new object.</returns>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["credential"] = Credential.DeepClone() };
        if (TlogProof is { } proof)
        {
            json["tlogProof"] = proof;
        }

        return json;
    }
}
