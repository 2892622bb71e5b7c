using System.Diagnostics;
using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>SHA-256 and SM3 as the fingerprint computes them agree with <c>openssl dgst</c> on
/// generated files: the plain digest, and a one-chunk file's root H(0x00 || content) (H() when empty).</summary>
public sealed class OpenSslAgreementTests
{
    private const string OpenSsl = "/usr/bin/openssl";

    [Theory]
    [InlineData(FingerprintAlgorithm.Sha256, "-sha256", 0)]
    [InlineData(FingerprintAlgorithm.Sha256, "-sha256", 55)]
    [InlineData(FingerprintAlgorithm.Sha256, "-sha256", 100_000)]
    [InlineData(FingerprintAlgorithm.Sm3, "-sm3", 0)]
    [InlineData(FingerprintAlgorithm.Sm3, "-sm3", 64)]
    [InlineData(FingerprintAlgorithm.Sm3, "-sm3", 100_000)]
    public void Hashes_GeneratedFiles_AgreeWithOpenSsl(FingerprintAlgorithm algorithm, string flag, int length)
    {
        if (!File.Exists(OpenSsl))
        {
            Assert.Skip($"{OpenSsl} is not installed, so the OpenSSL agreement cannot be checked.");
        }

        using var dir = new TempDirectory();
        var content = TestData.Bytes(new Random(length), length);
        var file = dir.File("data.bin", content);
        var prefixed = dir.File("leaf.bin", [0x00, .. content]);
        var hash = FingerprintHash.For(algorithm);
        var digest = new byte[32];
        hash.HashData(content, digest);

        var record = TestData.Files(file, algorithm, chunkSize: 1 << 20);
        var proof = FingerprintProver.ProveFile(file, record, "data.bin", null);

        Assert.Equal(Dgst(flag, file), Convert.ToHexStringLower(digest));
        Assert.Equal(Dgst(flag, length == 0 ? file : prefixed), proof.File!.Root.ToString()); // §2.5: an empty file's root is H()
    }

    private static string Dgst(string flag, string path)
    {
        var start = new ProcessStartInfo(OpenSsl) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "dgst", flag, "-r", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Split(' ')[0].Trim();
    }
}
