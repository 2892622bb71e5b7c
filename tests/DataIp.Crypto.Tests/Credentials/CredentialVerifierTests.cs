using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>Issue and verify with both cryptosuites; every change after signing fails with its own kind.</summary>
public sealed class CredentialVerifierTests
{
    private readonly CredentialFixture _fixture = new();

    [Fact]
    public void Issue_ThenVerify_BothProofsVerify()
    {
        var credential = _fixture.Issue();

        var result = CredentialVerifier.Verify(credential.ToJsonString(), _fixture.Methods);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal([Cryptosuite.EddsaJcs2022, Cryptosuite.DataIpSm2Sm3Jcs2026], result.Proofs.Select(p => p.Cryptosuite));
        Assert.All(result.Proofs, p => Assert.Equal("2026-11-27T15:16:43Z", p.Created));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Issue_OneKey_SingleProofObjectVerifies(int keyIndex)
    {
        var credential = VerifiableCredential.Issue(CredentialFixture.Content(), [_fixture.Keys[keyIndex]], CredentialFixture.Created);

        var result = CredentialVerifier.Verify(credential, _fixture.Methods);

        Assert.IsType<JsonObject>(credential["proof"]);
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Issue_ProofSet_EachProofVerifiesAlone()
    {
        var credential = _fixture.Issue();
        var proofs = credential["proof"]!.AsArray();

        foreach (var proof in proofs)
        {
            var alone = credential.DeepClone().AsObject();
            alone["proof"] = proof!.DeepClone();

            Assert.True(CredentialVerifier.Verify(alone, _fixture.Methods).IsValid);
        }
    }

    [Fact]
    public void Create_Content_HasVc2Members()
    {
        var credential = VerifiableCredential.Create(CredentialFixture.Content());

        Assert.Equal("""["https://www.w3.org/ns/credentials/v2"]""", credential["@context"]!.ToJsonString());
        Assert.Equal("""["VerifiableCredential","DataIpRegistrationCertificate"]""", credential["type"]!.ToJsonString());
        Assert.Equal("2026-11-27T00:00:00Z", credential["validFrom"]!.GetValue<string>());
        Assert.False(credential.ContainsKey("proof"));
    }

    public static TheoryData<string, CredentialFailureKind> Tamperings => new()
    {
        { "subject", CredentialFailureKind.InvalidSignature },
        { "subject-nested", CredentialFailureKind.InvalidSignature },
        { "subject-added", CredentialFailureKind.InvalidSignature },
        { "validFrom", CredentialFailureKind.InvalidSignature },
        { "created", CredentialFailureKind.InvalidSignature },
        { "created-malformed", CredentialFailureKind.MalformedProof },
        { "verificationMethod-unknown", CredentialFailureKind.UnknownVerificationMethod },
        { "verificationMethod-other-key", CredentialFailureKind.KeyMismatch },
        { "verificationMethod-other-issuer", CredentialFailureKind.UnknownVerificationMethod },
        { "issuer", CredentialFailureKind.IssuerMismatch },
        { "cryptosuite", CredentialFailureKind.WrongCryptosuite },
        { "type", CredentialFailureKind.WrongProofType },
        { "proofPurpose", CredentialFailureKind.WrongProofPurpose },
        { "proof-context", CredentialFailureKind.ContextMismatch },
        { "context-appended", CredentialFailureKind.ContextMismatch },
        { "proofValue-not-multibase", CredentialFailureKind.MalformedProof },
        { "proofValue-flipped", CredentialFailureKind.InvalidSignature },
        { "proof-removed", CredentialFailureKind.NoProof },
        { "proof-empty-set", CredentialFailureKind.NoProof },
        { "context", CredentialFailureKind.MalformedCredential },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Verify_ChangedAfterSigning_FailsWithKind(string change, CredentialFailureKind expected)
    {
        var credential = _fixture.Issue();
        Tamper(credential, change);

        var result = CredentialVerifier.Verify(credential, _fixture.Methods);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Verify_SwappedKey_InvalidSignatureOnThatProof(int keyIndex)
    {
        var credential = _fixture.Issue();
        var other = new CredentialFixture();
        // The published key under the same id is another key of the same algorithm.
        var methods = _fixture.Methods.ToArray();
        methods[keyIndex] = CredentialVerificationMethod.Create(methods[keyIndex].Id, other.Methods[keyIndex].Key);

        var result = CredentialVerifier.Verify(credential, methods);

        Assert.Equal(CredentialFailureKind.InvalidSignature, result.Failure);
        Assert.Equal(keyIndex, result.ProofIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("\"\\ud800\"")]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"]}""")]
    public void Verify_NotACredential_MalformedWithoutThrowing(string json)
    {
        var result = CredentialVerifier.Verify(json, _fixture.Methods);

        Assert.Equal(CredentialFailureKind.MalformedCredential, result.Failure);
    }

    [Fact]
    public void AddProofs_DocumentWithProof_Throws()
    {
        var credential = _fixture.Issue();

        Assert.Throws<ArgumentException>(() => DataIntegrity.AddProofs(credential, _fixture.Keys, CredentialFixture.Created));
    }

    [Fact]
    public void Envelope_ToJson_KeepsTlogProofOutsideTheCredential()
    {
        var envelope = new CredentialEnvelope(_fixture.Issue(), "c2sp.org/tlog-proof@v1\n…");

        var json = envelope.ToJson();

        Assert.Equal("c2sp.org/tlog-proof@v1\n…", json["tlogProof"]!.GetValue<string>());
        Assert.True(CredentialVerifier.Verify(json["credential"]!.AsObject(), _fixture.Methods).IsValid);
    }

    private static void Tamper(JsonObject credential, string change)
    {
        var subject = credential["credentialSubject"]!.AsObject();
        var proof = credential["proof"]![0]!.AsObject();
        switch (change)
        {
            case "subject": subject["registrationNumber"] = "DIP-2026-000124"; break;
            case "subject-nested": subject["dataProduct"]!["version"] = 4; break;
            case "subject-added": subject["revoked"] = false; break;
            case "validFrom": credential["validFrom"] = "2026-11-26T00:00:00Z"; break;
            case "created": proof["created"] = "2026-11-27T15:16:44Z"; break;
            case "created-malformed": proof["created"] = "27 Nov 2026"; break;
            case "verificationMethod-unknown": proof["verificationMethod"] = CredentialFixture.Issuer + "#key-2"; break;
            case "verificationMethod-other-key": proof["verificationMethod"] = credential["proof"]![1]!["verificationMethod"]!.GetValue<string>(); break;
            case "verificationMethod-other-issuer": proof["verificationMethod"] = "did:web:other.example#" + proof["verificationMethod"]!.GetValue<string>().Split('#')[1]; break;
            case "issuer": credential["issuer"] = "did:web:other.example"; break;
            case "cryptosuite": proof["cryptosuite"] = "eddsa-rdfc-2022"; break;
            case "type": proof["type"] = "Ed25519Signature2020"; break;
            case "proofPurpose": proof["proofPurpose"] = "authentication"; break;
            case "proof-context": proof["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://example.org/extra"); break;
            case "context-appended": credential["@context"]!.AsArray().Add("https://example.org/extra"); break;
            case "proofValue-not-multibase": proof["proofValue"] = "u" + proof["proofValue"]!.GetValue<string>()[1..]; break;
            case "proofValue-flipped": proof["proofValue"] = FlipLastByte(proof["proofValue"]!.GetValue<string>()); break;
            case "proof-removed": credential.Remove("proof"); break;
            case "proof-empty-set": credential["proof"] = new JsonArray(); break;
            case "context": credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"); break;
            default: throw new ArgumentException(change, nameof(change));
        }
    }

    private static string FlipLastByte(string proofValue)
    {
        Assert.True(Base58Btc.TryDecodeMultibase(proofValue, out var signature));
        signature[^1] ^= 1;
        return Base58Btc.EncodeMultibase(signature);
    }
}
