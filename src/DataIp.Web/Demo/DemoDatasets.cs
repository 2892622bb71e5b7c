using System.Globalization;
using System.Text;
using System.Text.Json;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Web.Demo;

/// <summary>
/// The demo's datasets: a small CSV per demo application, written under the data directory
/// (<c>demo-datasets/</c>) and fingerprinted there exactly as <c>dataip fingerprint --rows csv</c>
/// does, so that the demo's evidence is real: a holder can prove a row of a registered dataset
/// with <c>dataip prove</c> and check it at <c>POST /api/v1/registrations/{n}/evidence/check</c>,
/// and the examiner sees an overlap where one dataset reuses another's rows.
/// </summary>
/// <remarks>
/// Each file is generated from its own seed, so the files, and so the roots, are the same on every
/// machine; rows are <c>grid_id,window_start,flow</c>, the structure the demo applications declare.
/// </remarks>
internal sealed class DemoDatasets(string directory)
{
    /// <summary>Rows per demo dataset.</summary>
    public const int Rows = 2000;

    private static readonly DateTime Start = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, string[]> _rows = new(StringComparer.Ordinal);
    private readonly StringBuilder _index = new();

    /// <summary>The directory the datasets are written to.</summary>
    public string Directory => directory;

    /// <summary>
    /// Writes the dataset of <paramref name="dataName"/> (number <paramref name="number"/>) and
    /// returns its fingerprint as an application carries it. With <paramref name="reuses"/>, the
    /// first <paramref name="reusedRows"/> rows are that earlier dataset's.
    /// </summary>
    public DataFingerprint Write(int number, string dataName, DateTimeOffset computedAt, string? reuses = null, int reusedRows = 0)
    {
        var rows = Generate(number);
        if (reuses is not null)
        {
            var earlier = _rows[reuses];
            Array.Copy(earlier, rows, Math.Min(reusedRows, Rows));
        }

        _rows[dataName] = rows;
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(number));
        var text = new StringBuilder("grid_id,window_start,flow\n");
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _index.Append(FileName(number)).Append('\t').Append(dataName).Append('\n');
        File.WriteAllText(Path.Combine(directory, "index.txt"), _index.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var manifest = Fingerprinter.FingerprintRows(
            path, new RowsOptions(FingerprintAlgorithm.Sha256, RowFormat.Csv), new DemoClock(computedAt.ToUniversalTime()), "dataip demo");
        // The manifest as `dataip fingerprint --out` writes it, pasted into the application.
        return JsonSerializer.Deserialize<DataFingerprint>(FingerprintJson.WriteManifest(manifest), ApplicationContentJson.Options)
            ?? throw new InvalidOperationException("Demo: the fingerprint manifest did not read back.");
    }

    /// <summary>The file name of dataset <paramref name="number"/>.</summary>
    public static string FileName(int number) => string.Create(CultureInfo.InvariantCulture, $"dataset-{number:00}.csv");

    private static string[] Generate(int number)
    {
        // A fixed seed per dataset: System.Random with a seed gives the same sequence everywhere.
        var random = new Random(7919 * (number + 1));
        var rows = new string[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var window = Start.AddMinutes(5 * (i / 50));
            rows[i] = string.Create(CultureInfo.InvariantCulture,
                $"G{number:00}-{i % 50:000},{window:yyyy-MM-dd'T'HH:mm:ss'Z'},{random.Next(0, 2000)}");
        }

        return rows;
    }
}
