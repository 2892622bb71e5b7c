using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The fields of one CSV record, in NFC (docs/fingerprint-format.md §3.3), held end to end in one
/// reusable character buffer: no string per field. A field is built with <see cref="Append(ReadOnlySpan{char})"/>
/// and ended with <see cref="EndField"/>, which normalises it only when it is not ASCII and not
/// already NFC. Not thread-safe.
/// </summary>
internal sealed class CsvFields
{
    private char[] _chars = new char[4096];
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private int _used;
    private int _fieldStart;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    public void Clear()
    {
        Count = 0;
        _used = 0;
        _fieldStart = 0;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        EnsureRoom(text.Length);
        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
    }

    public void Append(char c)
    {
        EnsureRoom(1);
        _chars[_used++] = c;
    }

    /// <summary>Ends the field appended since the last one, normalising it to NFC.</summary>
    public void EndField()
    {
        var value = _chars.AsSpan(_fieldStart, _used - _fieldStart);
        if (!IsNfc(value))
        {
            var normal = value.ToString().Normalize(NormalizationForm.FormC);
            _used = _fieldStart;
            Append(normal);
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = _fieldStart;
        _lengths[Count++] = _used - _fieldStart;
        _fieldStart = _used;
    }

    /// <summary>Adds a whole field.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        Append(value);
        EndField();
    }

    public string[] ToArray()
    {
        var fields = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            fields[i] = this[i].ToString();
        }

        return fields;
    }

    private static bool IsNfc(ReadOnlySpan<char> value) => System.Text.Ascii.IsValid(value) || value.IsNormalized(NormalizationForm.FormC);

    private void EnsureRoom(int more)
    {
        if (_chars.Length - _used < more)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + more));
        }
    }
}
