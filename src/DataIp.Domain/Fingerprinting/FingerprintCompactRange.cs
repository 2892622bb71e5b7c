using DataIp.Domain.TransparencyLog;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The right edge of a growing RFC 9162 tree over a <see cref="FingerprintHash"/>: one pending
/// perfect subtree per set bit of the leaf count, so a root over any number of leaves needs at
/// most 64 hashes of memory (as <see cref="CompactRange"/> does for the log, with SHA-256).
/// Not thread-safe: one writer.
/// </summary>
internal sealed class FingerprintCompactRange(FingerprintHash hash)
{
    private readonly Hash[] _pending = new Hash[64];
    private int _count;

    /// <summary>The number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>Appends the next leaf hash, merging the perfect subtrees it completes.</summary>
    public void Append(Hash leafHash)
    {
        var merged = leafHash;
        for (var index = Size; (index & 1) == 1; index >>= 1)
        {
            _count--;
            merged = hash.HashChildren(_pending[_count], merged);
        }

        _pending[_count++] = merged;
        Size++;
    }

    /// <summary>Appends the root of a perfect subtree of 2^<paramref name="height"/> leaves; the
    /// leaves so far must be a multiple of that (as when whole batches are appended in order).</summary>
    public void AppendSubtree(Hash subtreeRoot, int height)
    {
        if ((Size & ((1L << height) - 1)) != 0)
        {
            throw new InvalidOperationException($"A subtree of height {height} cannot follow {Size} leaves.");
        }

        var merged = subtreeRoot;
        for (var index = Size >> height; (index & 1) == 1; index >>= 1)
        {
            _count--;
            merged = hash.HashChildren(_pending[_count], merged);
        }

        _pending[_count++] = merged;
        Size += 1L << height;
    }

    /// <summary>MTH over the leaves so far: the pending subtrees folded right to left.</summary>
    public Hash RootHash()
    {
        if (_count == 0)
        {
            return hash.EmptyRoot;
        }

        var root = _pending[_count - 1];
        for (var i = _count - 2; i >= 0; i--)
        {
            root = hash.HashChildren(_pending[i], root);
        }

        return root;
    }
}
