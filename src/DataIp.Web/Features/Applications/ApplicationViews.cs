namespace DataIp.Web.Features.Applications;

/// <summary>An application as its applicant and examiners see it, private content included.</summary>
public sealed record ApplicationView(
    Guid Id,
    string? ApplicationNumber,
    string BodyCode,
    ApplicationState State,
    string DataName,
    ApplicationContent Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    string? CorrectionRequest,
    DateOnly? CorrectionLastDay,
    DateTimeOffset? NoticeStartedAt,
    DateOnly? NoticeLastDay,
    string? DecisionReasons,
    DateTimeOffset? DecidedAt,
    string? RegistrationNumber,
    DateOnly? RegistrationDate,
    DateOnly? ValidUntil,
    string? CertificateNumber,
    int Version)
{
    /// <summary>The view of a stored application.</summary>
    public static ApplicationView Of(ApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.ApplicationNumber, a.Body.Code, a.State, a.DataName, a.Content, a.CreatedAt, a.SubmittedAt,
            a.CorrectionRequest, a.CorrectionLastDay, a.NoticeStartedAt, a.NoticeLastDay, a.DecisionReasons, a.DecidedAt,
            a.RegistrationNumber, a.RegistrationDate, a.ValidUntil, a.CertificateNumber, a.Version);
    }
}

/// <summary>An application as the public sees it under notice or on the register: no private content.</summary>
public sealed record PublicApplicationView(
    string? ApplicationNumber,
    string BodyCode,
    string BodyName,
    string BodyNameEn,
    ApplicationState State,
    string DataName,
    ApplicationContent Content,
    DateTimeOffset? NoticeStartedAt,
    DateOnly? NoticeLastDay,
    string? RegistrationNumber,
    DateOnly? RegistrationDate,
    DateOnly? ValidUntil,
    string? CertificateNumber,
    string? DecisionReasons)
{
    /// <summary>The public view of a stored application.</summary>
    public static PublicApplicationView Of(ApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.ApplicationNumber, a.Body.Code, a.Body.Name, a.Body.NameEn, a.State, a.DataName, a.Content.WithoutPrivateContent(),
            a.NoticeStartedAt, a.NoticeLastDay, a.RegistrationNumber, a.RegistrationDate, a.ValidUntil, a.CertificateNumber, a.DecisionReasons);
    }
}

/// <summary>One line of a list of applications, with what its next step waits for.</summary>
/// <param name="Id">The application's id.</param>
/// <param name="ApplicationNumber">Its number once submitted.</param>
/// <param name="BodyCode">The registration body's code.</param>
/// <param name="State">Where it stands.</param>
/// <param name="DataName">The data's name.</param>
/// <param name="CreatedAt">When the draft was created.</param>
/// <param name="RegistrationNumber">Its registration number once registered.</param>
/// <param name="SubmittedAt">When it was (last) submitted.</param>
/// <param name="CorrectionLastDay">The last day to submit a correction, while one is requested.</param>
/// <param name="NoticeLastDay">The last day of its public notice.</param>
/// <param name="OpenObjections">Objections not yet ruled on.</param>
public sealed record ApplicationSummary(
    Guid Id, string? ApplicationNumber, string BodyCode, ApplicationState State, string DataName, DateTimeOffset CreatedAt, string? RegistrationNumber,
    DateTimeOffset? SubmittedAt = null, DateOnly? CorrectionLastDay = null, DateOnly? NoticeLastDay = null, int OpenObjections = 0);

/// <summary>A reason given with an act (correction request, rejection, ruling, withdrawal).</summary>
/// <param name="Reason">The reason, in the examiner's or applicant's words.</param>
public sealed record ReasonRequest(string? Reason);
