using System.Globalization;
using DataIp.Domain.Numbering;

namespace DataIp.Web.Pages.Drafts;

/// <summary>
/// Words a problem the content validator found (<see cref="ContentProblem"/>) in the page's
/// language: the sentence <c>Content.&lt;code&gt;</c>, whose first placeholder is the field's label
/// (<see cref="DraftCase.Label"/>) and the others the problem's facts as the pages word them (numbers
/// and days in the page's culture, enum values by their labels, an identifier's check by its own
/// sentence <c>Content.Identifier.&lt;code&gt;</c>). The API's English stays the domain's.
/// </summary>
public static class ContentText
{
    /// <summary>The problem as a sentence in the current UI culture.</summary>
    public static string Sentence(ContentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        object?[] values = [DraftCase.Label(problem.Path), .. problem.Arguments.Select(Argument)];
        return string.Format(CultureInfo.CurrentCulture, Text.Get(Key(problem.Code)), values);
    }

    /// <summary>The resource key of a problem's sentence.</summary>
    public static string Key(ContentProblemCode code) =>
        Enum.IsDefined(code) ? "Content." + code : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown content problem.");

    /// <summary>The resource key of an identifier check's sentence; a check with no code (written elsewhere) has a general one.</summary>
    public static string Key(CodeCheckCode? code) => code is { } c && Enum.IsDefined(c) ? "Content.Identifier." + c : "Content.Identifier.Unworded";

    /// <summary>What an identifier's check found, in the current UI culture.</summary>
    public static string Identifier(CodeCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return string.Format(CultureInfo.CurrentCulture, Text.Get(Key(check.Code)), [.. check.Arguments.Select(Argument)]);
    }

    private static object Argument(object? value) => value switch
    {
        null => "",
        CodeCheck check => Identifier(check),
        DateOnly day => Labels.Day(day),
        int or long => ((IFormattable)value).ToString("N0", CultureInfo.CurrentCulture),
        RegistrantType or DataSourceType or RightBasis => Text.Get($"Draft.{value.GetType().Name}.{value}"),
        DataRight right => Text.Get("Right." + right),
        Enum other => throw new ArgumentException($"The pages have no words for {other.GetType().Name}.{other}.", nameof(value)),
        _ => value,
    };
}
