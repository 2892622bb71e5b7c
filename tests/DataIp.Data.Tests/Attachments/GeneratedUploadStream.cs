namespace DataIp.Data.Tests.Attachments;

/// <summary>
/// A forward-only upload of <c>length</c> bytes, <c>prefix</c> followed by 'a's, generated as read, so
/// a test can send megabytes without holding them and can see how far the store read.
/// </summary>
internal sealed class GeneratedUploadStream(byte[] prefix, long length) : Stream
{
    public long BytesRead { get; private set; }

    /// <summary>Called before each read with the bytes read so far; lets a test cancel mid-upload.</summary>
    public Action<long>? BeforeRead { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        BeforeRead?.Invoke(BytesRead);
        var count = (int)Math.Min(buffer.Length, length - BytesRead);
        for (var i = 0; i < count; i++)
        {
            var position = BytesRead + i;
            buffer[i] = position < prefix.Length ? prefix[position] : (byte)'a';
        }

        BytesRead += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = Read(buffer.Span);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(count);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
