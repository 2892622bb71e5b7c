using DataIp.Domain.TransparencyLog;
using Microsoft.Win32.SafeHandles;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// Files mode (docs/fingerprint-format.md §2 and §4): walks the files in committed order in
/// windows of chunks; the chunks of a window (from one file or many) are read and hashed in
/// parallel, then taken in order into each file's streaming root and content-defined chunking,
/// and each finished file's record into the top tree. Memory: a window of chunk results (32 bytes
/// and a few candidates each) and one buffer per thread, flat in the file sizes.
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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        progress?.Report(new FingerprintProgress(0, total));
        while (NextWindow(threads * 8) is { Count: > 0 } window)
        {
            RunJobs(window, threads, parallel, cancellationToken);
            foreach (var (state, job) in window)
            {
                done += Take(state, job);
            }

            progress?.Report(new FingerprintProgress(done, total));
        }

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

    /// <summary>The next jobs in committed order; an empty file is a job-less entry.</summary>
    private List<(FileState State, FileChunkJob? Job)> NextWindow(int size)
    {
        var window = new List<(FileState, FileChunkJob?)>();
        while (window.Count < size && _nextFile < _files.Count)
        {
            var state = _nextChunk == 0 ? Open(_files[_nextFile]) : _open[^1];
            if (state.ChunkTotal == 0)
            {
                window.Add((state, null));
                _nextFile++;
                continue;
            }

            var offset = _nextChunk * _options.ChunkSize;
            var length = (int)Math.Min(_options.ChunkSize, state.File.Size - offset);
            var keep = state.Capture && _capture!.ChunkIndex == _nextChunk;
            window.Add((state, new FileChunkJob(state.Handle, state.File.Path, state.File.Size, offset, length, keep)));
            if (++_nextChunk == state.ChunkTotal)
            {
                _nextChunk = 0;
                _nextFile++;
            }
        }

        return window;
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

    private void RunJobs(List<(FileState State, FileChunkJob? Job)> window, int threads, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        if (threads == 1)
        {
            foreach (var (_, job) in window)
            {
                cancellationToken.ThrowIfCancellationRequested();
                job?.Run(_hash);
            }

            return;
        }

        try
        {
            Parallel.For(0, window.Count, parallel, i => window[i].Job?.Run(_hash));
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.OfType<FingerprintException>().FirstOrDefault() is { } first)
        {
            throw first;
        }
    }

    /// <summary>Takes one job's results into its file, in order; finishes the file after its last.</summary>
    private long Take(FileState state, FileChunkJob? job)
    {
        var length = 0L;
        if (job is not null)
        {
            state.Range.Append(job.LeafHash);
            state.Chunking.Take(job, _sketch);
            state.Hashes?.Add(job.LeafHash);
            _capturedData ??= job.Data;
            length = Math.Min(_options.ChunkSize, state.File.Size - (state.Range.Size - 1) * _options.ChunkSize);
            _chunkCount++;
        }

        if (state.Range.Size == state.ChunkTotal)
        {
            Finish(state);
        }

        return length;
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
