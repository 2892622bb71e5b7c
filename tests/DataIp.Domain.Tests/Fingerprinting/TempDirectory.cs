using System.Diagnostics;

namespace DataIp.Domain.Tests.Fingerprinting;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dataip-fp-").FullName;
    }

    public string Path { get; }

    public string File(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, content);
        return full;
    }

    public string Text(string relative, string content) => File(relative, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Makes a named pipe (FIFO) with mkfifo(1); nothing ever writes to it.</summary>
    public string NamedPipe(string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { full } })!;
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? full : throw new InvalidOperationException($"couldn't make the named pipe {full}: mkfifo exited {mkfifo.ExitCode}");
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
