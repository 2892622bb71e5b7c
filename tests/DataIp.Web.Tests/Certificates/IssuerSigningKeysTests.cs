using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;
using DataIp.Data;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// The registry publishes the keys that sign certificate credentials where did:web resolves
/// them, and a credential signed with the node's keys verifies against what it publishes.
/// </summary>
public sealed class IssuerKeysTests
{
    [Fact]
    public async Task DidDocument_Served_VerifiesCredentialsSignedByTheNode()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        var response = await platform.CreateClient().GetAsync("/.well-known/did.json");
        response.EnsureSuccessStatusCode();
        Assert.Equal(IssuerEndpoints.DidJson, response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.True(IssuerDocument.TryReadVerificationMethods(document, out var methods, out var error), error);
        var keys = platform.Services.GetRequiredService<IssuerSigningKeys>();
        Assert.Equal(keys.Did, document["id"]!.GetValue<string>());
        Assert.StartsWith("did:web:", keys.Did, StringComparison.Ordinal);
        Assert.Equal(2, methods!.Count);

        var subject = new JsonObject { ["certificateNumber"] = "20261144000000123", ["registrationNumber"] = "2026110000000125" };
        var credential = VerifiableCredential.Issue(new CredentialContent(keys.Did, DateTimeOffset.UnixEpoch, subject), keys.SigningKeys, DateTimeOffset.UnixEpoch);
        var result = CredentialVerifier.Verify(credential, [.. methods]);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(2, result.Proofs.Count);

        credential["credentialSubject"]!["certificateNumber"] = "20261144000000124";
        Assert.Equal(CredentialFailureKind.InvalidSignature, CredentialVerifier.Verify(credential, [.. methods]).Failure);
    }

    [Fact]
    public async Task Keys_CreatedOwnerOnly_UnderTheDataDirectory()
    {
        await using var platform = await RegistryFactory.StartAsync(DatabaseProvider.Sqlite);
        _ = platform.Services.GetRequiredService<IssuerSigningKeys>();
        var directory = Path.Combine(platform.DataDirectory, "keys", "credential");

        var files = Directory.GetFiles(directory, "*.pem");
        Assert.Equal(4, files.Length); // Ed25519 and SM2, private and public
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            foreach (var file in files.Where(f => !f.EndsWith(".pub.pem", StringComparison.Ordinal)))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }
}
