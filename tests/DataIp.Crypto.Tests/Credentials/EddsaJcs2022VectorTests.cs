using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>
/// The eddsa-jcs-2022 test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0" (appendix
/// "Representation: eddsa-jcs-2022"), from github.com/w3c/vc-di-eddsa:
/// TestVectors/keyPair.json (562e7da7), TestVectors/eddsa-jcs-2022/signedJCS.json and
/// sigHexJCS.txt (369f0f00), docHashJCS.txt (4ced3573).
/// </summary>
public sealed class EddsaJcs2022VectorTests
{
    private const string PublicKeyMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private const string PrivateKeyMultibase = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private const string Issuer = "https://vc.example/issuers/5678";
    private const string VerificationMethod = Issuer + "#" + PublicKeyMultibase;
    private const string Created = "2023-02-24T23:36:38Z";
    private const string ProofValue = "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4";
    private const string SignatureHex = "fc91dec6565f35fbe185a77352e7fc512f95d1904da305cfef32ab8135469301f5a72d4e7a58368fc6ffc497b44633993bac054e3bc1436e3c846db8f1544503";
    private const string DocumentHashHex = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";

    internal const string Unsigned = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
          "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
          "type": ["VerifiableCredential", "AlumniCredential"],
          "name": "Alumni Credential",
          "description": "A minimum viable example of an Alumni Credential.",
          "issuer": "https://vc.example/issuers/5678",
          "validFrom": "2023-01-01T00:00:00Z",
          "credentialSubject": { "id": "did:example:abcdefgh", "alumniOf": "The School of Examples" }
        }
        """;

    [Fact]
    public void CreateProof_SpecVector_ReproducesProofValue()
    {
        var key = new CredentialSigningKey(VerificationMethod, Signer());
        var unsecured = JsonNode.Parse(Unsigned)!.AsObject();

        var proof = DataIntegrity.CreateProof(unsecured, key, DateTimeOffset.Parse(Created, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ProofValue, proof["proofValue"]!.GetValue<string>());
        Assert.True(Base58Btc.TryDecodeMultibase(ProofValue, out var signature));
        Assert.Equal(SignatureHex, Convert.ToHexStringLower(signature));
    }

    [Fact]
    public void HashData_SpecVector_EndsWithPublishedDocumentHash()
    {
        var unsecured = JsonNode.Parse(Unsigned)!.AsObject();
        var options = DataIntegrity.ProofOptions(unsecured, Cryptosuite.EddsaJcs2022, VerificationMethod, DateTimeOffset.Parse(Created, System.Globalization.CultureInfo.InvariantCulture));

        var hashData = DataIntegrity.HashData(options, unsecured);

        Assert.Equal(DocumentHashHex, Convert.ToHexStringLower(hashData.AsSpan(32)));
    }

    [Fact]
    public void Verify_SpecSignedCredential_Verifies()
    {
        var signed = JsonNode.Parse(Unsigned)!.AsObject();
        signed["proof"] = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["created"] = Created,
            ["verificationMethod"] = VerificationMethod,
            ["proofPurpose"] = "assertionMethod",
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"),
            ["proofValue"] = ProofValue,
        };
        Assert.True(CredentialVerificationMethod.TryDecode(VerificationMethod, PublicKeyMultibase, out var method, out var error), error);

        var result = CredentialVerifier.Verify(signed, [method]);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(VerificationMethod, Assert.Single(result.Proofs).VerificationMethod);
    }

    [Fact]
    public void VerificationMethodFor_SpecKey_EncodesPublishedMultikey()
    {
        var method = CredentialVerificationMethod.For(Issuer, Signer().VerifierKey);

        Assert.Equal(PublicKeyMultibase, method.PublicKeyMultibase);
        Assert.Equal(VerificationMethod, method.Id);
    }

    // The private key is multibase of the multicodec ed25519-priv (0x1300, varint 0x80 0x26) and the seed.
    private static Ed25519NoteSigner Signer()
    {
        Assert.True(Base58Btc.TryDecodeMultibase(PrivateKeyMultibase, out var bytes));
        Assert.Equal(new byte[] { 0x80, 0x26 }, bytes.AsSpan(0, 2).ToArray());
        return new Ed25519NoteSigner("w3c-vector", bytes.AsSpan(2));
    }
}
