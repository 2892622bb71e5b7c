namespace DataIp.Domain.Registration.ContentRules;

/// <summary>How a text member is checked: its length in Unicode scalar values, and whether it is one line.</summary>
internal readonly record struct TextRule(int MinLength, int MaxLength, bool SingleLine, bool Required = true)
{
    public static TextRule Name(int maxLength) => new(ApplicationContentLimits.NameMinLength, maxLength, SingleLine: true);

    public static TextRule Line(int maxLength) => new(1, maxLength, SingleLine: true);

    public static TextRule Paragraphs(int maxLength) => new(1, maxLength, SingleLine: false);

    public TextRule Optional() => this with { Required = false };
}
