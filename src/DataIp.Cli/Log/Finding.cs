namespace DataIp.Cli.Log;

/// <summary>
/// Something wrong with the log: what was being checked (<see cref="Subject"/>, e.g. "checkpoint",
/// "tile/0/000", "entry 17") and what is wrong with it. Printed as one line on stderr. Immutable.
/// </summary>
/// <param name="Subject">What was being checked: a resource path or an entry.</param>
/// <param name="Message">What is wrong, for people; one line.</param>
internal sealed record Finding(string Subject, string Message)
{
    /// <summary>"subject: message", with any line break in either flattened to a space so a
    /// finding always stays one line.</summary>
    /// <returns>The line, without a newline.</returns>
    public override string ToString() => OneLine($"{Subject}: {Message}");

    private static string OneLine(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
