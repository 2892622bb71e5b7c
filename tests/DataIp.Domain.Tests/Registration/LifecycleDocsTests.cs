using DataIp.Domain.Registration;

namespace DataIp.Domain.Tests.Registration;

/// <summary>docs/lifecycle.md must show the table exactly as implemented.</summary>
public sealed class LifecycleDocsTests
{
    [Fact]
    public void LifecycleDoc_Table_HasOneLinePerRule()
    {
        var states = Enum.GetNames<ApplicationState>();
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "lifecycle.md"))
            .Where(line => states.Any(state => line.StartsWith($"| {state} | ", StringComparison.Ordinal)))
            .Select(line => string.Join(" | ", line.Split('|', StringSplitOptions.TrimEntries)[1..4]));

        var rules = Lifecycle.Rules
            .Select(rule => $"{rule.From} | {rule.Trigger} | {string.Join(", ", rule.Actors.Order())}");

        Assert.Equal(rules, rows);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find DataIp.slnx above the test binaries.");
    }
}
