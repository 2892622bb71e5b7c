using DataIp.Data.TransparencyLog;
using DataIp.Web.Features.Ledger;

namespace DataIp.Web.Pages.Log;

/// <summary>An entry of the log as the log page lists it.</summary>
/// <param name="Index">Its index in the log.</param>
/// <param name="Type">The act's type.</param>
/// <param name="At">When the act was done.</param>
/// <param name="ActorRole">The role of who did it, as the log records it.</param>
/// <param name="ApplicationNumber">The application it was done on, if it has a number.</param>
public sealed record LogRow(long Index, string Type, DateTimeOffset At, string ActorRole, string? ApplicationNumber);

/// <summary>
/// The transparency log (anyone): its latest checkpoint as <c>GET /log/checkpoint</c> publishes
/// it (origin, size, root hash, the signed note), the verifier keys of <c>GET /log/keys</c>, the
/// <c>dataip log verify</c> command that checks it all from this node's public address, and the
/// entries within the checkpoint, latest first, a page at a time.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryDbContext db, LogSigningKeys keys, PublicAddress address) : PageModel
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 25;

    /// <summary>The latest checkpoint, or null before the first is published.</summary>
    public LogCheckpoint? Checkpoint { get; private set; }

    /// <summary>The checkpoint's origin line (the log's name).</summary>
    public string Origin => Checkpoint?.Note.Split('\n')[0] ?? "";

    /// <summary>The root hash, base64 as in the note.</summary>
    public string RootHash => Checkpoint is null ? "" : Convert.ToBase64String(Checkpoint.RootHash);

    /// <summary>The verifier keys, one per line.</summary>
    public string VerifierKeys => keys.VerifierKeys.ToString();

    /// <summary>This node's public base URL, without the closing slash.</summary>
    public string Server => address.Current.AbsoluteUri.TrimEnd('/');

    /// <summary>The entries of this page, latest first.</summary>
    public IReadOnlyList<LogRow> Entries { get; private set; } = [];

    /// <summary>The index below which the next page starts, when there is one.</summary>
    public long? Older { get; private set; }

    /// <summary>The page's start (entries below this index), from <c>?before=</c>.</summary>
    public long? Before { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        Checkpoint = await new LogStore(db).LatestCheckpointAsync(ct).ConfigureAwait(false);
        var size = Checkpoint?.TreeSize ?? 0;
        Before = before is { } b && b > 0 && b < size ? b : null;
        var below = Before ?? size;
        var rows = await db.Acts.AsNoTracking().Where(a => a.LogIndex < below).OrderByDescending(a => a.LogIndex).Take(PageSize + 1)
            .Select(a => new
            {
                a.LogIndex,
                a.Type,
                a.At,
                a.ActorRole,
                Number = db.Applications.Where(p => p.Id == a.ApplicationId && p.NoticeStartedAt != null).Select(p => p.ApplicationNumber).FirstOrDefault(),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        Entries = [.. rows.Take(PageSize).Select(r => new LogRow(r.LogIndex, r.Type, r.At, r.ActorRole, r.Number))];
        Older = rows.Count > PageSize ? Entries[^1].Index : null;
    }
}
