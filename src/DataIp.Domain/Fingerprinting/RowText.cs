using System.Text;

namespace DataIp.Domain.Fingerprinting;

/// <summary>
/// The decoded text of a rows-mode file, one character at a time (docs/fingerprint-format.md
/// §3.1–§3.2): decoded with the stated encoding, a leading U+FEFF dropped, CR LF and lone CR read
/// as LF, with the line and column (from 1; a surrogate pair is one column) of the next character.
/// An invalid byte sequence is decoded as U+FFFD and counted, and reported here with its position.
/// Besides that slow path, fast readers take whole records from <see cref="Pending"/> (the decoded
/// text not yet read, at least 1 Mi characters when the file has them) and <see cref="Consume"/>
/// them. Not thread-safe.
/// </summary>
internal sealed class RowText : IDisposable
{
    /// <summary>The end of the text.</summary>
    public const int End = -1;

    private const char InvalidMarker = '\uFFFD';

    private readonly FileStream _stream;
    private readonly StreamReader _reader;
    private const int BlockSize = 1 << 20;

    private char[] _buffer = new char[BlockSize];
    private int _length;
    private int _position;
    private bool _started;
    private bool _afterHighSurrogate;
    private readonly CountingFallback _fallback = new();

    static RowText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public RowText(string path, RowEncoding encoding)
    {
        Path = path;
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, path, $"couldn't open {path}: {exception.Message}", inner: exception);
        }

        var name = encoding == RowEncoding.Utf8 ? "utf-8" : "GB18030";
        var decoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, _fallback);
        _reader = new StreamReader(_stream, decoding, detectEncodingFromByteOrderMarks: false, bufferSize: BlockSize);
    }

    public string Path { get; }

    /// <summary>The line of the next character, from 1.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The column of the next character, from 1.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>Bytes read from the file so far (ahead of the text by the reader's buffer).</summary>
    public long BytesRead => _stream.Position;

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The decoded text not yet read: CR not yet folded, line ends as in the file.</summary>
    public ReadOnlySpan<char> Pending => _buffer.AsSpan(_position, _length - _position);

    /// <summary>Whether the file has no text beyond <see cref="Pending"/>.</summary>
    public bool Ended { get; private set; }

    /// <summary>Invalid byte sequences decoded so far (into <see cref="Pending"/> or before it):
    /// while 0, no U+FFFD in <see cref="Pending"/> is an error.</summary>
    public int InvalidCount => _fallback.Count;

    /// <summary>Decodes more text after <see cref="Pending"/>; false at the end of the file.</summary>
    public bool FillMore() => Fill() && !Ended;

    /// <summary>Takes <paramref name="characters"/> of <see cref="Pending"/>, which hold
    /// <paramref name="lines"/> line ends and end with one (or at the end of the text).</summary>
    public void Consume(int characters, int lines)
    {
        _position += characters;
        if (lines > 0)
        {
            Line += lines;
            Column = 1;
            _afterHighSurrogate = false;
        }
    }

    /// <summary>The next character without taking it (CR and CR LF read as LF), or <see cref="End"/>.</summary>
    public int Peek()
    {
        if (_position == _length && !Fill())
        {
            return End;
        }

        var c = _buffer[_position];
        return c == '\r' ? '\n' : c;
    }

    /// <summary>Takes the next character (CR and CR LF read as LF), or returns <see cref="End"/>.</summary>
    /// <exception cref="FingerprintException">An invalid byte sequence.</exception>
    public int Read()
    {
        var c = Peek();
        if (c == End)
        {
            return End;
        }

        var raw = _buffer[_position++];
        if (raw == '\r' && Peek() == '\n' && _buffer[_position] == '\n')
        {
            _position++;
        }

        Advance((char)c);
        return c;
    }

    public FingerprintException Error(string message, int line, int column, FingerprintErrorKind kind = FingerprintErrorKind.MalformedRow) =>
        new(kind, Path, $"{Path} line {line}, column {column}: {message}", line, column);

    public void Dispose() => _reader.Dispose();

    private void Advance(char c)
    {
        // The decoder replaced an invalid sequence with U+FFFD at or after the first U+FFFD read
        // since its count became non-zero: that one is reported. (A genuine U+FFFD just before an
        // invalid sequence would be reported in its place: the error is right, its column early.)
        if (c == InvalidMarker && _fallback.Count > 0)
        {
            throw Error($"a byte sequence that is not valid {(_reader.CurrentEncoding.WebName)}.", Line, Column, FingerprintErrorKind.InvalidEncoding);
        }

        if (c == '\n')
        {
            Line++;
            Column = 1;
        }
        else if (!char.IsLowSurrogate(c) || !_afterHighSurrogate)
        {
            Column++;
        }

        _afterHighSurrogate = char.IsHighSurrogate(c);
    }

    /// <summary>Keeps <see cref="Pending"/> at the front of the buffer (growing it when full) and
    /// decodes more after it; whether any text is pending.</summary>
    private bool Fill()
    {
        var kept = _length - _position;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (kept > 0 && _position > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, kept);
        }

        _position = 0;
        _length = kept;
        int read;
        try
        {
            read = _reader.Read(_buffer, kept, _buffer.Length - kept);
        }
        catch (IOException exception)
        {
            throw new FingerprintException(FingerprintErrorKind.Unreadable, Path, $"couldn't read {Path}: {exception.Message}", inner: exception);
        }

        _length += read;
        Ended = read == 0;
        if (!_started && read > 0)
        {
            // §3.1: a byte-order mark at the very start is dropped.
            _started = true;
            _position = _buffer[0] == '\uFEFF' ? 1 : 0;
            if (_position == _length)
            {
                return Fill();
            }
        }

        return _position < _length;
    }

    /// <summary>Decodes each invalid byte sequence as U+FFFD, counting them.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return InvalidMarker;
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }

                _remaining = 1;
                return true;
            }
        }
    }
}
