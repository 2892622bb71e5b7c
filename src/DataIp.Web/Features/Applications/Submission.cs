using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Applications;

/// <summary>What submitting, resubmitting and publishing an application share: its particulars and the content's checks.</summary>
internal static class Submission
{
    /// <summary>Validation options with the real identifier checks and today's date in China.</summary>
    public static ApplicationValidationOptions ValidationOptions(DateOnly today) => new(
        UnifiedSocialCreditCode.Validate,
        ResidentIdNumber.Validate,
        today);

    /// <summary>Refuses an application whose content is not complete, listing every field that needs attention.</summary>
    public static Refusal? Validate(ActContext context)
    {
        var problems = ApplicationContentValidator.Problems(context.Application.Content, ValidationMode.Submission, ValidationOptions(context.Today));
        var fields = ContentErrors(problems);
        return fields.Count == 0 ? null : Refusal.Invalid(fields, new RefusalMessage(RefusalKey.SubmissionIncomplete, fields.Count));
    }

    /// <summary>
    /// The content validator's problems as a refusal's fields ("content." + its path), in the order
    /// found: the API says each problem's English sentence; a page words the problem itself
    /// (<see cref="RefusalMessage.Content"/>).
    /// </summary>
    public static Dictionary<string, RefusalMessage[]> ContentErrors(IReadOnlyList<ContentProblem> problems) =>
        problems.GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => "content." + g.Key, g => g.Select(RefusalMessage.Content).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Records a filing of the application's content (a submission or a resubmission): its
    /// fingerprint's particulars become public and its sketch is indexed for overlaps.
    /// </summary>
    public static async Task FileAsync(ActContext context, FilingPayload act, CancellationToken cancellationToken)
    {
        var fingerprint = await context.Pipeline.Evidence.RecordSubmissionAsync(context.Application, context.Now, cancellationToken).ConfigureAwait(false);
        context.Record(WithParticulars(act with { Fingerprint = fingerprint }, context.Application));
    }

    /// <summary>The act with the application's particulars (public once its notice starts) and its whole content.</summary>
    public static T WithParticulars<T>(T act, ApplicationRecord application)
        where T : ParticularsPayload
    {
        ArgumentNullException.ThrowIfNull(application);
        var content = application.Content;
        return (T)((ParticularsPayload)act with
        {
            Holder = content.Applicant?.Name,
            IndustryCode = content.DataObject?.IndustryCode,
            DataSourceType = content.DataObject?.DataSourceType,
            Content = content,
        });
    }

    /// <summary>Clears a correction request once answered or lapsed.</summary>
    public static void ClearCorrection(ApplicationRecord application)
    {
        application.CorrectionRequest = null;
        application.CorrectionLastDay = null;
        application.CorrectionDeadline = null;
    }
}
