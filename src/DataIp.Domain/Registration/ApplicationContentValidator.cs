using DataIp.Domain.Registration.ContentRules;

namespace DataIp.Domain.Registration;

/// <summary>
/// Checks an <see cref="ApplicationContent"/> before it is saved as a draft or submitted (DOMAIN §6).
/// </summary>
/// <remarks>
/// A draft may be half-filled: only the members present are checked, and only their form (lengths,
/// code formats, defined enum values, hex digests, email and phone shapes, dates). A submission must
/// additionally carry every required member and meet every rule. Pure and thread-safe.
/// </remarks>
public static class ApplicationContentValidator
{
    /// <summary>Validates a content.</summary>
    /// <param name="content">The content to check.</param>
    /// <param name="mode">Whether a draft is saved or an application submitted.</param>
    /// <param name="options">Identifier checks, today's date and the limits.</param>
    /// <returns>
    /// The errors found, keyed by camelCase JSON path (e.g. <c>dataObject.dataName</c>,
    /// <c>rightsClaimed[1].agreementReference</c>), each with one or more English sentences; empty when
    /// the content is acceptable. The shape is that of a ProblemDetails <c>errors</c> member.
    /// </returns>
    public static IReadOnlyDictionary<string, string[]> Validate(
        ApplicationContent content,
        ValidationMode mode,
        ApplicationValidationOptions options) => ContentProblem.Errors(Problems(content, mode, options));

    /// <summary>Validates a content and says what is wrong as codes and facts, for a reader to word in its language.</summary>
    /// <param name="content">The content to check.</param>
    /// <param name="mode">Whether a draft is saved or an application submitted.</param>
    /// <param name="options">Identifier checks, today's date and the limits.</param>
    /// <returns>
    /// The problems found, in the order <see cref="Validate"/> lists their sentences; empty when the
    /// content is acceptable. Each problem's <see cref="ContentProblem.English"/> is the sentence
    /// <see cref="Validate"/> gives for it.
    /// </returns>
    public static IReadOnlyList<ContentProblem> Problems(
        ApplicationContent content,
        ValidationMode mode,
        ApplicationValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Expected Draft or Submission.");
        }

        var scope = new ValidationScope(mode, options);
        ApplicantRules.Check(scope, content.Applicant);
        DataObjectRules.Check(scope, content.DataObject);
        EvidenceRules.Check(scope, content.Evidence);
        RightsRules.Check(scope, content.RightsClaimed);
        DeclarationRules.Check(scope, content.Declarations);
        return scope.Problems();
    }
}
