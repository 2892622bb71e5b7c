using System.Diagnostics;
using System.Globalization;
using DataIp.Domain.Fingerprinting;

namespace DataIp.Cli.Fingerprints;

/// <summary>
/// A one-line progress bar on a terminal: bytes done of the total, the rate and the time left,
/// redrawn in place (carriage return) at most ten times a second and cleared by <see cref="Dispose"/>.
/// Reports may come from any thread; drawing is serialised.
/// </summary>
internal sealed class TerminalProgress(TextWriter error) : IProgress<FingerprintProgress>, IDisposable
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan _lastDrawn = -Interval;
    private int _width;

    /// <summary>Whether a progress bar belongs on <paramref name="error"/>: it is the console's
    /// stderr and that is a terminal (not redirected to a file or a pipe).</summary>
    public static bool IsWanted(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public void Report(FingerprintProgress value)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (now - _lastDrawn < Interval && value.BytesDone < value.BytesTotal)
            {
                return;
            }

            _lastDrawn = now;
            var line = Render(value, now);
            error.Write("\r" + line.PadRight(_width));
            _width = line.Length;
            error.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_width > 0)
            {
                error.Write("\r" + new string(' ', _width) + "\r");
                error.Flush();
                _width = 0;
            }
        }
    }

    /// <summary>The bar's text, e.g. "[#######-------] 512.0/2048.0 MiB  1234.5 MB/s  0:02 left".</summary>
    internal static string Render(FingerprintProgress value, TimeSpan elapsed)
    {
        var fraction = value.BytesTotal > 0 ? Math.Clamp(value.BytesDone / (double)value.BytesTotal, 0, 1) : 1;
        var filled = (int)Math.Round(fraction * BarWidth);
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = value.BytesDone / seconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((value.BytesTotal - value.BytesDone) / rate) : TimeSpan.Zero;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {value.BytesDone / 1048576.0:F1}/{value.BytesTotal / 1048576.0:F1} MiB  {rate / 1e6:F1} MB/s  {(int)left.TotalMinutes}:{left.Seconds:D2} left");
    }
}
