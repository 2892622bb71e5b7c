using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// One validation run: the mode, the options, and the problems found so far. The
/// checks here are the building blocks every group's rules are written in.
/// </summary>
internal sealed class ValidationScope(ValidationMode mode, ApplicationValidationOptions options)
{
    private readonly List<ContentProblem> _problems = [];

    public ApplicationValidationOptions Options { get; } = options;

    public ApplicationContentLimits Limits => Options.Limits;

    public bool IsSubmission { get; } = mode == ValidationMode.Submission;

    public void Add(string path, ContentProblemCode code, params object?[] arguments) => _problems.Add(new ContentProblem(path, code, arguments));

    public IReadOnlyList<ContentProblem> Problems() => [.. _problems];

    /// <summary>True when the value is present; at submission an absent value is an error.</summary>
    public bool Require<T>(string path, [NotNullWhen(true)] T? value)
    {
        if (value is not null)
        {
            return true;
        }

        RequiredAtSubmission(path);
        return false;
    }

    public void RequiredAtSubmission(string path)
    {
        if (IsSubmission)
        {
            Add(path, ContentProblemCode.Required);
        }
    }

    /// <summary>True when the text is present (not blank); at submission an absent text is an error.</summary>
    public bool RequireText(string path, [NotNullWhen(true)] string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        RequiredAtSubmission(path);
        return false;
    }

    /// <summary>Checks a text; blank counts as absent. True when the text is present.</summary>
    public bool Text(string path, [NotNullWhen(true)] string? value, TextRule rule)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (rule.Required)
            {
                RequiredAtSubmission(path);
            }

            return false;
        }

        var length = value.EnumerateRunes().Count();
        if (length < rule.MinLength || length > rule.MaxLength)
        {
            if (rule.MinLength <= 1)
            {
                Add(path, ContentProblemCode.TooLong, rule.MaxLength, length);
            }
            else
            {
                Add(path, ContentProblemCode.LengthOutOfRange, rule.MinLength, rule.MaxLength, length);
            }
        }

        if (rule.SingleLine && value.Any(char.IsControl))
        {
            Add(path, ContentProblemCode.NotSingleLine);
        }

        return true;
    }

    /// <summary>Checks an enum value is present (at submission) and defined. True when it is present.</summary>
    public bool EnumValue<T>(string path, T? value, bool required = true)
        where T : struct, Enum
    {
        if (value is not { } present)
        {
            if (required)
            {
                RequiredAtSubmission(path);
            }

            return false;
        }

        if (!System.Enum.IsDefined(present))
        {
            var names = string.Join(", ", System.Enum.GetValues<T>().Select(EnumName));
            Add(path, ContentProblemCode.UndefinedValue, Convert.ToInt64(present, CultureInfo.InvariantCulture), names);
        }

        return true;
    }

    /// <summary>Checks an identifier through one of the injected checks.</summary>
    public void Identifier(string path, string? value, IdentifierCheck check, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                RequiredAtSubmission(path);
            }
        }
        else if (check(value) is { IsValid: false } problem)
        {
            Add(path, ContentProblemCode.IdentifierInvalid, problem);
        }
    }

    /// <summary>Checks a list's size: at most <paramref name="max"/>, and at submission at least <paramref name="minAtSubmission"/>.</summary>
    public void Count<T>(string path, IReadOnlyList<T> items, int minAtSubmission, int max)
    {
        if (items.Count > max)
        {
            Add(path, ContentProblemCode.TooMany, max, items.Count);
        }
        else if (IsSubmission && items.Count < minAtSubmission)
        {
            Add(path, ContentProblemCode.TooFew, minAtSubmission);
        }
    }

    /// <summary>Checks a list of attachment ids: bounded, none empty, none repeated.</summary>
    public void Attachments(string path, IReadOnlyList<Guid> ids)
    {
        Count(path, ids, minAtSubmission: 0, Limits.MaxAttachments);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == Guid.Empty)
            {
                Add($"{path}[{i}]", ContentProblemCode.AttachmentIdEmpty);
            }
            else if (!seen.Add(ids[i]))
            {
                Add($"{path}[{i}]", ContentProblemCode.AttachmentRepeated, ids[i]);
            }
        }
    }

    /// <summary>An enum value's name as it is written in JSON.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

}
