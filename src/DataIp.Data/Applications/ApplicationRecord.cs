using DataIp.Data.Bodies;
using DataIp.Domain.Registration;

namespace DataIp.Data.Applications;

/// <summary>
/// The current state of one application and, once registered, of its registration: the projection
/// that queries read. Every change to it is made together with an <see cref="Acts.Act"/> in the
/// same transaction.
/// </summary>
public sealed class ApplicationRecord
{
    /// <summary>Internal identifier, stable from the first draft.</summary>
    public Guid Id { get; set; }

    /// <summary>The body's application number, assigned on submission (null for drafts).</summary>
    public string? ApplicationNumber { get; set; }

    /// <summary>The registration body the application is filed with.</summary>
    public int BodyId { get; set; }

    /// <summary>The registration body.</summary>
    public RegistrationBody Body { get; set; } = null!;

    /// <summary>The applicant's account.</summary>
    public Guid ApplicantId { get; set; }

    /// <summary>Where the application stands in the lifecycle.</summary>
    public ApplicationState State { get; set; }

    /// <summary>The full field model of DOMAIN §6 (private parts included).</summary>
    public ApplicationContent Content { get; set; } = new();

    /// <summary>Copy of the data name for lists and search.</summary>
    public string DataName { get; set; } = "";

    /// <summary>
    /// Copy of the data object's industry (GB/T 4754-2017 section letter and division, e.g. <c>I65</c>)
    /// for search filters and statistics; null when the content has no well-formed code.
    /// </summary>
    public string? IndustryCode { get; set; }

    /// <summary>When the draft was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the application was (first) submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>What the examiner asked to correct (shown to the applicant).</summary>
    public string? CorrectionRequest { get; set; }

    /// <summary>The last day the applicant may answer the correction request (China time).</summary>
    public DateOnly? CorrectionLastDay { get; set; }

    /// <summary>The instant the correction period ends (end of <see cref="CorrectionLastDay"/>).</summary>
    public DateTimeOffset? CorrectionDeadline { get; set; }

    /// <summary>When the public notice started.</summary>
    public DateTimeOffset? NoticeStartedAt { get; set; }

    /// <summary>The last day of the public notice period (China time).</summary>
    public DateOnly? NoticeLastDay { get; set; }

    /// <summary>The instant the public notice period ends (end of <see cref="NoticeLastDay"/>).</summary>
    public DateTimeOffset? NoticeEndsAt { get; set; }

    /// <summary>Reasons of a rejection (不予登记), public.</summary>
    public string? DecisionReasons { get; set; }

    /// <summary>When the application reached a final decision (registered, rejected or withdrawn).</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The 16-character registration number, once registered.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>The date of the registration announcement (China time).</summary>
    public DateOnly? RegistrationDate { get; set; }

    /// <summary>The last day of validity.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The current certificate's number.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>The number of registered pledges not yet released: the certificate reads <c>pledged</c> while it is above zero.</summary>
    public int ActivePledges { get; set; }

    /// <summary>
    /// Optimistic concurrency token: incremented by every act, so two acts decided on the same
    /// state never both commit.
    /// </summary>
    public int Version { get; set; }

    /// <summary>
    /// Sets the content and the copies of it kept in columns (<see cref="DataName"/>,
    /// <see cref="IndustryCode"/>): the one place they are copied, so they cannot drift from it.
    /// </summary>
    /// <param name="content">The application's new content.</param>
    public void SetContent(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        DataName = content.DataObject?.DataName?.Trim() ?? "";
        IndustryCode = content.DataObject?.IndustryCode is { } code && IndustryClassification.IsValid(code) ? code : null;
    }
}
