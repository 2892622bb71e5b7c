using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>An issuer with an Ed25519 and an SM2 key, and a certificate-like credential it signs.</summary>
internal sealed class CredentialFixture
{
    public const string Issuer = "did:web:registry.example";

    public static readonly DateTimeOffset Created = new(2026, 11, 27, 15, 16, 43, TimeSpan.Zero);

    public CredentialFixture()
    {
        Ed25519 = Ed25519NoteSigner.Generate("registry.example");
        Sm2 = Sm2NoteSigner.Generate("registry.example");
        Keys = [CredentialSigningKey.For(Issuer, Ed25519), CredentialSigningKey.For(Issuer, Sm2)];
        Methods = [CredentialVerificationMethod.For(Issuer, Ed25519.VerifierKey), CredentialVerificationMethod.For(Issuer, Sm2.VerifierKey)];
    }

    public INoteSigner Ed25519 { get; }

    public INoteSigner Sm2 { get; }

    public IReadOnlyList<CredentialSigningKey> Keys { get; }

    public IReadOnlyList<CredentialVerificationMethod> Methods { get; }

    public static CredentialContent Content() => new(
        Issuer,
        new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
        new JsonObject
        {
            ["id"] = "https://registry.example/certificates/2026-000123",
            ["registrationNumber"] = "DIP-2026-000123",
            ["holder"] = "示例数据科技有限公司",
            ["dataProduct"] = new JsonObject { ["name"] = "城市交通流量数据集", ["version"] = 3 },
        })
    {
        Id = "https://registry.example/certificates/2026-000123",
        AdditionalTypes = ["DataIpRegistrationCertificate"],
    };

    public JsonObject Issue() => VerifiableCredential.Issue(Content(), Keys, Created);
}
