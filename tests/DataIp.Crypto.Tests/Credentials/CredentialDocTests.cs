using System.Text;
using System.Text.Json.Nodes;
using DataIp.Crypto.Credentials;

namespace DataIp.Crypto.Tests.Credentials;

/// <summary>docs/credential.md: its example verifies, and its script and OpenSSL commands verify both proofs.</summary>
public sealed class CredentialDocTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly TemporaryDirectory _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Example_VerifiesWithTheExampleDidDocument()
    {
        var did = JsonNode.Parse(Block("<!-- example-did -->"))!.AsObject();
        Assert.True(IssuerDocument.TryReadVerificationMethods(did, out var methods, out var error), error);

        var result = CredentialVerifier.Verify(Block("<!-- example-credential -->"), methods);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(2, result.Proofs.Count);
    }

    [Fact]
    public void DocumentedCommands_Example_VerifyBothProofs()
    {
        File.WriteAllText(_temporary.File("credential.json"), Block("<!-- example-credential -->"));
        File.WriteAllText(_temporary.File("did.json"), Block("<!-- example-did -->"));

        var result = RunDocumentedCommands();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Output.Split("Signature Verified Successfully").Length - 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DocumentedCommands_FreshCredential_VerifyOnlyUntampered(bool tamper)
    {
        var fixture = new CredentialFixture();
        var credential = fixture.Issue();
        if (tamper)
        {
            credential["credentialSubject"]!["registrationNumber"] = "DIP-2026-000124";
        }

        File.WriteAllText(_temporary.File("credential.json"), credential.ToJsonString());
        File.WriteAllText(_temporary.File("did.json"), IssuerDocument.Create(CredentialFixture.Issuer, fixture.Methods).ToJsonString());

        var result = RunDocumentedCommands();

        Assert.Equal(tamper, result.ExitCode != 0);
        Assert.Equal(tamper, (result.Output + result.Error).Contains("Signature Verification Failure", StringComparison.Ordinal));
    }

    private OpenSsl.Result RunDocumentedCommands()
    {
        OpenSsl.Require();
        if (!File.Exists(Python))
        {
            Assert.Skip($"{Python} is not installed.");
        }

        File.WriteAllText(_temporary.File("hashdata.py"), Block("<!-- hashdata-py -->"));
        var script = Section("## Verifying with OpenSSL", "```bash");
        Assert.Contains("openssl pkeyutl -verify", script, StringComparison.Ordinal);
        File.WriteAllText(_temporary.File("verify.sh"), script);
        return OpenSsl.Process("/bin/bash", _temporary.Path, null, "-euo", "pipefail", "verify.sh");
    }

    /// <summary>The first fenced block opening with <paramref name="fence"/> in the section <paramref name="heading"/>.</summary>
    private static string Section(string heading, string fence)
    {
        var lines = DocLines();
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"docs/credential.md has no \"{heading}\".");
        var open = Array.IndexOf(lines, fence, start);
        Assert.True(open > start, $"docs/credential.md has no {fence} block under \"{heading}\".");
        return string.Concat(lines.Skip(open + 1).TakeWhile(l => l != "```").Select(l => l + "\n"));
    }

    /// <summary>The fenced block after the marker line, with a final newline.</summary>
    private static string Block(string marker)
    {
        var lines = DocLines();
        var start = Array.IndexOf(lines, marker);
        Assert.True(start >= 0 && lines[start + 1].StartsWith("```", StringComparison.Ordinal), $"docs/credential.md has no block after {marker}.");
        return string.Concat(lines.Skip(start + 2).TakeWhile(l => l != "```").Select(l => l + "\n"));
    }

    private static string[] DocLines() => File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "credential.md"), Encoding.UTF8);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find DataIp.slnx above the test binaries.");
    }
}
