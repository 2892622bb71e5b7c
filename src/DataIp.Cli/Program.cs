using System.CommandLine;

namespace DataIp.Cli;

/// <summary>Entry point of the <c>dataip</c> command-line tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("dataip: the DataIP Registry command-line tool");
        return root.Parse(args).Invoke();
    }
}
