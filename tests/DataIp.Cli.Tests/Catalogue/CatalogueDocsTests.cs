using System.Text;
using DataIp.Domain.Acts;

namespace DataIp.Cli.Tests.Catalogue;

/// <summary>docs/transparency-log.md lists every act type as <see cref="ActCatalogue"/> has it.</summary>
public sealed class CatalogueDocsTests
{
    private const string Start = "<!-- act catalogue: CatalogueDocsTests checks this table -->";
    private const string End = "<!-- end of the act catalogue -->";

    [Fact]
    public void TransparencyLogDoc_ActTable_IsTheCatalogue()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "transparency-log.md")).ReplaceLineEndings("\n");
        var from = doc.IndexOf(Start, StringComparison.Ordinal);
        var to = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/transparency-log.md has no block between \"{Start}\" and \"{End}\".");

        var table = doc[(from + Start.Length)..to].Trim('\n');

        Assert.True(table == Table(), $"The act table of docs/transparency-log.md is not the catalogue's; it should be:\n{Table()}");
    }

    // One row per act type, in the catalogue's order; an optional member is marked with '?'.
    private static string Table()
    {
        var table = new StringBuilder()
            .Append("| act | reasons | public | public from the notice | private (digest only) |\n")
            .Append("|---|---|---|---|---|\n");
        foreach (var descriptor in ActCatalogue.All)
        {
            table.Append($"| `{descriptor.Name}` | {Reasons(descriptor.Reason)} | {Members(descriptor, Disclosure.Public)} | ")
                .Append($"{Members(descriptor, Disclosure.PublicFromNotice)} | {Members(descriptor, Disclosure.Parties, Disclosure.BodyStaff)} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string Reasons(ReasonDisclosure reasons) => reasons switch
    {
        ReasonDisclosure.Public => "public",
        ReasonDisclosure.Parties => "private",
        _ => "none",
    };

    private static string Members(ActDescriptor descriptor, params Disclosure[] disclosures)
    {
        var members = descriptor.Members.Where(m => disclosures.Contains(m.Disclosure))
            .Select(m => $"`{m.Name}{(m.Required ? "" : "?")}`{(m.Disclosure == Disclosure.BodyStaff ? " (body staff)" : "")}")
            .ToList();
        return members.Count == 0 ? "–" : string.Join(", ", members);
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
