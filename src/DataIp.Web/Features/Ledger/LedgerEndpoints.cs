using System.Text;
using System.Text.Json;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Web.Features.Ledger;

/// <summary>
/// The public log: the C2SP tlog-tiles read API under <c>/log</c> and JSON proofs under
/// <c>/api/v1/log</c>. Everything is served up to the latest signed checkpoint only.
/// </summary>
internal static class LedgerEndpoints
{
    /// <summary>The media type of the log's text: checkpoints and verifier keys.</summary>
    private const string Text = "text/plain";

    public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/log").WithTags("Transparency log").AllowAnonymous();
        log.MapGet("/checkpoint", CheckpointAsync).Produces<string>(StatusCodes.Status200OK, Text)
            .WithName("GetCheckpoint").WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint signed note; anyone).");
        log.MapGet("/keys", (LogSigningKeys keys) => TypedResults.Text(keys.VerifierKeys.ToString(), "text/plain; charset=utf-8"))
            .Produces<string>(StatusCodes.Status200OK, Text)
            .WithName("GetLogKeys").WithSummary("The log's verifier keys, Ed25519 then SM2, in the signed-note verifier-key format (anyone).");
        log.MapGet("/tile/{**path}", TileAsync).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .WithName("GetTile").WithSummary("A hash tile or entry bundle (C2SP tlog-tiles; anyone).");

        var api = app.MapGroup("/api/v1/log").WithTags("Transparency log").AllowAnonymous();
        api.MapGet("/proofs/inclusion", InclusionAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetInclusionProof").WithSummary("Inclusion proof of entry `index` in the tree of `size` entries (anyone).");
        api.MapGet("/proofs/consistency", ConsistencyAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConsistencyProof").WithSummary("Consistency proof between tree sizes `from` and `to` (anyone).");
        api.MapGet("/entries/{index:long}", EntryAsync).WithName("GetLogEntry").WithSummary("One log entry with its act decoded (anyone).");
        api.MapGet("/entries/{index:long}/proof", EntryProofAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetEntryProof")
            .WithSummary("Inclusion proof of entry `index` in the latest checkpoint's tree (anyone): what the record pages link each act to. 404 until a checkpoint covers the entry.");
    }

    private static async Task<ContentHttpResult> CheckpointAsync(RegistryDbContext db, LogSequencer sequencer, HttpContext http, CancellationToken ct)
    {
        var latest = await new LogStore(db).LatestCheckpointAsync(ct).ConfigureAwait(false)
            ?? await sequencer.PublishAsync(ct).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(latest.Note, "text/plain; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TileAsync(string path, RegistryDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!TilePath.TryParse("tile/" + path, out var tile, out var error))
        {
            return Problems.Field("path", error);
        }

        var store = new LogStore(db);
        var size = (await store.LatestCheckpointAsync(ct).ConfigureAwait(false))?.TreeSize ?? 0;
        if (!tile.IsIn((ulong)size))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "No such tile",
                $"The latest checkpoint has {size} entries: it has no {tile}.");
        }

        // Within the tree, so the first node's number is below its size and fits a long.
        var start = (long)tile.Index * Tile.FullWidth;
        http.Response.Headers.CacheControl = tile.IsPartial ? "public, max-age=60" : "public, max-age=31536000, immutable";
        if (!tile.IsEntryBundle)
        {
            return TypedResults.Bytes(await store.ReadLevelAsync(Tile.Height * tile.Level, start, tile.Width, ct).ConfigureAwait(false), "application/octet-stream");
        }

        var bundle = new MemoryStream();
        foreach (var entry in await store.ReadEntriesAsync(start, tile.Width, ct).ConfigureAwait(false))
        {
            bundle.WriteByte((byte)(entry.Length >> 8));
            bundle.WriteByte((byte)entry.Length);
            bundle.Write(entry);
        }

        return TypedResults.Bytes(bundle.ToArray(), "application/octet-stream");
    }

    private static async Task<Results<Ok<InclusionProofView>, ValidationProblem, ProblemHttpResult>> InclusionAsync(long? index, long? size, RegistryDbContext db, CancellationToken ct)
    {
        var store = new LogStore(db);
        var published = (await store.LatestCheckpointAsync(ct).ConfigureAwait(false))?.TreeSize ?? 0;
        if (RangeError(size, "size", 1, published) is { } badSize)
        {
            return badSize.AnswerFor<Ok<InclusionProofView>>();
        }

        if (RangeError(index, "index", 0, size!.Value - 1) is { } badIndex)
        {
            return badIndex.AnswerFor<Ok<InclusionProofView>>();
        }

        return TypedResults.Ok(await ProveAsync(store, index!.Value, size.Value, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<InclusionProofView>, ValidationProblem, ProblemHttpResult>> EntryProofAsync(long index, RegistryDbContext db, CancellationToken ct)
    {
        var store = new LogStore(db);
        var published = (await store.LatestCheckpointAsync(ct).ConfigureAwait(false))?.TreeSize ?? 0;
        if (index < 0)
        {
            return Problems.Field("index", $"index must be 0 or more; it is {index}.");
        }

        // An act is committed before the sequencer integrates it: until a checkpoint covers it, there is nothing to prove it against.
        if (index >= published)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not yet in a checkpoint",
                $"The latest checkpoint has {published} entries: entry {index} is not in it yet. Checkpoints are signed every few seconds; ask again.");
        }

        return TypedResults.Ok(await ProveAsync(store, index, published, ct).ConfigureAwait(false));
    }

    // RFC 9162 §2.1.3.1: the proof of entry index in the tree of size entries, with the leaf and the root it leads to.
    private static async Task<InclusionProofView> ProveAsync(LogStore store, long index, long size, CancellationToken ct)
    {
        var nodes = MerkleProof.InclusionNodes((ulong)index, (ulong)size);
        var proof = nodes.Rehash(await store.GetHashesAsync(nodes.Ids, ct).ConfigureAwait(false));
        var leaf = (await store.GetHashesAsync([new NodeId(0, (ulong)index)], ct).ConfigureAwait(false))[0];
        var root = await store.RootAtAsync(size, ct).ConfigureAwait(false);
        return new InclusionProofView(index, size, leaf.ToBase64(), root.ToBase64(), [.. proof.Select(h => h.ToBase64())]);
    }

    private static async Task<Results<Ok<ConsistencyProofView>, ValidationProblem, ProblemHttpResult>> ConsistencyAsync(long? from, long? to, RegistryDbContext db, CancellationToken ct)
    {
        var store = new LogStore(db);
        var published = (await store.LatestCheckpointAsync(ct).ConfigureAwait(false))?.TreeSize ?? 0;
        // A consistency proof from the empty tree is refused (docs/transparency-log.md): every tree
        // is consistent with it, so there is nothing to prove.
        if (RangeError(to, "to", 1, published) is { } badTo)
        {
            return badTo.AnswerFor<Ok<ConsistencyProofView>>();
        }

        if (RangeError(from, "from", 1, to!.Value) is { } badFrom)
        {
            return badFrom.AnswerFor<Ok<ConsistencyProofView>>();
        }

        var nodes = MerkleProof.ConsistencyNodes((ulong)from!.Value, (ulong)to.Value);
        var proof = nodes.Rehash(await store.GetHashesAsync(nodes.Ids, ct).ConfigureAwait(false));
        var fromRoot = await store.RootAtAsync(from.Value, ct).ConfigureAwait(false);
        var toRoot = await store.RootAtAsync(to.Value, ct).ConfigureAwait(false);
        return TypedResults.Ok(new ConsistencyProofView(from.Value, to.Value, fromRoot.ToBase64(), toRoot.ToBase64(), [.. proof.Select(h => h.ToBase64())]));
    }

    private static async Task<Results<Ok<LogEntryView>, ValidationProblem, ProblemHttpResult>> EntryAsync(long index, RegistryDbContext db, CancellationToken ct)
    {
        var store = new LogStore(db);
        var published = (await store.LatestCheckpointAsync(ct).ConfigureAwait(false))?.TreeSize ?? 0;
        if (RangeError(index, "index", 0, published - 1) is { } bad)
        {
            return bad.AnswerFor<Ok<LogEntryView>>();
        }

        var entry = (await store.ReadEntryAsync(index, ct).ConfigureAwait(false))!;
        using var json = JsonDocument.Parse(entry.Entry);
        return TypedResults.Ok(new LogEntryView(index, Convert.ToBase64String(entry.LeafHash), json.RootElement.Clone(), Encoding.UTF8.GetString(entry.Entry)));
    }

    private static Results<ValidationProblem, ProblemHttpResult>? RangeError(long? value, string field, long min, long max)
    {
        if (value is null)
        {
            return Problems.Field(field, $"Give {field}.");
        }

        if (max < min)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not in the log", $"The latest checkpoint has no {field} {value}: the log is too small.");
        }

        if (value < min || value > max)
        {
            return Problems.Field(field, $"{field} must be between {min} and {max} (the latest checkpoint's range); it is {value}.");
        }

        return null;
    }
}

/// <summary>An inclusion proof (RFC 9162 §2.1.3), hashes in base64.</summary>
public sealed record InclusionProofView(long Index, long Size, string LeafHash, string RootHash, IReadOnlyList<string> Proof);

/// <summary>A consistency proof (RFC 9162 §2.1.4), hashes in base64.</summary>
public sealed record ConsistencyProofView(long From, long To, string FromRootHash, string ToRootHash, IReadOnlyList<string> Proof);

/// <summary>A log entry: its leaf hash, the act decoded, and the exact canonical text that was hashed.</summary>
public sealed record LogEntryView(long Index, string LeafHash, JsonElement Act, string Canonical);
