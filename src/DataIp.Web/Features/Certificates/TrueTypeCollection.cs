using System.Buffers.Binary;

namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Turns one face of a TrueType collection (.ttc) into a standalone font file, because PDFsharp
/// reads only single fonts. Layout from the OpenType spec, "Font Collections": a 'ttcf' header with
/// one offset per face, each pointing at an ordinary table directory whose table offsets are
/// relative to the start of the collection (tables may be shared between faces).
/// </summary>
internal static class TrueTypeCollection
{
    private const uint CollectionTag = 0x74746366; // 'ttcf'
    private const uint HeadTag = 0x68656164; // 'head'
    private const int DirectoryHeaderSize = 12;
    private const int TableRecordSize = 16;

    /// <summary>True when <paramref name="font"/> starts with the 'ttcf' collection header.</summary>
    public static bool IsCollection(ReadOnlySpan<byte> font) =>
        font.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(font) == CollectionTag;

    /// <summary>
    /// Copies face <paramref name="faceIndex"/>: its table directory with the same tables in the
    /// same order, each table 4-byte aligned, offsets rewritten to the new file and the 'head'
    /// checkSumAdjustment recomputed.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a collection, or a table lies outside the file.</exception>
    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int faceIndex)
    {
        if (!IsCollection(collection) || collection.Length < DirectoryHeaderSize)
        {
            throw new InvalidDataException("The font is not a TrueType collection (no 'ttcf' header).");
        }

        var faceCount = BinaryPrimitives.ReadInt32BigEndian(collection[8..]);
        if (faceIndex < 0 || faceIndex >= faceCount)
        {
            throw new InvalidDataException($"The collection has {faceCount} faces; face {faceIndex} does not exist.");
        }

        var directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * faceIndex))..]));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection[(directory + 4)..]);
        var headerLength = DirectoryHeaderSize + (TableRecordSize * tableCount);

        var tables = new (int Record, int Offset, int Length)[tableCount];
        var total = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = directory + DirectoryHeaderSize + (TableRecordSize * i);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(record + 8)..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(record + 12)..]));
            if (offset < 0 || length < 0 || (long)offset + length > collection.Length)
            {
                throw new InvalidDataException($"Table {i} of face {faceIndex} lies outside the collection.");
            }

            tables[i] = (record, offset, length);
            total = checked(total + Align4(length));
        }

        var face = new byte[total];
        collection.Slice(directory, headerLength).CopyTo(face);
        var position = headerLength;
        var headOffset = -1;
        for (var i = 0; i < tableCount; i++)
        {
            var (record, offset, length) = tables[i];
            collection.Slice(offset, length).CopyTo(face.AsSpan(position));
            var newRecord = DirectoryHeaderSize + (TableRecordSize * i);
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(newRecord + 8), (uint)position);
            if (BinaryPrimitives.ReadUInt32BigEndian(collection[record..]) == HeadTag)
            {
                headOffset = position;
            }

            position += Align4(length);
        }

        FixHeadChecksum(face, headOffset);
        return face;
    }

    private static int Align4(int length) => (length + 3) & ~3;

    // OpenType 'head' table: checkSumAdjustment (offset 8) = 0xB1B0AFBA minus the sum of the whole
    // font as big-endian uint32 words, computed with the field set to zero.
    private static void FixHeadChecksum(byte[] face, int headOffset)
    {
        if (headOffset < 0 || headOffset + 12 > face.Length)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(headOffset + 8), 0);
        var sum = 0u;
        for (var i = 0; i + 4 <= face.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(face.AsSpan(i)));
        }

        BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - sum));
    }
}
