using System.Text.Json;

namespace DataIp.Web.Features.Events;

/// <summary>
/// The public event feed, <c>GET /api/v1/events?after=CURSOR&amp;limit=N</c>: every act of the
/// public log in log order, each with the public fields exactly as its log entry holds them.
/// </summary>
/// <remarks>
/// Paging is by keyset on the log index (<c>WHERE Index &gt; after ORDER BY Index</c>), never by
/// offset, so a page costs the same however far the client has read. It is also safe: committed
/// entries always form a gap-free prefix of the log. An act's transaction takes its index from
/// the <c>log</c> serial when it saves (<c>PendingLogEntries</c>, <c>SerialNumbers.ReserveAsync</c>)
/// and holds the counter until it ends (on SQLite the write lock of its IMMEDIATE transaction; on
/// PostgreSQL the counter row's lock), so the next index goes only to a transaction that starts
/// after this one committed or rolled back, and a rollback gives its indices back. An entry with
/// an index at or below a page's last one can therefore never commit after the page was read: a
/// client that resumes from <c>next</c> misses nothing and sees nothing twice.
/// </remarks>
internal static class EventEndpoints
{
    private const int DefaultPage = 100;
    private const int MaxPage = 1000;

    public static void MapEventsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/events", ListAsync).WithTags("Transparency log").AllowAnonymous()
            .WithName("ListEvents").WithSummary("Every act of the public log in log order, after=CURSOR (the last index seen), limit=N (1–1000, default 100); resume from next (anyone).");

    private static async Task<Results<Ok<EventPage>, ValidationProblem>> ListAsync(string? after, string? limit, RegistryDbContext db, CancellationToken ct)
    {
        if (Cursor.Parse(after, limit, DefaultPage, MaxPage) is not { } page)
        {
            return Cursor.Problem(after, limit, MaxPage);
        }

        var entries = await db.LogEntries.AsNoTracking().Where(e => e.Index > page.After).OrderBy(e => e.Index).Take(page.Limit)
            .Select(e => new { e.Index, e.ActId, e.Entry }).ToListAsync(ct).ConfigureAwait(false);
        var events = new List<EventView>(entries.Count);
        foreach (var entry in entries)
        {
            using var json = JsonDocument.Parse(entry.Entry);
            var fields = json.RootElement.Clone();
            events.Add(new EventView(entry.Index, entry.ActId, fields.GetProperty("act").GetString()!, fields.GetProperty("at").GetString()!, fields));
        }

        return TypedResults.Ok(new EventPage(events, events.Count > 0 ? events[^1].Index : page.Next));
    }
}

/// <summary>One act of the public log.</summary>
/// <param name="Index">Its log index: the cursor.</param>
/// <param name="ActId">The act's id.</param>
/// <param name="Type">The act's type, as the entry's <c>act</c>.</param>
/// <param name="At">When it took effect, as the entry's <c>at</c> (UTC, seven fractional digits).</param>
/// <param name="Entry">The log entry: the canonical JSON whose leaf hash the log proves, parsed.</param>
public sealed record EventView(long Index, Guid ActId, string Type, string At, JsonElement Entry);

/// <summary>A page of the event feed; resume from <c>next</c> (absent only when the log is empty and no cursor was given).</summary>
/// <param name="Events">The acts, in log order.</param>
/// <param name="Next">The cursor to pass as <c>after</c> for the following page.</param>
public sealed record EventPage(IReadOnlyList<EventView> Events, long? Next);
