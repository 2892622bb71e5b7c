using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;
using DataIp.Domain.Canonicalization;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>
/// Each proof of a credential verifies with OpenSSL alone (docs/credential.md, "Verifying with
/// OpenSSL"): hashData rebuilt here from JCS and SHA-256, the signature from the proofValue.
/// </summary>
public sealed class CredentialOpenSslTests : IDisposable
{
    private const string Verified = "Signature Verified Successfully";

    private readonly TemporaryDirectory _temporary = new();
    private readonly CredentialFixture _fixture = new();

    public void Dispose() => _temporary.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ed25519Proof_OpenSslPkeyutl_VerifiesOnlyUntampered(bool tamper)
    {
        var credential = _fixture.Issue();
        WriteProof(credential, 0, "ed25519", _fixture.Ed25519, tamper);

        var result = OpenSsl.Run(_temporary.Path, "pkeyutl", "-verify", "-pubin", "-inkey", "ed25519-pub.pem", "-rawin", "-in", "ed25519-signed.bin", "-sigfile", "ed25519.sig");

        AssertVerified(result, !tamper);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sm2Proof_OpenSslPkeyutl_VerifiesOnlyUntampered(bool tamper)
    {
        var credential = _fixture.Issue();
        WriteProof(credential, 1, "sm2", _fixture.Sm2, tamper);

        var result = OpenSsl.Run(
            _temporary.Path, "pkeyutl", "-verify", "-pubin", "-inkey", "sm2-pub.pem", "-rawin", "-digest", "sm3",
            "-pkeyopt", "distid:1234567812345678", "-in", "sm2-signed.bin", "-sigfile", "sm2.sig");

        AssertVerified(result, !tamper);
    }

    private static void AssertVerified(OpenSsl.Result result, bool expected)
    {
        Assert.True((result.ExitCode == 0) == expected, result.ToString());
        Assert.Equal(expected, result.Output.Contains(Verified, StringComparison.Ordinal));
    }

    // hashData = SHA-256(JCS(proof without proofValue)) || SHA-256(JCS(credential without proof)).
    private void WriteProof(JsonObject credential, int index, string stem, INoteSigner signer, bool tamper)
    {
        var options = credential["proof"]![index]!.DeepClone().AsObject();
        var proofValue = options["proofValue"]!.GetValue<string>();
        options.Remove("proofValue");
        var unsecured = credential.DeepClone().AsObject();
        unsecured.Remove("proof");
        if (tamper)
        {
            unsecured["credentialSubject"]!["holder"] = "另一家公司";
        }

        byte[] hashData = [.. SHA256.HashData(JsonCanonicalizer.Canonicalize(options)), .. SHA256.HashData(JsonCanonicalizer.Canonicalize(unsecured))];
        Assert.True(Base58Btc.TryDecodeMultibase(proofValue, out var signature));
        File.WriteAllBytes(_temporary.File($"{stem}-signed.bin"), hashData);
        File.WriteAllBytes(_temporary.File($"{stem}.sig"), signature);
        File.WriteAllText(_temporary.File($"{stem}-pub.pem"), signer.VerifierKey.ToPublicKeyPem());
    }
}
