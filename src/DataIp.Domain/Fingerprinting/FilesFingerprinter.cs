using System.Runtime.ExceptionServices;
using DataIp.Domain.Registration;
using DataIp.Domain.TransparencyLog;
using Microsoft.Win32.SafeHandles;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Files mode (docs/fingerprint-format.md §2 and §4): walks the files in committed order in runs
/// of chunks (at least 1 MiB; 16 chunks for SM3's lanes); the runs are read and hashed by
/// <see cref="ChunkWorkers"/> while this thread takes finished runs, in order, into each file's
/// streaming root and content-defined chunking, and each finished file's record into the top
/// tree. Memory: a few runs' results (32 bytes and a few candidates per chunk) and one run buffer
/// per thread, flat in the file sizes.
/// </summary>
internal sealed class FilesFingerprinter
{
    private readonly IReadOnlyList<DatasetFile> _files;
    private readonly FingerprintHash _hash;
    private readonly FilesOptions _options;
    private readonly FilesCapture? _capture;
    private readonly FingerprintCompactRange _top;
    private readonly MinHash _sketch = new();
    private readonly List<FileEvidence> _records = [];
    private readonly List<Hash> _recordHashes = [];
    private readonly List<FileState> _open = [];
    private readonly int _chunksPerJob;
    private int _nextFile;
    private long _nextChunk;
    private long _chunkCount;
    private Hash[]? _capturedHashes;
    private byte[]? _capturedData;

    private FilesFingerprinter(IReadOnlyList<DatasetFile> files, FilesOptions options, FilesCapture? capture)
    {
        _files = files;
        _options = options;
        _capture = capture;
        _hash = FingerprintHash.For(options.Algorithm);
        _top = new FingerprintCompactRange(_hash);
        _chunksPerJob = ChunksPerJob(options);
    }

    public static FilesComputation Compute(IReadOnlyList<DatasetFile> files, FilesOptions options, FilesCapture? capture, IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var run = new FilesFingerprinter(files, options, capture);
        try
        {
            return run.Run(progress, cancellationToken);
        }
        finally
        {
            run._open.ForEach(state => state.Handle.Dispose());
        }
    }

    private FilesComputation Run(IProgress<FingerprintProgress>? progress, CancellationToken cancellationToken)
    {
        var total = _files.Sum(f => f.Size);
        var done = 0L;
        var threads = _options.EffectiveThreads;
        var pending = new Queue<(FileState State, FileChunkJob Job)>();
        progress?.Report(new FingerprintProgress(0, total));
        using (var workers = new ChunkWorkers(_hash, threads, FileChunkJob.BufferSize(_options.ChunkSize, _chunksPerJob)))
        {
            while (NextJob() is { } next)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pending.Enqueue(next);
                workers.Submit(next.Job, cancellationToken);
                while (pending.Count > 2 * threads || (pending.Count > 0 && pending.Peek().Job.Done.IsSet))
                {
                    done += Take(pending.Dequeue(), cancellationToken);
                    progress?.Report(new FingerprintProgress(done, total));
                }
            }

            while (pending.Count > 0)
            {
                done += Take(pending.Dequeue(), cancellationToken);
            }
        }

