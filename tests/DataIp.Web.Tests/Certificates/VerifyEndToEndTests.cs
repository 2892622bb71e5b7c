using System.Text;
using System.Text.Json.Nodes;
using DataIp.Cli;
using DataIp.Cli.Commands;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// Issue M4's acceptance for <c>dataip verify</c> against the real platform: a fresh certificate
/// (its PDF, as downloaded) verifies offline with the published DID document; any changed field
/// of its credential is rejected; after revocation the online check reports it revoked.
/// </summary>
public sealed class VerifyEndToEndTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-verify-e2e-").FullName;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Verify_FreshPdfOffline_AlteredRejected_RevokedOnline(DatabaseProvider provider)
    {
        await using var platform = await CertificateIssuanceTests.StartAsync(provider);
        var (applicant, examiner, id) = await CertificateIssuanceTests.RegisterAsync(platform);
        var number = (await applicant.GetAsync($"/api/v1/applications/{id}").OkAsync()).Str("certificateNumber");
        await platform.PublishLogAsync();
        var anyone = platform.CreateClient();
        var pdf = await SaveAsync("certificate.pdf", await anyone.GetByteArrayAsync($"/api/v1/certificates/{number}/pdf"));
        var did = await SaveAsync("did.json", await anyone.GetByteArrayAsync("/.well-known/did.json"));
        var envelopeText = await anyone.GetStringAsync($"/api/v1/certificates/{number}/credential");

        var (fresh, freshOutput) = await VerifyAsync(platform, pdf, did, online: false);
        Assert.True(fresh == ExitCodes.Success, freshOutput);
        var (json, jsonOutput) = await VerifyAsync(platform, await SaveAsync("credential.json", Encoding.UTF8.GetBytes(envelopeText)), did, online: false);
        Assert.True(json == ExitCodes.Success, jsonOutput);

        // Every member of the credential but its proofs, and every field of the certificate.
        var credential = JsonNode.Parse(envelopeText)!["credential"]!.AsObject();
        var paths = credential.Select(m => m.Key).Where(k => k != "proof").Select(k => new[] { k })
            .Concat(credential["credentialSubject"]!.AsObject().Select(m => new[] { "credentialSubject", m.Key }))
            .ToList();
        Assert.True(paths.Count >= 18, $"only {paths.Count} fields were altered");
        foreach (var path in paths)
        {
            var altered = JsonNode.Parse(envelopeText)!.AsObject();
            var parent = altered["credential"]!.AsObject();
            foreach (var step in path[..^1])
            {
                parent = parent[step]!.AsObject();
            }

            parent[path[^1]] = Alter(parent[path[^1]]);
            var file = await SaveAsync("altered.json", Encoding.UTF8.GetBytes(altered.ToJsonString()));
            var (code, output) = await VerifyAsync(platform, file, did, online: false);
            Assert.True(code == ExitCodes.Invalid, $"altering {string.Join('.', path)} gave exit {code}: {output}");
        }

        var (beforeRevocation, beforeOutput) = await VerifyAsync(platform, pdf, did, online: true);
        Assert.True(beforeRevocation == ExitCodes.Success, beforeOutput);
        await examiner.PostJsonAsync($"/api/v1/applications/{id}/revoke", new { reason = "登记后查明申请材料虚假。" }).OkAsync();
        var (revoked, revokedOutput) = await VerifyAsync(platform, pdf, did, online: true);
        Assert.Equal(ExitCodes.Invalid, revoked);
        Assert.Contains("revoked", revokedOutput, StringComparison.Ordinal);
        Assert.Contains("登记后查明申请材料虚假。", revokedOutput, StringComparison.Ordinal);
        // Offline, the signatures and the log still hold: revocation is a fact of the register, not of the file.
        Assert.Equal(ExitCodes.Success, (await VerifyAsync(platform, pdf, did, online: false)).Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonNode? Alter(JsonNode? value) => value switch
    {
        JsonObject o => new JsonObject(o.Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())).Append(KeyValuePair.Create("x", (JsonNode?)"y"))),
        JsonArray a => new JsonArray([.. a.Select(e => e?.DeepClone()), JsonValue.Create("x")]),
        JsonValue v when v.TryGetValue<long>(out var n) => JsonValue.Create(n + 1),
        JsonValue v => JsonValue.Create(v.GetValue<string>() + "x"),
        _ => JsonValue.Create("x"),
    };

    private async Task<string> SaveAsync(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static async Task<(int Code, string Output)> VerifyAsync(RegistryFactory platform, string file, string did, bool online)
    {
        using var output = new StringWriter();
        using var handler = platform.Server.CreateHandler();
        var options = new VerifyOptions(file, did, online ? "http://localhost" : null, TimeSpan.FromSeconds(30));
        var code = await VerifyCommand.RunAsync(options, handler, output, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
