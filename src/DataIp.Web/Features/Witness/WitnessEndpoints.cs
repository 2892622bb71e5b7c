using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DataIp.Crypto;
using DataIp.Data.Witness;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Web.Features.Witness;

/// <summary>
/// The node as a witness (c2sp.org/tlog-witness): <c>POST /log/add-checkpoint</c> cosigns a
/// witnessed log's checkpoint that is consistent with the last one it cosigned; the witness key is
/// published at <c>GET /log/witness-key</c>.
/// </summary>
internal static class WitnessEndpoints
{
    /// <summary>The media type of a 409 body that tells the client the size the witness has (tlog-witness).</summary>
    public const string SizeMediaType = "text/x.tlog.size";

    /// <summary>Largest request body read: 63 proof lines and a checkpoint with 100 signatures fit many times over.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapWitnessApi(this IEndpointRouteBuilder app)
    {
        // Created now, not at the first request: a bad witness setting stops the node at start.
        var keys = app.ServiceProvider.GetRequiredService<WitnessKeys>();
        var log = app.MapGroup("/log").WithTags("Witness").AllowAnonymous();
        log.MapGet("/witness-key", () => TypedResults.Text(keys.Signer.VerifierKey + "\n", "text/plain; charset=utf-8"))
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithName("GetWitnessKey")
            .WithSummary("This node's witness key: a cosignature verifier key, signature type 0x04 (c2sp.org/tlog-cosignature; anyone).");
        // Anonymous by design: the spec's only authentication is the log's signature on the checkpoint.
        // The body (old size, proof, checkpoint) is text the endpoint reads itself, of no declared media type.
        log.MapPost("/add-checkpoint", AddCheckpointAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces<string>(StatusCodes.Status409Conflict, SizeMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("AddCheckpoint")
            .WithSummary("Cosign a witnessed log's checkpoint, given a consistency proof from the last one cosigned (c2sp.org/tlog-witness; anyone).");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AddCheckpointAsync(
        HttpRequest http, WitnessKeys keys, RegistryDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var bytes = await RequestBodies.ReadBytesAsync(http, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"An add-checkpoint body is at most {MaxBodyBytes} bytes.");
        }

        if (!Utf8.IsValid(bytes))
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Malformed add-checkpoint request", "The body is not valid UTF-8.");
        }

        var body = Encoding.UTF8.GetString(bytes);
        if (!AddCheckpointRequest.TryParse(body, out var request, out var malformed))
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Malformed add-checkpoint request", malformed);
        }

        if (!keys.Logs.TryGetValue(request.Origin, out var log))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Unknown log", $"This witness does not witness the log \"{request.Origin}\".");
        }

        // The origin was read from the note's first line and the keys are named after it, so a
        // checkpoint that verifies is of this log (CheckpointFailure.WrongOrigin cannot occur).
        var verified = log.VerifyCheckpoint(request.Note, []);
        if (!verified.IsVerified)
        {
            return verified.Failure is CheckpointFailure.InvalidSignature or CheckpointFailure.NoVerifiedSignature
                ? Problems.Status(StatusCodes.Status403Forbidden, "Checkpoint not signed by the log", verified.Message)
                : Problems.Status(StatusCodes.Status400BadRequest, "Malformed checkpoint", verified.Message);
        }

        var checkpoint = verified.Checkpoint;
        if (request.OldSize > checkpoint.TreeSize)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Old size beyond the checkpoint",
                Invariant($"The old size {request.OldSize} is larger than the checkpoint's size {checkpoint.TreeSize}."));
        }

        var logger = loggers.CreateLogger(typeof(WitnessEndpoints).FullName!);
        var store = new WitnessStore(db);
        var state = await store.FindAsync(checkpoint.Origin, cancellationToken).ConfigureAwait(false);
        if (request.OldSize != (state?.TreeSize ?? 0))
        {
            return SizeConflict(state?.TreeSize ?? 0);
        }

        if (CheckConsistency(request, checkpoint, state) is { } refusal)
        {
            // The log signed a checkpoint that does not extend what it showed this witness before:
            // possibly proof of misbehaviour (tlog-witness: the witness MAY log such requests).
            logger.LogWarning("Refused to cosign {Origin} at size {Size} from {OldSize}: {Detail}. Request: {Body}",
                checkpoint.Origin, checkpoint.TreeSize, request.OldSize, refusal.Detail, body);
            return Problems.Status(refusal.Status, refusal.Title, refusal.Detail);
        }

        if (!await store.TryAdvanceAsync(checkpoint.Origin, request.OldSize, checkpoint.TreeSize, checkpoint.RootHash.ToArray(), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            // Another request advanced the record between our read and our write.
            return SizeConflict((await store.FindAsync(checkpoint.Origin, cancellationToken).ConfigureAwait(false))?.TreeSize ?? 0);
        }

        var line = keys.Signer.Cosign(verified.Note.Text, clock.GetUtcNow());
        logger.LogInformation("Cosigned {Origin} at size {Size} (from {OldSize})", checkpoint.Origin, checkpoint.TreeSize, request.OldSize);
        return TypedResults.Text(line, "text/plain; charset=utf-8");
    }

    /// <summary>
    /// The proof checks of tlog-witness, for an old size equal to the recorded one: from size 0 the
    /// proof is empty (and a size-0 checkpoint has the empty tree's root); for equal sizes the proof
    /// is empty and the roots must match (409 otherwise); else the RFC 9162 §2.1.4.2 proof must
    /// lead from the recorded root to the checkpoint's (422 otherwise).
    /// </summary>
    private static (int Status, string Title, string Detail)? CheckConsistency(AddCheckpointRequest request, Checkpoint checkpoint, WitnessState? state)
    {
        var root = Hash.FromBytes(checkpoint.RootHash);
        if (request.OldSize != 0 && request.OldSize == checkpoint.TreeSize)
        {
            return request.Proof.Count != 0 ? BadProof(Invariant($"A checkpoint of the recorded size {request.OldSize} needs an empty proof, not {request.Proof.Count} hashes."))
                : Hash.FromBytes(state!.RootHash) != root ? (StatusCodes.Status409Conflict, "Conflicting root hash",
                    Invariant($"This witness cosigned size {state.TreeSize} with the root {Convert.ToBase64String(state.RootHash)}; this checkpoint has {root.ToBase64()}."))
                : null;
        }

        if (request.OldSize == 0)
        {
            return request.Proof.Count != 0 ? BadProof(Invariant($"From old size 0 the proof must be empty, not {request.Proof.Count} hashes."))
                : checkpoint.TreeSize == 0 && root != Rfc9162.EmptyRoot ? BadProof("A checkpoint of size 0 must carry the empty tree's root hash.")
                : null;
        }

        var check = MerkleProof.VerifyConsistency((ulong)request.OldSize, (ulong)checkpoint.TreeSize, request.Proof, Hash.FromBytes(state!.RootHash), root);
        return check.IsValid ? null : BadProof($"The consistency proof does not verify: {check.Message}");
    }

    private static (int, string, string) BadProof(string detail) => (StatusCodes.Status422UnprocessableEntity, "Consistency proof does not verify", detail);

    // tlog-witness: the body is the recorded size in decimal and a newline, as text/x.tlog.size.
    private static ContentHttpResult SizeConflict(long recorded) => TypedResults.Text(Invariant($"{recorded}\n"), SizeMediaType, statusCode: StatusCodes.Status409Conflict);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