        progress?.Report(new FingerprintProgress(done, total));
        return new FilesComputation
        {
            Root = _top.RootHash(),
            Size = total,
            ChunkCount = _chunkCount,
            Sketch = _sketch.ToSketch(SketchFeatures.ContentChunks),
            Records = _records,
            RecordLeafHashes = _recordHashes,
            CapturedChunkHashes = _capturedHashes,
            CapturedChunkData = _capturedData,
        };
    }

    /// <summary>Chunks per run: enough for reads of at least 1 MiB, and 16 (SM3's lanes) for SM3
    /// while a run stays within 16 MiB.</summary>
    private static int ChunksPerJob(FilesOptions options)
    {
        var forReads = Math.Max(1, (1 << 20) / options.ChunkSize);
        var forLanes = options.Algorithm == FingerprintAlgorithm.Sm3 ? Math.Clamp((16 << 20) / options.ChunkSize, 1, 16) : 1;
        return Math.Max(forReads, forLanes);
    }

    /// <summary>The next run in committed order; an empty file is a run of no chunks.</summary>
    private (FileState State, FileChunkJob Job)? NextJob()
    {
        if (_nextFile == _files.Count)
        {
            return null;
        }

        var state = _nextChunk == 0 ? Open(_files[_nextFile]) : _open[^1];
        var count = (int)Math.Min(_chunksPerJob, state.ChunkTotal - _nextChunk);
        var offset = _nextChunk * _options.ChunkSize;
        var length = (int)Math.Min((long)count * _options.ChunkSize, state.File.Size - offset);
        int? keep = state.Capture && _capture!.ChunkIndex is { } index && index >= _nextChunk && index < _nextChunk + count ? (int)(index - _nextChunk) : null;
        var job = new FileChunkJob(state.Handle, state.File.Path, state.File.Size, offset, _options.ChunkSize, count, length, keep);
        _nextChunk += count;
        if (_nextChunk >= state.ChunkTotal)
        {
            _nextChunk = 0;
            _nextFile++;
        }

        return (state, job);
    }

    private FileState Open(DatasetFile file)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, file.FullPath, $"couldn't open {file.FullPath}: {exception.Message}", inner: exception);
        }

        var capture = _capture is not null && string.Equals(_capture.Path, file.Path, StringComparison.Ordinal);
        var state = new FileState(file, handle, new FingerprintCompactRange(_hash), (file.Size + _options.ChunkSize - 1) / _options.ChunkSize, capture);
        _open.Add(state);
        return state;
    }

    /// <summary>Takes one finished run into its file, in order; finishes the file after its last.</summary>
    private long Take((FileState State, FileChunkJob Job) next, CancellationToken cancellationToken)
    {
        var (state, job) = next;
        job.Done.Wait(cancellationToken);
        job.Done.Dispose();
        if (job.Failure is not null)
        {
            ExceptionDispatchInfo.Throw(job.Failure);
        }

        foreach (var leaf in job.LeafHashes)
        {
            state.Range.Append(leaf);
        }

        state.Chunking.Take(job, _sketch);
        state.Hashes?.AddRange(job.LeafHashes);
        _capturedData ??= job.Data;
        _chunkCount += job.ChunkCount;
        if (state.Range.Size == state.ChunkTotal)
        {
            Finish(state);
        }

        return job.Length;
    }

    private void Finish(FileState state)
    {
        var length = RandomAccess.GetLength(state.Handle);
        state.Handle.Dispose();
        _open.Remove(state);
        if (length != state.File.Size)
        {
            throw new FingerprintException(FingerprintErrorKind.ChangedWhileReading, state.File.FullPath, $"couldn't fingerprint {state.File.FullPath}: its size changed from {state.File.Size} to {length} bytes while it was read.");
        }

        state.Chunking.Finish(state.File.Size, _sketch);
        var record = new FileEvidence(state.File.Path, state.File.Size, state.Range.RootHash());
        var leaf = _hash.HashLeaf(FileRecord.Canonical(record.Path, record.Size, record.Root));
        _records.Add(record);
        _recordHashes.Add(leaf);
        _top.Append(leaf);
        if (state.Hashes is not null)
        {
            _capturedHashes = [.. state.Hashes];
        }
    }

    private sealed class FileState(DatasetFile file, SafeFileHandle handle, FingerprintCompactRange range, long chunkTotal, bool capture)
    {
        public DatasetFile File { get; } = file;

        public SafeFileHandle Handle { get; } = handle;

        public FingerprintCompactRange Range { get; } = range;

        public long ChunkTotal { get; } = chunkTotal;

        public bool Capture { get; } = capture;

        public List<Hash>? Hashes { get; } = capture ? [] : null;

        public ContentChunking Chunking { get; } = new();
    }
}
