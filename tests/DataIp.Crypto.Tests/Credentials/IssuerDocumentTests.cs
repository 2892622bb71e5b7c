using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>The issuer's DID document: Multikey entries that read back to the same keys and verify credentials.</summary>
public sealed class IssuerDocumentTests
{
    private readonly CredentialFixture _fixture = new();

    [Fact]
    public void Create_ThenRead_SameKeysAndCredentialVerifies()
    {
        var document = IssuerDocument.Create(CredentialFixture.Issuer, _fixture.Methods);
        var text = document.ToJsonString();

        var ok = IssuerDocument.TryReadVerificationMethods(JsonNode.Parse(text)!.AsObject(), out var methods, out var error);

        Assert.True(ok, error);
        Assert.NotNull(methods);
        Assert.Equal(_fixture.Methods.Select(m => m.Id), methods.Select(m => m.Id));
        Assert.Equal(_fixture.Methods.Select(m => m.Key.PublicKey.ToArray()), methods.Select(m => m.Key.PublicKey.ToArray()));
        Assert.True(CredentialVerifier.Verify(_fixture.Issue(), methods).IsValid);
    }

    [Fact]
    public void Create_Methods_MultikeyPrefixes()
    {
        var document = IssuerDocument.Create(CredentialFixture.Issuer, _fixture.Methods);
        var entries = document["verificationMethod"]!.AsArray();

        Assert.StartsWith("z6Mk", entries[0]!["publicKeyMultibase"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("zEP", entries[1]!["publicKeyMultibase"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal("Multikey", e!["type"]!.GetValue<string>()));
        Assert.Equal(2, document["assertionMethod"]!.AsArray().Count);
    }

    [Fact]
    public void TryRead_MethodNotUnderAssertionMethod_Skipped()
    {
        var document = IssuerDocument.Create(CredentialFixture.Issuer, _fixture.Methods);
        document["assertionMethod"]!.AsArray().RemoveAt(1);

        Assert.True(IssuerDocument.TryReadVerificationMethods(document, out var methods, out _));

        Assert.Single(methods);
        Assert.Equal(CredentialFailureKind.UnknownVerificationMethod, CredentialVerifier.Verify(_fixture.Issue(), methods).Failure);
    }

    [Theory]
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ")]
    [InlineData("u7QHtAQ")]
    [InlineData("z2NEpo7TZRRrLZSi2U")]
    public void TryRead_BadPublicKeyMultibase_Refused(string publicKeyMultibase)
    {
        var document = IssuerDocument.Create(CredentialFixture.Issuer, _fixture.Methods);
        document["verificationMethod"]![0]!["publicKeyMultibase"] = publicKeyMultibase;

        var ok = IssuerDocument.TryReadVerificationMethods(document, out _, out var error);

        Assert.False(ok);
        Assert.Contains("publicKeyMultibase", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MethodOfAnotherController_Throws()
    {
        Assert.Throws<ArgumentException>(() => IssuerDocument.Create("did:web:other.example", _fixture.Methods));
    }
}
