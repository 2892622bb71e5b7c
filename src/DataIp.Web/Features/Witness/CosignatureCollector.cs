using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using DataIp.Crypto;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using DataIp.Web.Features.Ledger;
using Microsoft.Extensions.Options;

namespace DataIp.Web.Features.Witness;

/// <summary>
/// Asks the configured witnesses (<c>DataIp:Witness:CosignerUrls</c>) to cosign each checkpoint the
/// log signs, per c2sp.org/tlog-witness, and appends the cosignatures that verify with
/// <c>DataIp:Witness:CosignerKeys</c> to the stored checkpoint, so <c>GET /log/checkpoint</c> serves them.
/// </summary>
/// <remarks>
/// Runs in the background after the sequencer signs (<see cref="LogSequencer.CheckpointSigned"/>),
/// and once at start. A witness that fails, times out or answers badly is logged and asked again at
/// the next checkpoint: collecting never blocks or stops the log. Rounds never overlap. The size each
/// witness last accepted is remembered in memory; after a restart it is learned from the witness's
/// 409 answer (tlog-witness: a client without it "MAY initially make a request with an old size of zero").
/// </remarks>
public sealed class CosignatureCollector : BackgroundService
{
    /// <summary>The name of the <see cref="HttpClient"/> used for witnesses (tests give it an in-memory handler).</summary>
    public const string HttpClientName = "DataIp.Witness.Cosigners";

    private readonly IServiceScopeFactory _scopes;
    private readonly LogSequencer _sequencer;
    private readonly IHttpClientFactory _http;
    private readonly ILogger<CosignatureCollector> _logger;
    private readonly IReadOnlyList<Cosigner> _cosigners;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guarded by _gate: the size each witness last accepted from this log.
    private readonly Dictionary<Uri, long> _accepted = [];

