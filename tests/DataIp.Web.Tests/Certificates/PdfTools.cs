using System.Diagnostics;

namespace DataIp.Web.Tests.Certificates;

/// <summary>
/// Runs poppler-utils and zbar-tools (installed here and in CI); a test skips only when its tool is
/// missing.
/// </summary>
internal static class PdfTools
{
    public static void RequireOrSkip(params string[] tools)
    {
        foreach (var tool in tools)
        {
            if (!File.Exists(Path.Combine("/usr/bin", tool)))
            {
                Assert.Skip($"/usr/bin/{tool} is not installed (apt-get install poppler-utils zbar-tools).");
            }
        }
    }

    /// <summary>Runs <paramref name="tool"/> and returns its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine("/usr/bin", tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = error.Result;
        return (process.ExitCode, output);
    }

    /// <summary>Runs a tool that must succeed.</summary>
    public static string Ok(string tool, params string[] arguments)
    {
        var (code, output) = Run(tool, arguments);
        Assert.True(code == 0, $"{tool} {string.Join(' ', arguments)} exited with {code}.");
        return output;
    }

    /// <summary>Renders a region of page 1 at <paramref name="dpi"/> as binary PPM and counts seal-red pixels.</summary>
    public static int RedPixels(string pdf, int dpi, int x, int y, int width, int height, string outputStem)
    {
        Ok("pdftoppm", "-r", $"{dpi}", "-singlefile", "-x", $"{x}", "-y", $"{y}", "-W", $"{width}", "-H", $"{height}", pdf, outputStem);
        var ppm = File.ReadAllBytes(outputStem + ".ppm");

        // P6 header: "P6", width, height, maxval, each followed by one whitespace byte.
        var position = 0;
        for (var fields = 0; fields < 4; fields++)
        {
            while (char.IsWhiteSpace((char)ppm[position]))
            {
                position++;
            }

            while (!char.IsWhiteSpace((char)ppm[position]))
            {
                position++;
            }
        }

        position++;
        var red = 0;
        for (var i = position; i + 2 < ppm.Length; i += 3)
        {
            if (ppm[i] > 170 && ppm[i + 1] < 90 && ppm[i + 2] < 90)
            {
                red++;
            }
        }

        return red;
    }
}
