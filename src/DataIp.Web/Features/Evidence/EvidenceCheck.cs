using DataIp.Domain.Fingerprinting;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Web.Features.Evidence;

/// <summary>
/// <c>POST /api/v1/registrations/{registrationNumber}/evidence/check</c>: anyone checks a
/// <c>dataip prove</c> proof (a row, file or chunk) against the fingerprint a registration was
/// made with. The platform never saw the data; the proof carries the sample and its audit path.
/// </summary>
internal static class EvidenceCheck
{
    /// <summary>The largest proof accepted: a chunk proof of a chunk up to 32 MiB, base64-encoded.</summary>
    public const long MaxProofBytes = 48L * 1024 * 1024;

    public static async Task<Results<Ok<EvidenceCheckResult>, ValidationProblem, ProblemHttpResult>> CheckAsync(string registrationNumber, HttpRequest request, RegistryDbContext db, CancellationToken ct)
    {
        var body = await RequestBodies.ReadJsonTextAsync(request, MaxProofBytes, ct).ConfigureAwait(false);
        if (body.Problem is { } problem)
        {
            return problem.AnswerFor<Ok<EvidenceCheckResult>>();
        }

        var read = FingerprintJson.ReadProof(body.Value!);
        if (!read.IsSuccess)
        {
            return Problems.Field(Problems.JsonField(read.Field), read.Message);
        }

        var application = await db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct).ConfigureAwait(false);
        if (application is null)
        {
            return Problems.NotFound($"Registration {registrationNumber}");
        }

        var fingerprint = application.Content.Evidence?.Fingerprint;
        if (fingerprint?.Format is null || fingerprint.Root is null || !Hash.TryFromHex(fingerprint.Root, out var root))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "No fingerprint manifest",
                $"Registration {registrationNumber} was made without a dataip fingerprint manifest (its evidence is a plain hash or a reference), so no row, file or chunk can be proven against it.");
        }

        var proof = read.Value!;
        var (valid, failure, message) = Verify(proof, fingerprint.HashAlgorithm!.Value, root, registrationNumber);
        var logged = await LoggedAtAsync(db, application.Id, fingerprint.Root, ct).ConfigureAwait(false);
        return TypedResults.Ok(new EvidenceCheckResult(
            registrationNumber, valid, failure, message,
            JsonNaming.Camel(proof.Kind), proof.Row?.Number, proof.File?.Path, proof.Chunk?.Index,
            fingerprint.HashAlgorithm.Value, fingerprint.Root, fingerprint.ComputedAt, application.RegistrationDate, logged?.LogIndex, logged?.At));
    }

    private static (bool Valid, string? Failure, string Message) Verify(FingerprintProof proof, FingerprintAlgorithm registered, Hash root, string registrationNumber)
    {
        if (proof.HashAlgorithm != registered)
        {
            return (false, "hashAlgorithmMismatch",
                $"The proof uses {JsonNaming.Camel(proof.HashAlgorithm)}; registration {registrationNumber} was fingerprinted with {JsonNaming.Camel(registered)}.");
        }

        var check = FingerprintProofChecker.Check(proof, root);
        return (check.IsValid, check.IsValid ? null : JsonNaming.Camel(check.Failure), check.Message);
    }

    /// <summary>The act that first put this root in the public log: the evidence's date.</summary>
    private static async Task<(long? LogIndex, DateTimeOffset At)?> LoggedAtAsync(RegistryDbContext db, Guid applicationId, string root, CancellationToken ct)
    {
        string[] filings = [ActCatalogue.Of<SubmitAct>().Name, ActCatalogue.Of<ResubmitAct>().Name];
        var acts = await db.Acts.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && filings.Contains(a.Type))
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.LogIndex, a.At, a.Type, a.Payload })
            .ToListAsync(ct).ConfigureAwait(false);
        var first = acts.FirstOrDefault(a => ActJson.Read(a.Type, a.Payload) switch
        {
            SubmitAct submit => submit.Fingerprint?.Root == root,
            ResubmitAct resubmit => resubmit.Fingerprint?.Root == root,
            _ => false,
        });
        return first is null ? null : (first.LogIndex, first.At);
    }
}

/// <summary>The outcome of checking a proof against a registration.</summary>
/// <param name="RegistrationNumber">The registration checked against.</param>
/// <param name="Valid">Whether the proof leads to the registered root.</param>
/// <param name="Failure">Why not, as a code (rootMismatch, leafNotInTree, chunkNotInFile, …).</param>
/// <param name="Message">Why not, or that it is valid, in words.</param>
/// <param name="Kind">row, file or chunk.</param>
/// <param name="Row">The row number, for a row proof.</param>
/// <param name="File">The file's path, for a file or chunk proof.</param>
/// <param name="Chunk">The chunk index, for a chunk proof.</param>
/// <param name="HashAlgorithm">The registered fingerprint's hash algorithm.</param>
/// <param name="Root">The registered fingerprint root.</param>
/// <param name="ComputedAt">When the holder computed the fingerprint.</param>
/// <param name="RegistrationDate">When the data was registered.</param>
/// <param name="LogIndex">The public log entry that first recorded the root.</param>
/// <param name="LoggedAt">When that entry was made.</param>
public sealed record EvidenceCheckResult(
    string RegistrationNumber, bool Valid, string? Failure, string Message, string Kind, long? Row, string? File, long? Chunk,
    FingerprintAlgorithm HashAlgorithm, string Root, DateTimeOffset? ComputedAt, DateOnly? RegistrationDate, long? LogIndex, DateTimeOffset? LoggedAt);
