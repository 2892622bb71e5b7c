namespace DataIp.Web.Pages.Drafts;

/// <summary>One question of a section's page (Pages/Drafts/_Input.cshtml): a text box, a text area, or a choice.</summary>
/// <param name="Id">The HTML id, which the error summary links to.</param>
/// <param name="Name">The form name it binds to (<c>Fields.Name</c>).</param>
/// <param name="Label">Its label.</param>
/// <param name="Value">What was typed or stored.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="Hint">What the law asks for, if anything needs saying.</param>
public sealed record DraftInput(string Id, string Name, string Label, string? Value, IReadOnlyList<string> Errors, string? Hint = null)
{
    /// <summary>Lines of a text area; 0 for a one-line box.</summary>
    public int Rows { get; init; }

    /// <summary>The input type of a one-line box (text, email, tel, date).</summary>
    public string Type { get; init; } = "text";

    /// <summary>The choices of a select (value → label), the first an empty "choose" entry; null for a text box.</summary>
    public IReadOnlyList<(string Value, string Label)>? Choices { get; init; }

    /// <summary>The longest answer, if the box says so.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A wide box (long texts, addresses).</summary>
    public bool Wide { get; init; }
}

/// <summary>An attachment as a section's page lists it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FileName">The name it was uploaded with.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record DraftAttachment(Guid Id, string FileName, long Length)
{
    /// <summary>The size as people read it (KB, MB), in the page's culture.</summary>
    public string Size => Length switch
    {
        < 1024 => Text.Format("Draft.Size.Bytes", Length),
        < 1024 * 1024 => Text.Format("Draft.Size.Kilobytes", Math.Round(Length / 1024.0, 1)),
        _ => Text.Format("Draft.Size.Megabytes", Math.Round(Length / 1048576.0, 1)),
    };
}
