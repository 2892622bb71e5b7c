using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using DataIp.Domain.Registration;

namespace DataIp.Data.Attachments;

/// <summary>
/// Stores attachments as files under a root directory: <c>{root}/{first two hex digits}/{id:N}</c>, no
/// extension. The path is derived from the store-chosen id alone; nothing a client sends (file name,
/// content type) ever reaches a path. Uploads are staged in <c>{root}/.incoming/</c> and renamed into
/// place only when complete and on disk. Safe for concurrent use: every save writes its own files.
/// </summary>
public sealed class FileSystemAttachmentStore : IAttachmentStore
{
    private const string IncomingDirectoryName = ".incoming";
    private const int CopyBufferSize = 80 * 1024;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root;
    private readonly string _incoming;
    private readonly AttachmentPolicy _policy;

    /// <param name="rootDirectory">The attachments directory under the platform's data directory; created on first save.</param>
    /// <param name="policy">Size limits and allowed types per kind, usually <see cref="AttachmentPolicy.Default"/>.</param>
    /// <param name="timeProvider">
    /// Accepted so hosts can wire every store with the platform clock; this store records no times yet
    /// (a sweep of stale <c>.incoming</c> files would use it).
    /// </param>
    public FileSystemAttachmentStore(string rootDirectory, AttachmentPolicy policy, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(policy);
        _root = Path.GetFullPath(rootDirectory);
        _incoming = Path.Combine(_root, IncomingDirectoryName);
        _policy = policy;
    }

    public async Task<AttachmentSaveResult> SaveAsync(
        AttachmentKind kind, string declaredFileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaredFileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The attachment content must be a readable stream.", nameof(content));
        }

