using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DataIp.Web.Pages;

/// <summary>An error of a form: the message, and the id of the field it is about (the summary links to it).</summary>
/// <param name="FieldId">The HTML id of the field.</param>
/// <param name="Message">What is wrong and how to put it right.</param>
/// <param name="WholeForm">An error of the whole form (wrong e-mail or password): in the summary only.</param>
public sealed record FieldError(string FieldId, string Message, bool WholeForm = false);

/// <summary>The reason box of an act's form (Pages/Shared/_ReasonField.cshtml): one for every act that takes a reason.</summary>
/// <param name="FieldId">The textarea's id, which the error summary links to.</param>
/// <param name="Label">Its label.</param>
/// <param name="Hint">What the reason is for and who sees it, if anything needs saying.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="Value">What was typed, kept after a refusal.</param>
public sealed record ReasonField(string FieldId, string Label, string? Hint, IReadOnlyList<string> Errors, string? Value);

/// <summary>
/// A form's errors for the error summary at the top of the page (GOV.UK's pattern,
/// Pages/Shared/_ErrorSummary.cshtml) and beside each field: every form validates on the server,
/// and the page it answers with keeps what was typed.
/// </summary>
public static class FormErrors
{
    /// <summary>
    /// The errors recorded in <paramref name="state"/>, in the order of <paramref name="fields"/>
    /// (model key → field id); an error of the whole form ("" key) links to the first field.
    /// </summary>
    public static IReadOnlyList<FieldError> From(ModelStateDictionary state, params (string Key, string FieldId)[] fields)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<FieldError>();
        foreach (var (key, fieldId) in fields.Prepend((string.Empty, fields.Length > 0 ? fields[0].FieldId : string.Empty)))
        {
            if (state.TryGetValue(key, out var entry))
            {
                errors.AddRange(entry.Errors.Select(e => new FieldError(fieldId, e.ErrorMessage, key.Length == 0)));
            }
        }

        return errors;
    }

    /// <summary>The messages about one field, to show beside it.</summary>
    public static IReadOnlyList<string> Of(this IReadOnlyList<FieldError> errors, string fieldId) =>
        [.. errors.Where(e => e.FieldId == fieldId && !e.WholeForm).Select(e => e.Message)];

    /// <summary>A page's title, marked "Error:" when its form has errors, so that a screen reader hears it first.</summary>
    public static string Title(string title, IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? title : Text.Format("Form.ErrorTitle", title);
}
