using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DataIp.Cli.Tests.Log;
using DataIp.Crypto;
using DataIp.Crypto.Credentials;
using DataIp.Domain.Canonicalization;
using DataIp.Domain.Numbering;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Tests.Commands;

/// <summary>
/// A registry in miniature for <c>dataip verify</c>: fresh credential keys (Ed25519 and SM2) under
/// a did:web DID document that also describes the log, a real log of four entries whose entry 2 is
/// the issueCertificate act, and the certificate's signed credential with its tlog-proof.
/// </summary>
internal sealed class VerifyFixture
{
    public const string Did = "did:web:registry.example";
    public const string LogOrigin = FakeLog.Origin;
    public const long IssuanceIndex = 2;

    public static readonly string Certificate = CertificateNumber.Create(2025, 9, "4400", 123).Value;

    public VerifyFixture()
    {
        CredentialKeys = [CredentialSigningKey.For(Did, Ed25519NoteSigner.Generate("registry.example")), CredentialSigningKey.For(Did, Sm2NoteSigner.Generate("registry.example"))];
        IssuanceEntry = Entry(IssuanceIndex, "issueCertificate", Certificate);
        var tree = new InMemoryMerkleTree();
        foreach (var entry in new[] { FakeLog.Act(0), FakeLog.Act(1), IssuanceEntry, FakeLog.Act(3) })
        {
            tree.AppendEntry(entry);
        }

        Hashes = MerkleProof.Inclusion(IssuanceIndex, tree.Size, tree).Select(h => h.ToArray()).ToArray();
        SignedCheckpoint = SignedNote.Sign(new Checkpoint(LogOrigin, (long)tree.Size, tree.RootHash().ToArray()).ToNoteText(), LogKey);
        Credential = Issue(CredentialKeys, Subject());
    }

    public Ed25519NoteSigner LogKey { get; } = Ed25519NoteSigner.Generate(LogOrigin);

    public IReadOnlyList<CredentialSigningKey> CredentialKeys { get; }

    public byte[] IssuanceEntry { get; }

    public IReadOnlyList<byte[]> Hashes { get; }

    public string SignedCheckpoint { get; }

    public JsonObject Credential { get; }

    public TlogProof Proof => new(IssuanceIndex, Hashes, SignedCheckpoint, IssuanceEntry);

    /// <summary>The canonical log entry of an act, as LogAppender writes it.</summary>
    public static byte[] Entry(long index, string act, string certificateNumber) => JsonCanonicalizer.Canonicalize(new JsonObject
    {
        ["logVersion"] = 1,
        ["index"] = index,
        ["act"] = act,
        ["actId"] = FakeLog.ActId((ulong)index).ToString(),
        ["at"] = FakeLog.Start.AddSeconds(index).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["actor"] = new JsonObject { ["name"] = "Registry", ["role"] = "system" },
        ["certificateNumber"] = certificateNumber,
        ["registrationNumber"] = "2025340000001231",
        ["bodyCode"] = "4400",
    });

    public static JsonObject Issue(IReadOnlyList<CredentialSigningKey> keys, JsonObject subject) => VerifiableCredential.Issue(
        new CredentialContent(Did, new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), subject) { AdditionalTypes = ["DataIpRegistrationCertificate"] },
        keys,
        new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));

    public JsonObject Subject(byte[]? leafHash = null) => new()
    {
        ["certificateNumber"] = Certificate,
        ["registrationNumber"] = "2025340000001231",
        ["dataName"] = "城市交通流量数据集",
        ["holders"] = new JsonArray("示例数据科技有限公司"),
        ["rights"] = new JsonArray("holding"),
        ["applicationDate"] = "2025-05-01",
        ["registrationDate"] = "2025-06-01",
        ["validFrom"] = "2025-06-01",
        ["validUntil"] = "2028-05-31",
        ["registrationBody"] = new JsonObject { ["code"] = "4400", ["name"] = "广东省数据登记机构" },
        ["issuanceAct"] = new JsonObject
        {
            ["log"] = LogOrigin,
            ["index"] = IssuanceIndex,
            ["leafHash"] = Convert.ToBase64String(leafHash ?? Rfc9162.HashLeaf(IssuanceEntry).ToArray()),
        },
    };

    public string DidDocument(Ed25519NoteSigner? logKey = null)
    {
        var document = IssuerDocument.Create(Did, CredentialKeys.Select(k => CredentialVerificationMethod.For(Did, k.Signer.VerifierKey)).ToList());
        document["service"] = new JsonArray(new JsonObject
        {
            ["id"] = Did + "#log",
            ["type"] = "DataIpTransparencyLog",
            ["serviceEndpoint"] = "https://registry.example/",
            ["origin"] = LogOrigin,
            ["verifierKeys"] = new JsonArray((logKey ?? LogKey).VerifierKey.ToString()),
        });
        return document.ToJsonString();
    }

    public static string Envelope(JsonObject credential, TlogProof? proof) =>
        new CredentialEnvelope(credential, proof?.Format()).ToJson().ToJsonString();
}

/// <summary>Answers GETs from a table of path → JSON; 404 for anything else; records the paths asked.</summary>
internal sealed class FakeRegistryHandler(Dictionary<string, string> answers) : HttpMessageHandler
{
    public const string Server = "http://registry.test";

    public List<string> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add(path);
        return Task.FromResult(answers.TryGetValue(path, out var body)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
