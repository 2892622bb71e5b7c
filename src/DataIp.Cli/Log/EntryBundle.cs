using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Log;

/// <summary>
/// The entry bundles of c2sp.org/tlog-tiles ("Log entries"): a sequence of entries, each a
/// big-endian uint16 length followed by that many bytes. Thread-safe: pure functions.
/// </summary>
internal static class EntryBundle
{
    /// <summary>The size of the length prefix of each entry.</summary>
    public const int LengthPrefixSize = 2;

    /// <summary>The largest entry a bundle can carry (the uint16 length).</summary>
    public const int MaxEntrySize = ushort.MaxValue;

    /// <summary>The largest well-formed full bundle: 256 entries of the largest size.</summary>
    public const int MaxBundleSize = Tile.FullWidth * (LengthPrefixSize + MaxEntrySize);

    /// <summary>Splits a bundle into exactly <paramref name="width"/> entries.</summary>
    /// <param name="bundle">The bundle's bytes as served.</param>
    /// <param name="width">The number of entries it must hold.</param>
    /// <param name="entries">The entries in order, slices of <paramref name="bundle"/>; empty when refused.</param>
    /// <param name="error">Why the bytes are not a bundle of that width; null when they are.</param>
    /// <returns>Whether the bundle holds exactly <paramref name="width"/> well-formed entries and nothing more.</returns>
    public static bool TrySplit(ReadOnlyMemory<byte> bundle, int width, out IReadOnlyList<ReadOnlyMemory<byte>> entries, [NotNullWhen(false)] out string? error)
    {
        var found = new List<ReadOnlyMemory<byte>>(width);
        var offset = 0;
        entries = [];
        while (offset < bundle.Length)
        {
            if (found.Count == width)
            {
                error = Say($"holds more than the {width} entries its width calls for ({bundle.Length - offset} bytes after entry {width - 1})");
                return false;
            }

            if (bundle.Length - offset < LengthPrefixSize)
            {
                error = Say($"ends inside the length of entry {found.Count} (at byte {offset})");
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle.Span[offset..]);
            offset += LengthPrefixSize;
            if (bundle.Length - offset < length)
            {
                error = Say($"ends inside entry {found.Count}, whose length is {length} but only {bundle.Length - offset} bytes follow");
                return false;
            }

            found.Add(bundle.Slice(offset, length));
            offset += length;
        }

        if (found.Count != width)
        {
            error = Say($"holds {found.Count} entries; its width calls for {width}");
            return false;
        }

        entries = found;
        error = null;
        return true;
    }

    /// <summary>The first <paramref name="count"/> entries of a bundle, as bytes (for a client that
    /// read the full bundle in place of a partial one); the whole bundle when it has fewer.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="count">How many entries to keep.</param>
    /// <returns>The prefix of <paramref name="bundle"/> that holds them.</returns>
    public static byte[] Prefix(byte[] bundle, int count)
    {
        var offset = 0;
        for (var i = 0; i < count && bundle.Length - offset >= LengthPrefixSize; i++)
        {
            offset = Math.Min(bundle.Length, offset + LengthPrefixSize + BinaryPrimitives.ReadUInt16BigEndian(bundle.AsSpan(offset)));
        }

        return bundle[..offset];
    }

    /// <summary>Writes entries as a bundle (for logs and tests).</summary>
    /// <param name="entries">Each at most <see cref="MaxEntrySize"/> bytes.</param>
    /// <returns>The bundle's bytes.</returns>
    /// <exception cref="ArgumentException">An entry is too long for the uint16 length.</exception>
    public static byte[] Join(IEnumerable<byte[]> entries)
    {
        using var bundle = new MemoryStream();
        Span<byte> prefix = stackalloc byte[LengthPrefixSize];
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntrySize)
            {
                throw new ArgumentException($"An entry in a bundle has at most {MaxEntrySize} bytes; one has {entry.Length}.", nameof(entries));
            }

            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)entry.Length);
            bundle.Write(prefix);
            bundle.Write(entry);
        }

        return bundle.ToArray();
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
