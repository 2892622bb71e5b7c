using System.CommandLine;
using System.Text;
using DataIp.Cli.Commands;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using PdfSharp.Pdf;

namespace DataIp.Cli.Tests.Commands;

public sealed class VerifyCommandTests : IDisposable
{
    private static readonly string CertificatePath = "/api/v1/certificates/" + VerifyFixture.Certificate;

    private readonly string _directory = Directory.CreateTempSubdirectory("dataip-verify-").FullName;
    private readonly VerifyFixture _fixture = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_FreshEnvelope_PassesEveryCheckAndExitsZero()
    {
        var (exitCode, output, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)));

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains("✓ signature: signed by did:web:registry.example (eddsa-jcs-2022 and dataip-sm2sm3-jcs-2026)\n", output, StringComparison.Ordinal);
        Assert.Contains("✓ log proof: present\n", output, StringComparison.Ordinal);
        Assert.Contains($"✓ issuance act: log entry 2 is the issuance of certificate {VerifyFixture.Certificate}\n", output, StringComparison.Ordinal);
        Assert.Contains("✓ log inclusion: entry 2 is in the log registry.example/log", output, StringComparison.Ordinal);
        Assert.EndsWith($"OK: certificate {VerifyFixture.Certificate} verifies (offline: its current status was not checked)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SubjectFieldAltered_ExitsOneSayingAltered()
    {
        var credential = (System.Text.Json.Nodes.JsonObject)_fixture.Credential.DeepClone();
        credential["credentialSubject"]!["validUntil"] = "2099-12-31";

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(credential, _fixture.Proof)));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("✗ signature: proof 0: a field of the credential was altered after signing, or another key signed it", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SignedByAnotherKey_ExitsOneSayingUnpublishedKey()
    {
        var other = new[] { CredentialSigningKey.For(VerifyFixture.Did, Ed25519NoteSigner.Generate("registry.example")) };
        var credential = VerifyFixture.Issue(other, _fixture.Subject());

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(credential, _fixture.Proof)));

        Assert.Equal(1, exitCode);
        Assert.Contains("signed with a key the registry does not publish", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TamperedLogHash_ExitsOneAtInclusion()
    {
        var hashes = _fixture.Hashes.Select(h => h.ToArray()).ToArray();
        hashes[0][5] ^= 0x40;

        var (exitCode, output, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof with { Hashes = hashes })));

        Assert.Equal(1, exitCode);
        Assert.Contains("✓ issuance act:", output, StringComparison.Ordinal);
        Assert.StartsWith("✗ log inclusion: The inclusion proof does not lead from the entry to the checkpoint's root", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CheckpointByAnotherKey_ExitsOneAtInclusion()
    {
        var keys = Write("did.json", _fixture.DidDocument(Ed25519NoteSigner.Generate(VerifyFixture.LogOrigin)));

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), keys);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("✗ log inclusion: The checkpoint is not signed by a known log key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LeafHashOfAnotherEntry_ExitsOneAtIssuanceAct()
    {
        var otherEntry = VerifyFixture.Entry(VerifyFixture.IssuanceIndex, "issueCertificate", "00000000000000000");
        var credential = VerifyFixture.Issue(_fixture.CredentialKeys, _fixture.Subject(Domain.TransparencyLog.Rfc9162.HashLeaf(otherEntry).ToArray()));

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(credential, _fixture.Proof)));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("✗ issuance act: the log entry in the inclusion proof is not the issuance act the credential names (leaf hash differs)", error, StringComparison.Ordinal);
    }

    // The log's key set is read by the one key-set parser: the same key listed twice counts once
    // (it used to reach SignedNote.Open twice, which throws on two verifiers of one key).
    [Fact]
    public async Task Run_DidDocumentListsTheLogKeyTwice_PassesEveryCheck()
    {
        var key = _fixture.LogKey.VerifierKey.ToString();
        var did = DidDocumentWithLogKeys(key, key);

        var (exitCode, output, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), did);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains("✓ log inclusion: entry 2 is in the log registry.example/log", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DidDocumentLogKeyNamedOtherThanTheOrigin_ExitsTwo()
    {
        var did = DidDocumentWithLogKeys(Ed25519NoteSigner.Generate("other.example/log").VerifierKey.ToString());

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), did);

        Assert.Equal(2, exitCode);
        Assert.Contains("named \"other.example/log\", not after the origin \"registry.example/log\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BareCredentialOffline_ExitsOneForNoLogProof()
    {
        var (exitCode, output, error) = await Run(Write("credential.json", _fixture.Credential.ToJsonString()));

        Assert.Equal(1, exitCode);
        Assert.Contains("✓ signature:", output, StringComparison.Ordinal);
        Assert.Equal("✗ log proof: no log inclusion proof: the file carries none; give --online to fetch one\n", error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("%PDF-1.7 broken")]
    public async Task Run_NeitherCredentialNorPdf_ExitsTwo(string content)
    {
        var (exitCode, output, error) = await Run(Write("file", content));

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.StartsWith(Path.Combine(_directory, "file") + ": ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgramRun_NoKeysNorOnline_ExitsTwoSayingWhatToGive()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await Program.RunAsync(["verify", Write("e.json", "{}")], new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("Give --keys", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--online", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnlineRevoked_ExitsOneWithTheReason()
    {
        using var handler = Registry("""{"certificateNumber": "CERT", "status": "revoked", "statusReason": "obtained by fraud"}""");

        var (exitCode, output, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), online: handler);

        Assert.Equal(1, exitCode);
        Assert.Contains("✓ log inclusion:", output, StringComparison.Ordinal);
        Assert.Equal("✗ status: revoked: obtained by fraud\n", error);
    }

    [Fact]
    public async Task Run_OnlineBareCredential_FetchesKeysAndLogProofAndExitsZero()
    {
        using var handler = Registry("""{"certificateNumber": "CERT", "status": "pledged", "statusReason": "pledged to a bank"}""");

        var (exitCode, output, error) = await Run(Write("credential.json", _fixture.Credential.ToJsonString()), keys: null, online: handler);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains("✓ log proof: fetched from the registry\n", output, StringComparison.Ordinal);
        Assert.Contains("✓ status: valid, pledged: pledged to a bank", output, StringComparison.Ordinal);
        Assert.Equal(["/.well-known/did.json", CertificatePath + "/credential", CertificatePath + "/status"], handler.Requests);
    }

    [Fact]
    public async Task Run_OnlineWithoutDidDocument_ExitsTwoNamingTheUrl()
    {
        using var handler = new FakeRegistryHandler([]);

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), keys: null, online: handler);

        Assert.Equal(2, exitCode);
        Assert.Equal($"--keys: couldn't fetch {FakeRegistryHandler.Server}/.well-known/did.json: the server answered 404 Not Found\n", error);
    }

    [Fact]
    public async Task Run_OnlineUnreachable_ExitsThree()
    {
        using var handler = new FailingHandler();

        var (exitCode, _, error) = await Run(Write("envelope.json", VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)), keys: null, online: handler);

        Assert.Equal(3, exitCode);
        Assert.StartsWith($"couldn't fetch {FakeRegistryHandler.Server}/.well-known/did.json: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CertificatePdf_ReadsTheEmbeddedCredentialAndExitsZero()
    {
        var pdf = Path.Combine(_directory, "certificate.pdf");
        WritePdf(pdf, Encoding.UTF8.GetBytes(VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof)));

        var (exitCode, output, error) = await Run(pdf);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.StartsWith("OK: certificate", output.Split('\n')[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PdfWithoutCredential_ExitsTwo()
    {
        var pdf = Path.Combine(_directory, "plain.pdf");
        using (var document = new PdfDocument())
        {
            document.AddPage();
            document.Save(pdf);
        }

        var (exitCode, _, error) = await Run(pdf);

        Assert.Equal(2, exitCode);
        Assert.Contains("the PDF embeds no files", error, StringComparison.Ordinal);
    }

    // A page and one embedded file, as the web host's CertificateAttachments writes it, Flate-compressed.
    private static void WritePdf(string path, byte[] content)
    {
        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        pdf.AddPage();
        var file = new PdfDictionary(pdf);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.CreateStream(content);
        pdf.Internals.AddObject(file);
        var embedded = new PdfDictionary(pdf);
        embedded.Elements["/F"] = file.Reference;
        var specification = new PdfDictionary(pdf);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements["/F"] = new PdfString("credential.json", PdfStringEncoding.Unicode);
        specification.Elements["/EF"] = embedded;
        pdf.Internals.AddObject(specification);
        var names = new PdfArray(pdf);
        names.Elements.Add(new PdfString("credential.json", PdfStringEncoding.Unicode));
        names.Elements.Add(specification.Reference!);
        var tree = new PdfDictionary(pdf);
        tree.Elements["/Names"] = names;
        var nameDictionary = new PdfDictionary(pdf);
        nameDictionary.Elements["/EmbeddedFiles"] = tree;
        pdf.Internals.Catalog.Elements["/Names"] = nameDictionary;
        pdf.Save(path);
    }

    private FakeRegistryHandler Registry(string status) => new(new Dictionary<string, string>
    {
        ["/.well-known/did.json"] = _fixture.DidDocument(),
        [CertificatePath + "/credential"] = VerifyFixture.Envelope(_fixture.Credential, _fixture.Proof),
        [CertificatePath + "/status"] = status.Replace("CERT", VerifyFixture.Certificate, StringComparison.Ordinal),
    });

    private string DidDocumentWithLogKeys(params string[] keys)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(_fixture.DidDocument())!;
        document["service"]![0]!["verifierKeys"] = new System.Text.Json.Nodes.JsonArray([.. keys.Select(k => System.Text.Json.Nodes.JsonValue.Create(k))]);
        return Write("did.json", document.ToJsonString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int ExitCode, string Output, string Error)> Run(string file) => Run(file, Write("did.json", _fixture.DidDocument()));

    private static async Task<(int ExitCode, string Output, string Error)> Run(string file, string? keys, HttpMessageHandler? online = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var offline = new FailingHandler();
        var options = new VerifyOptions(file, keys, online is null ? null : FakeRegistryHandler.Server, TimeSpan.FromSeconds(5));

        var exitCode = await VerifyCommand.RunAsync(options, online ?? offline, output, error, TestContext.Current.CancellationToken);

        return (exitCode, output.ToString(), error.ToString());
    }

    private Task<(int ExitCode, string Output, string Error)> Run(string file, HttpMessageHandler online) =>
        Run(file, Write("did.json", _fixture.DidDocument()), online);

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }
}
