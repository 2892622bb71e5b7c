namespace DataIp.Web.Pages.Admin;

/// <summary>A text or number box of an administrator's form (Pages/Admin/_Field.cshtml).</summary>
/// <param name="Id">The input's id, which the error summary links to.</param>
/// <param name="Name">The name it is posted under (the model's property).</param>
/// <param name="Label">Its label.</param>
/// <param name="Hint">What the law or the register asks for, if anything needs saying.</param>
/// <param name="Value">What it holds: what was typed, kept after a refusal.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="Type">The input type: text, number, email, password, search.</param>
/// <param name="MaxLength">Its longest value.</param>
public sealed record InputField(string Id, string Name, string Label, string? Hint, string? Value, IReadOnlyList<string> Errors, string Type = "text", int MaxLength = 200)
{
    /// <summary>The ids the input is described by: its hint and its error.</summary>
    public string? DescribedBy => string.Join(" ", new[] { Hint is null ? null : Id + "-hint", Errors.Count > 0 ? Id + "-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

/// <summary>The administrator's forms: a use case's refusal as the form's errors.</summary>
internal static class AdminForms
{
    /// <summary>
    /// The errors of <paramref name="refusal"/> on a form: each field the use case names (by the
    /// API's field name) as its field's message in the page's language, from <paramref name="fields"/>
    /// (API name → field id and text key); anything else, with the use case's words, on
    /// <paramref name="firstFieldId"/>.
    /// </summary>
    public static IReadOnlyList<FieldError> Errors(Refusal refusal, IReadOnlyDictionary<string, (string FieldId, string Key)> fields, string firstFieldId)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(fields);
        if (refusal.Fields is not { Count: > 0 } errors)
        {
            return [new FieldError(firstFieldId, RefusalText.Sentence(refusal))];
        }

        var result = new List<FieldError>();
        foreach (var (name, messages) in errors)
        {
            var field = name.StartsWith("policy.", StringComparison.Ordinal) ? name["policy.".Length..] : name;
            result.Add(fields.TryGetValue(field, out var known)
                ? new FieldError(known.FieldId, Text.Get(known.Key))
                : new FieldError(firstFieldId, Text.Get("Action.Refused") + string.Join(" ", messages.Select(RefusalText.ForPage))));
        }

        return [.. result.DistinctBy(e => (e.FieldId, e.Message))];
    }
}
