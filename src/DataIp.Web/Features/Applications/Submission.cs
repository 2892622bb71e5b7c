using DataIp.Domain.Numbering;

namespace DataIp.Web.Features.Applications;

/// <summary>What submitting, resubmitting and publishing an application share: its particulars and the content's checks.</summary>
internal static class Submission
{
    /// <summary>Validation options with the real identifier checks and today's date in China.</summary>
    public static ApplicationValidationOptions ValidationOptions(DateOnly today) => new(
        code => UnifiedSocialCreditCode.Validate(code).Error,
        id => ResidentIdNumber.Validate(id).Error,
        today);

    /// <summary>Refuses an application whose content is not complete, listing every field that needs attention.</summary>
    public static Refusal? Validate(ActContext context)
    {
        var errors = ApplicationContentValidator.Validate(context.Application.Content, ValidationMode.Submission, ValidationOptions(context.Today));
        return errors.Count == 0
            ? null
            : Refusal.Invalid(ContentErrors(errors), new RefusalMessage(RefusalKey.SubmissionIncomplete, errors.Count));
    }

    /// <summary>
    /// The content validator's errors as a refusal's fields ("content." + its path): the API keeps
    /// its English sentences; a page words each field itself by its path (<c>Pages/Drafts/DraftCase</c>),
    /// or says <see cref="RefusalKey.ContentFieldInvalid"/>.
    /// </summary>
    public static Dictionary<string, RefusalMessage[]> ContentErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => "content." + e.Key, e => e.Value.Select(m => RefusalMessage.Worded(m, RefusalKey.ContentFieldInvalid)).ToArray(), StringComparer.Ordinal);

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