        var rule = _policy.RuleFor(kind);
        var fileName = AttachmentFileName.Sanitise(declaredFileName);
        var id = Guid.NewGuid();
        try
        {
            return await SaveCoreAsync(new Upload(id, kind, rule, fileName), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"couldn't store attachment {id} ({kind}, \"{fileName}\") under {_root}: {ex.Message}", ex);
        }
    }

    public Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            // FileShare.Delete lets compensation delete an attachment while someone is still reading it.
            Share = FileShare.Read | FileShare.Delete,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        };
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathFor(id), options));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"couldn't open attachment {id} under {_root}: {ex.Message}", ex);
        }
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // File.Delete ignores a missing file; a missing shard directory means the same thing.
            File.Delete(PathFor(id));
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"couldn't delete attachment {id} under {_root}: {ex.Message}", ex);
        }

        return Task.CompletedTask;
    }

    /// <summary>The only way a path is made: from the id, which the store chose.</summary>
    internal string PathFor(Guid id)
    {
        var name = id.ToString("N", CultureInfo.InvariantCulture);
        return Path.Combine(_root, name[..2], name);
    }

    private async Task<AttachmentSaveResult> SaveCoreAsync(Upload upload, Stream content, CancellationToken cancellationToken)
    {
        // Read one byte past the sniff window (or past the limit, if smaller) to learn whether the head
        // is the whole content, then refuse what the head already shows to be unacceptable before any
        // file is created.
        var window = (int)Math.Min(AttachmentContentDetector.SniffLength + 1, upload.Rule.MaxBytes + 1);
        var head = ArrayPool<byte>.Shared.Rent(window);
        try
        {
            var headLength = await content.ReadAtLeastAsync(
                head.AsMemory(0, window), window, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var refusal = Examine(upload, head.AsSpan(0, headLength), isWholeContent: headLength < window, out var contentType);
            return refusal is not null
                ? AttachmentSaveResult.Refused(refusal)
                : await WriteAsync(upload, contentType, head.AsMemory(0, headLength), content, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    private static AttachmentRefusal? Examine(Upload upload, ReadOnlySpan<byte> head, bool isWholeContent, out string contentType)
    {
        contentType = "";
        if (head.Length > upload.Rule.MaxBytes)
        {
            return AttachmentRefusals.TooLarge(upload.Kind, upload.FileName, upload.Rule);
        }

        if (head.IsEmpty)
        {
            return AttachmentRefusals.Empty(upload.Kind, upload.FileName);
        }

        var sniffed = head[..Math.Min(head.Length, AttachmentContentDetector.SniffLength)];
        var detected = AttachmentContentDetector.Detect(sniffed, isWholeContent, upload.FileName);
        if (detected is null)
        {
            return AttachmentRefusals.Unrecognised(upload.Kind, upload.FileName, upload.Rule);
        }

        contentType = detected;
        return upload.Rule.Allows(detected) ? null : AttachmentRefusals.NotAllowed(upload.Kind, upload.FileName, upload.Rule, detected);
    }

    private async Task<AttachmentSaveResult> WriteAsync(
        Upload upload, string contentType, ReadOnlyMemory<byte> head, Stream content, CancellationToken cancellationToken)
    {
        // Crash consistency, step by step:
        // 1. The bytes go to .incoming/{id:N}.tmp, never under the final name, so the final name can
        //    only ever denote a complete attachment.
        // 2. Flush(flushToDisk: true) makes the data durable before the rename. Without it the rename
        //    could reach the disk before the data, and a crash would leave the final name pointing at
        //    an empty or partial file that the database may already reference.
        // 3. File.Move within one filesystem (.incoming is inside root) is an atomic rename: the final
        //    name either does not exist or names the whole file.
        // A crash before step 3 leaves only an unreferenced file in .incoming, safe to delete. .NET
        // cannot fsync a directory, so a crash right after step 3 may lose the rename itself: then the
        // attachment is absent (OpenReadAsync returns null), but never half-written.
        var finalPath = PathFor(upload.Id);
        var tempPath = Path.Combine(_incoming, Path.GetFileName(finalPath) + ".tmp");
        CreateOwnerOnlyDirectories(_root, _incoming, Path.GetDirectoryName(finalPath)!);
        var moved = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var file = new FileStream(tempPath, TempFileOptions());
            long length;
            await using (file.ConfigureAwait(false))
            {
                length = await CopyWithinLimitAsync(head, content, file, hash, upload.Rule.MaxBytes, cancellationToken).ConfigureAwait(false);
                if (length > upload.Rule.MaxBytes)
                {
                    return AttachmentSaveResult.Refused(AttachmentRefusals.TooLarge(upload.Kind, upload.FileName, upload.Rule));
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(tempPath, finalPath, overwrite: false);
            moved = true;
            var sha256Hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            return AttachmentSaveResult.Stored(new StoredAttachment(upload.Id, upload.Kind, upload.FileName, contentType, length, sha256Hex));
        }
        finally
        {
            if (!moved)
            {
                DeleteTempFile(tempPath);
            }
        }
    }

    /// <summary>
    /// Writes the head and then the rest of <paramref name="source"/> to <paramref name="destination"/>,
    /// hashing what is written. Stops reading as soon as more than <paramref name="maxBytes"/> bytes have
    /// arrived (never reading more than one byte past the limit) and returns the count so far.
    /// </summary>
    private static async Task<long> CopyWithinLimitAsync(
        ReadOnlyMemory<byte> head, Stream source, Stream destination, IncrementalHash hash, long maxBytes, CancellationToken cancellationToken)
    {
        hash.AppendData(head.Span);
        await destination.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        long length = head.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (true)
            {
                var wanted = (int)Math.Min(CopyBufferSize, maxBytes - length + 1);
                var read = await source.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                length += read;
                if (read == 0 || length > maxBytes)
                {
                    return length;
                }

                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileStreamOptions TempFileOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void CreateOwnerOnlyDirectories(params ReadOnlySpan<string> paths)
    {
        // Parents first: CreateDirectory gives the mode only to the last directory it creates, and
        // only when it creates it (the umask can narrow it further). An existing directory, such as a
        // root the operator made, keeps its mode.
        foreach (var path in paths)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, OwnerOnlyDirectory);
            }
        }
    }

    private static void DeleteTempFile(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the refusal or the original failure matters more than a leftover temp file,
            // which nothing references and which lies outside the id paths.
        }
    }

    private sealed record Upload(Guid Id, AttachmentKind Kind, AttachmentRule Rule, string FileName);
}
