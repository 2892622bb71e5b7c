using System.Security.Cryptography;
using System.Text;

namespace DataIp.Crypto.Tests;

/// <summary>docs/signatures.md: its example verifies, and its by-hand commands verify a checkpoint with OpenSSL alone.</summary>
public sealed class SignaturesDocTests : IDisposable
{
    private const string Origin = "registry.example/log";

    private readonly TemporaryDirectory _temporary = new();

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Example_CheckpointVerifiesWithTheExampleVerifierKeys()
    {
        var keys = Block("<!-- example-verifier-keys -->").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NoteVerifierKey.Parse).ToArray();

        var result = SignedNote.Open(Block("<!-- example-checkpoint -->"), keys.Select(k => k.CreateVerifier()).ToArray());

        Assert.True(result.IsVerified, result.Failure?.Message);
        Assert.Equal([NoteKeyAlgorithm.Ed25519, NoteKeyAlgorithm.Sm2], keys.Select(k => k.Algorithm));
        Assert.Equal(2, result.Note.VerifiedSignatures.Count);
        Assert.Equal(12345, Checkpoint.Parse(result.Note.Text).TreeSize);
    }

    [Fact]
    public void ByHandCommands_FreshCheckpoint_VerifyBothSignatures()
    {
        WriteInputs(tamper: false);

        var result = RunDocumentedCommands();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Output.Split("Signature Verified Successfully").Length - 1);
    }

    [Fact]
    public void ByHandCommands_TamperedCheckpoint_Fail()
    {
        WriteInputs(tamper: true);

        var result = RunDocumentedCommands();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Signature Verification Failure", result.Output + result.Error);
    }

    /// <summary>
    /// A checkpoint signed by both keys and, to make the commands pick lines by key ID, by a third
    /// key of the same name that the verifier does not know.
    /// </summary>
    private void WriteInputs(bool tamper)
    {
        var ed25519 = Ed25519NoteSigner.Generate(Origin);
        var sm2 = Sm2NoteSigner.Generate(Origin);
        var note = SignedNote.Sign(new Checkpoint(Origin, 4096, SHA256.HashData("doc"u8)).ToNoteText(), Ed25519NoteSigner.Generate(Origin), sm2, ed25519);
        File.WriteAllText(_temporary.File("checkpoint.txt"), tamper ? note.Replace("\n4096\n", "\n4097\n", StringComparison.Ordinal) : note);
        File.WriteAllText(_temporary.File("ed25519.vkey"), ed25519.VerifierKey + "\n");
        File.WriteAllText(_temporary.File("sm2.vkey"), sm2.VerifierKey + "\n");
    }

    private OpenSsl.Result RunDocumentedCommands()
    {
        OpenSsl.Require();
        var script = string.Join("\n", BashBlocks("## Verifying a checkpoint by hand"));
        Assert.Contains("openssl pkeyutl -verify", script);
        File.WriteAllText(_temporary.File("verify.sh"), script);
        return OpenSsl.Process("/bin/bash", _temporary.Path, null, "-euo", "pipefail", "verify.sh");
    }

    /// <summary>The ```bash blocks of the section that starts with <paramref name="heading"/>.</summary>
    private static IEnumerable<string> BashBlocks(string heading)
    {
        var lines = DocLines();
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"docs/signatures.md has no \"{heading}\".");
        var inBlock = false;
        var block = new StringBuilder();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!inBlock && line == "```bash")
            {
                inBlock = true;
                block.Clear();
            }
            else if (inBlock && line == "```")
            {
                inBlock = false;
                yield return block.ToString();
            }
            else if (inBlock)
            {
                block.Append(line).Append('\n');
            }
        }
    }

    /// <summary>The fenced block after the marker line, with a final newline.</summary>
    private static string Block(string marker)
    {
        var lines = DocLines();
        var start = Array.IndexOf(lines, marker);
        Assert.True(start >= 0 && lines[start + 1].StartsWith("```", StringComparison.Ordinal), $"docs/signatures.md has no block after {marker}.");
        return string.Concat(lines.Skip(start + 2).TakeWhile(l => l != "```").Select(l => l + "\n"));
    }

    private static string[] DocLines() => File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "signatures.md"));

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
