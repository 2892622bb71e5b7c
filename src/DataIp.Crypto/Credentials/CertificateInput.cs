using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataIp.Crypto.Credentials;

/// <summary>A certificate as <c>dataip verify</c> or the verification page was given it: the signed credential and, when present, its tlog-proof text.</summary>
/// <param name="Credential">The credential, as read.</param>
/// <param name="TlogProof">The tlog-proof text beside it, or null.</param>
public sealed record CertificateInput(JsonObject Credential, string? TlogProof)
{
    /// <summary>The name of the file the certificate PDF embeds the envelope as.</summary>
    public const string AttachmentName = "credential.json";

    /// <summary>
    /// Reads a credential envelope ({"credential": …, "tlogProof": "…"}), a bare credential, or a
    /// PDF (it starts with "%PDF-") embedding an envelope as <see cref="AttachmentName"/>.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="error">Why the bytes are none of these; null when read.</param>
    /// <returns>The input, or null.</returns>
    public static CertificateInput? TryRead(byte[] bytes, out string? error)
    {
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            var attachment = PdfAttachment.TryRead(bytes, AttachmentName, out error);
            return attachment is null ? null : TryReadJson(attachment, $"the PDF's {AttachmentName}", out error);
        }

        return TryReadJson(bytes, "the file", out error);
    }

    /// <summary>Reads an envelope or a bare credential from JSON; see <see cref="TryRead"/>.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="what">What the JSON is, for the error message.</param>
    /// <param name="error">Why the JSON is neither; null when read.</param>
    /// <returns>The input, or null.</returns>
    public static CertificateInput? TryReadJson(ReadOnlySpan<byte> json, string what, out string? error)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            error = $"{what} is neither JSON nor a PDF: {exception.Message}";
            return null;
        }

        if (root is not JsonObject document)
        {
            error = $"{what} is not a JSON object: expected a credential or {{\"credential\": …, \"tlogProof\": …}}";
            return null;
        }

        if (!document.ContainsKey("credential"))
        {
            error = null;
            return new CertificateInput(document, null);
        }

        if (document["credential"] is not JsonObject credential)
        {
            error = $"{what}: \"credential\" is not a JSON object";
            return null;
        }

        var proof = document["tlogProof"];
        if (proof is not null && (proof is not JsonValue value || !value.TryGetValue<string>(out _)))
        {
            error = $"{what}: \"tlogProof\" is not a string";
            return null;
        }

        error = null;
        return new CertificateInput(credential, proof?.GetValue<string>());
    }
}
