using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>Everything a rows-mode pass found; the leaf hashes and one row's data when a prover asks.</summary>
internal sealed class RowsComputation
{
    public required Hash Root { get; init; }

    public required long Size { get; init; }

    public required long RowCount { get; init; }

    public required SimilaritySketch Sketch { get; init; }

    /// <summary>Every row's leaf hash, when captured.</summary>
    public List<Hash>? LeafHashes { get; init; }

    /// <summary>The captured row's canonical bytes, or null.</summary>
    public byte[]? CapturedRow { get; init; }

    /// <summary>Rows mode (§3.5, §4): each canonical row is a leaf; its feature is u64le of the
    /// first 8 bytes of its leaf hash. The rows are read in batches on this thread; with
    /// <paramref name="threads"/> above 1 each batch is hashed on the thread pool while the next
    /// is read, and the batches are folded into the tree in order, so the result does not depend
    /// on the thread count. Memory: at most 2 × threads batches.</summary>
    public static RowsComputation Compute(string path, RowsOptions options, long? captureRow, IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken, int threads = 0)
    {
        var hash = FingerprintHash.For(options.Algorithm);
        var fold = new RowFold(hash, captureRow);
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        using var source = new RowSource(path, options);
        var total = source.Length;
        progress?.Report(new FingerprintProgress(0, total));
        if (threads == 1)
        {
            ReadAndHash(source, fold, progress, cancellationToken);
        }
        else
        {
            ReadAndHashParallel(source, fold, 2 * threads, progress, cancellationToken);
        }

        progress?.Report(new FingerprintProgress(total, total));
        return new RowsComputation
        {
            Root = fold.Range.RootHash(),
            Size = total,
            RowCount = fold.Range.Size,
            Sketch = fold.Sketch.ToSketch(SketchFeatures.Rows),
            LeafHashes = fold.Leaves,
            CapturedRow = fold.Captured,
        };
    }

    private static void ReadAndHash(RowSource source, RowFold fold, IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken)
    {
        var batch = new RowBatch();
        using var hasher = new ShortMessageHasher(fold.Hash);
        while (Fill(source, batch, cancellationToken))
        {
            batch.HashRows(hasher);
            fold.Take(batch);
            progress?.Report(new FingerprintProgress(Math.Min(source.BytesRead, source.Length), source.Length));
        }
    }

    /// <summary>Reads batches here while the pool hashes earlier ones; takes them back in order.</summary>
    private static void ReadAndHashParallel(RowSource source, RowFold fold, int inFlight, IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken)
    {
        var pending = new Queue<(RowBatch Batch, Task Hashing)>();
        var free = new Stack<RowBatch>();
        using var hashers = new ThreadLocal<ShortMessageHasher>(() => new ShortMessageHasher(fold.Hash), trackAllValues: true);
        try
        {
            while (true)
            {
                if (pending.Count == inFlight)
                {
                    free.Push(TakeOldest(pending, fold));
                    progress?.Report(new FingerprintProgress(Math.Min(source.BytesRead, source.Length), source.Length));
                }

                var batch = free.Count > 0 ? free.Pop() : new RowBatch();
                if (!Fill(source, batch, cancellationToken))
                {
                    break;
                }

                pending.Enqueue((batch, Task.Run(() => batch.HashRows(hashers.Value!), cancellationToken)));
            }

            while (pending.Count > 0)
            {
                TakeOldest(pending, fold);
            }
        }
        finally
        {
            // A read error leaves batches hashing: let them end before their hashers go.
            Task.WaitAll([.. pending.Select(p => p.Hashing.ContinueWith(_ => { }, TaskScheduler.Default))]);
            foreach (var hasher in hashers.Values)
            {
                hasher.Dispose();
            }
        }
    }

    private static RowBatch TakeOldest(Queue<(RowBatch Batch, Task Hashing)> pending, RowFold fold)
    {
        var (batch, hashing) = pending.Dequeue();
        hashing.GetAwaiter().GetResult();
        fold.Take(batch);
        return batch;
    }

    private static bool Fill(RowSource source, RowBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        batch.Clear();
        while (!batch.IsFull && source.Next(batch))
        {
        }

        return batch.Count > 0;
    }

    /// <summary>The in-order part: the tree, the sketch, the captured leaves and row.</summary>
    private sealed class RowFold(FingerprintHash hash, long? captureRow)
    {
        public FingerprintHash Hash { get; } = hash;

        public FingerprintCompactRange Range { get; } = new(hash);

        public MinHash Sketch { get; } = new();

        public List<Hash>? Leaves { get; } = captureRow is null ? null : [];

        public byte[]? Captured { get; private set; }

        public void Take(RowBatch batch)
        {
            var first = Range.Size + 1;
            if (captureRow is { } wanted && wanted >= first && wanted < first + batch.Count)
            {
                Captured = batch.Row((int)(wanted - first)).ToArray();
            }

            Leaves?.AddRange(batch.Leaves.AsSpan(0, batch.Count));
            Sketch.Merge(batch.Sketch);
            if (batch.IsFull)
            {
                Range.AppendSubtree(batch.SubtreeRoot, RowBatch.Height);
                return;
            }

            foreach (var leaf in batch.Leaves.AsSpan(0, batch.Count))
            {
                Range.Append(leaf);
            }
        }
    }
}