    /// <summary>Reads the cosigner settings and listens to the sequencer.</summary>
    /// <exception cref="InvalidOperationException">A cosigner URL or key is not valid, or their counts differ.</exception>
    public CosignatureCollector(IServiceScopeFactory scopes, LogSequencer sequencer, IHttpClientFactory http, IOptions<PlatformOptions> options, ILogger<CosignatureCollector> logger)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentNullException.ThrowIfNull(options);
        (_scopes, _sequencer, _http, _logger) = (scopes, sequencer, http, logger);
        _cosigners = Cosigner.ReadAll(options.Value.Witness);
        _sequencer.CheckpointSigned += OnCheckpointSigned;
    }

    /// <summary>
    /// One round: asks every witness whose cosignature the latest checkpoint lacks, and stores the
    /// valid ones. Returns how many were added. Safe to call at any time (tests drive it by hand).
    /// </summary>
    public async Task<int> CollectAsync(CancellationToken cancellationToken)
    {
        if (_cosigners.Count == 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var store = new LogStore(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
            var latest = await store.LatestCheckpointAsync(cancellationToken).ConfigureAwait(false);
            if (latest is null)
            {
                return 0;
            }

            var lines = new List<string>();
            foreach (var cosigner in _cosigners.Where(c => !SignedNote.Open(latest.Note, [c.Verifier]).IsVerified))
            {
                if (await RequestAsync(cosigner, latest, store, cancellationToken).ConfigureAwait(false) is { } line)
                {
                    lines.Add(line);
                }
            }

            if (lines.Count > 0 && !await store.ReplaceNoteAsync(latest.TreeSize, latest.Note, latest.Note + string.Concat(lines), cancellationToken).ConfigureAwait(false))
            {
                _logger.LogWarning("Couldn't store the cosignatures of checkpoint {Size}: its note changed meanwhile; the next round asks again.", latest.TreeSize);
                return 0;
            }

            return lines.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _sequencer.CheckpointSigned -= OnCheckpointSigned;
        _gate.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_cosigners.Count == 0)
        {
            return;
        }

        // The latest checkpoint may lack cosignatures from before a restart.
        _signals.Writer.TryWrite(true);
        await foreach (var _ in _signals.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CollectAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retryable: the database or a witness is unavailable. The next checkpoint tries again.
                _logger.LogError(e, "Couldn't collect cosignatures; retrying at the next checkpoint.");
            }
        }
    }

    // Called by the sequencer while it holds its lock: only signal, never wait.
    private void OnCheckpointSigned(object? sender, LogCheckpoint checkpoint) => _signals.Writer.TryWrite(true);

    /// <summary>Asks one witness; returns its verified cosignature line, or null (logged) on any failure.</summary>
    private async Task<string?> RequestAsync(Cosigner cosigner, LogCheckpoint checkpoint, LogStore store, CancellationToken cancellationToken)
    {
        var oldSize = _accepted.GetValueOrDefault(cosigner.Url);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (oldSize > checkpoint.TreeSize)
                {
                    _logger.LogWarning("Witness {Url} has cosigned size {Recorded}, beyond checkpoint {Size}; skipped.", cosigner.Url, oldSize, checkpoint.TreeSize);
                    return null;
                }

                var body = await RequestBodyAsync(oldSize, checkpoint, store, cancellationToken).ConfigureAwait(false);
                using var content = new StringContent(body, Encoding.UTF8, "text/plain");
                using var response = await _http.CreateClient(HttpClientName).PostAsync(cosigner.Url, content, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return VerifiedLine(cosigner, checkpoint, text);
                }

                // tlog-witness: 409 with text/x.tlog.size says which size the witness has; ask once more from it.
                if (response.StatusCode == HttpStatusCode.Conflict && attempt == 1
                    && response.Content.Headers.ContentType?.MediaType == WitnessEndpoints.SizeMediaType
                    && text.EndsWith('\n') && AddCheckpointRequest.TryParseSize(text[..^1], out var recorded))
                {
                    _accepted[cosigner.Url] = oldSize = recorded;
                    continue;
                }

                _logger.LogWarning("Witness {Url} refused checkpoint {Size} from old size {OldSize}: {Status} {Body}",
                    cosigner.Url, checkpoint.TreeSize, oldSize, (int)response.StatusCode, text.Length > 500 ? text[..500] : text);
                return null;
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.LogWarning(e, "Couldn't reach witness {Url} for checkpoint {Size}; retrying at the next checkpoint.", cosigner.Url, checkpoint.TreeSize);
            return null;
        }
    }

    private string? VerifiedLine(Cosigner cosigner, LogCheckpoint checkpoint, string response)
    {
        // tlog-witness: the client "MAY concatenate it to the checkpoint, and use a note verification
        // function configured with the witness keys it trusts"; lines by other keys are ignored.
        var opened = SignedNote.Open(checkpoint.Note + response, [cosigner.Verifier]);
        if (!opened.IsVerified)
        {
            _logger.LogWarning("Witness {Url} answered checkpoint {Size} without a valid cosignature by {Key}: {Reason}",
                cosigner.Url, checkpoint.TreeSize, cosigner.Key, opened.Failure.Message);
            return null;
        }

        _accepted[cosigner.Url] = checkpoint.TreeSize;
        var signature = opened.Note.VerifiedSignatures[0];
        _logger.LogInformation("Witness {Name} cosigned checkpoint {Size}", signature.Name, checkpoint.TreeSize);
        return $"— {signature.Name} {signature.Base64}\n";
    }

    // "old <size>", the consistency proof from that size (none from 0 or for equal sizes), an empty line, the note.
    private static async Task<string> RequestBodyAsync(long oldSize, LogCheckpoint checkpoint, LogStore store, CancellationToken cancellationToken)
    {
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"old {oldSize}\n");
        if (oldSize > 0 && oldSize < checkpoint.TreeSize)
        {
            var nodes = MerkleProof.ConsistencyNodes((ulong)oldSize, (ulong)checkpoint.TreeSize);
            foreach (var hash in nodes.Rehash(await store.GetHashesAsync(nodes.Ids, cancellationToken).ConfigureAwait(false)))
            {
                body.Append(hash.ToBase64()).Append('\n');
            }
        }

        return body.Append('\n').Append(checkpoint.Note).ToString();
    }

    /// <summary>A witness this log asks: its <c>add-checkpoint</c> URL and its cosignature key.</summary>
    private sealed record Cosigner(Uri Url, CosignatureV1VerifierKey Key)
    {
        public INoteVerifier Verifier { get; } = Key.CreateVerifier();

        public static IReadOnlyList<Cosigner> ReadAll(WitnessOptions options)
        {
            if (options.CosignerUrls.Count != options.CosignerKeys.Count)
            {
                throw new InvalidOperationException(
                    $"DataIp:Witness:CosignerUrls has {options.CosignerUrls.Count} entries and DataIp:Witness:CosignerKeys {options.CosignerKeys.Count}: give one key per URL, in the same order.");
            }

            return [.. options.CosignerUrls.Select((url, i) => Read(url.Trim(), options.CosignerKeys[i].Trim(), i))];
        }

        private static Cosigner Read(string url, string key, int i)
        {
            if (!Uri.TryCreate(url.TrimEnd('/') + "/add-checkpoint", UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"DataIp:Witness:CosignerUrls:{i} '{url}' is not an http(s) URL (the witness's submission prefix).");
            }

            return CosignatureV1VerifierKey.TryParse(key, out var parsed, out var error)
                ? new Cosigner(endpoint, parsed)
                : throw new InvalidOperationException($"DataIp:Witness:CosignerKeys:{i} is not a cosignature verifier key (type 0x04): {error.Message}");
        }
    }
}
