using System.Collections.Concurrent;
using System.Security.Cryptography;
using DataIp.Domain.Registration;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The threads that read and hash files mode's chunk runs (<see cref="FileChunkJob"/>), each with
/// its own buffer and hash context, taking runs from a bounded queue in the order given; the
/// caller takes the results back in that order (each run's <see cref="FileChunkJob.Done"/>), so
/// reading and hashing never wait for a window to finish. With one thread the runs are run on the
/// caller's thread instead. Memory: one buffer of a run's size per thread.
/// </summary>
internal sealed class ChunkWorkers : IDisposable
{
    private readonly FingerprintHash _hash;
    private readonly int _bufferSize;
    private readonly BlockingCollection<FileChunkJob>? _queue;
    private readonly Thread[] _threads;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[]? _inlineBuffer;
    private readonly IncrementalHash? _inlineSha256;

    public ChunkWorkers(FingerprintHash hash, int threads, int bufferSize)
    {
        _hash = hash;
        _bufferSize = bufferSize;
        if (threads == 1)
        {
            _threads = [];
            _inlineBuffer = GC.AllocateUninitializedArray<byte>(bufferSize);
            _inlineSha256 = CreateSha256();
            return;
        }

        _queue = new BlockingCollection<FileChunkJob>(2 * threads);
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"fingerprint chunks {i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Hands a run to the threads (or runs it here with one thread).</summary>
    public void Submit(FileChunkJob job, CancellationToken cancellationToken)
    {
        if (_queue is null)
        {
            Run(job, _inlineBuffer!, _inlineSha256);
            return;
        }

        _queue.Add(job, cancellationToken);
    }

    /// <summary>Stops the threads after the runs they are on; queued runs are dropped.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _queue?.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue?.Dispose();
        _inlineSha256?.Dispose();
        _stop.Dispose();
    }

    private void Work()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(_bufferSize);
        using var sha256 = CreateSha256();
        foreach (var job in _queue!.GetConsumingEnumerable())
        {
            if (_stop.IsCancellationRequested)
            {
                job.Failure = new OperationCanceledException();
                job.Done.Set();
                continue;
            }

            Run(job, buffer, sha256);
        }
    }

    private void Run(FileChunkJob job, byte[] buffer, IncrementalHash? sha256)
    {
        try
        {
            job.Run(_hash, buffer, sha256);
        }
        catch (Exception exception)
        {
            job.Failure = exception;
        }
        finally
        {
            job.Done.Set();
        }
    }

    private IncrementalHash? CreateSha256() =>
        _hash.Algorithm == FingerprintAlgorithm.Sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
}
