using DataIp.Web.Features.Ledger;
using DataIp.Web.Features.OpenData;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Pages.OpenData;

/// <summary>
/// The register's open data (anyone): the downloads (CSV and JSON Lines of the public register)
/// with their formats and row counts, the licence for reuse, the log checkpoint a download made
/// now corresponds to, and the DCAT-AP catalogue (docs/open-data.md).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db, LogSequencer sequencer, LogSigningKeys keys, IOptions<PlatformOptions> options) : PageModel
{
    /// <summary>The CSV download.</summary>
    public const string Csv = "/api/v1/open-data/registrations.csv";

    /// <summary>The JSON Lines download.</summary>
    public const string JsonLines = "/api/v1/open-data/registrations.jsonl";

    /// <summary>The DCAT-AP catalogue.</summary>
    public const string Catalog = "/api/v1/open-data/catalog";

    /// <summary>The columns of the CSV (and members of each JSON line).</summary>
    public static IReadOnlyList<string> Columns => RegisterExport.Columns;

    /// <summary>The publisher and licence.</summary>
    public OpenDataOptions Settings => options.Value.OpenData;

    /// <summary>How many registrations a download holds now.</summary>
    public int Registrations { get; private set; }

    /// <summary>The checkpoint a download made now corresponds to.</summary>
    public ExportCheckpoint Checkpoint { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (snapshot, checkpoint) = await ExportCheckpoint.OpenAsync(db, sequencer, keys, options, ct).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            Checkpoint = checkpoint;
            Registrations = await RegisterRows.CountAsync(db, ct).ConfigureAwait(false);
        }
    }
}
