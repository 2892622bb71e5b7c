using DataIp.Domain.Fingerprinting;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>Shared inputs and shortcuts for the fingerprint tests.</summary>
internal static class TestData
{
    public const string Tool = "dataip test";

    /// <summary>Random bytes with some runs of one byte, so chunks and candidates vary.</summary>
    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length > 100 && random.Next(2) == 0)
        {
            var at = random.Next(length - 50);
            Array.Fill(bytes, (byte)random.Next(256), at, random.Next(1, 50));
        }

        return bytes;
    }

    public static FingerprintManifest Files(string path, FingerprintAlgorithm algorithm = FingerprintAlgorithm.Sha256, int chunkSize = 4096, int threads = 2) =>
        Fingerprinter.FingerprintFiles(path, new FilesOptions(algorithm, chunkSize, threads), TimeProvider.System, Tool, cancellationToken: TestContext.Current.CancellationToken);

    public static FingerprintManifest Rows(string path, RowFormat format, FingerprintAlgorithm algorithm = FingerprintAlgorithm.Sha256, RowEncoding encoding = RowEncoding.Utf8, char delimiter = ',', bool header = true) =>
        Fingerprinter.FingerprintRows(path, new RowsOptions(algorithm, format, encoding, delimiter, header), TimeProvider.System, Tool, cancellationToken: TestContext.Current.CancellationToken);
}
