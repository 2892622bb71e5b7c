using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary><c>createDraft</c>: the log shows only that a draft was made, and for which body.</summary>
public sealed record CreateDraftAct : ActPayload
{
    /// <summary>The body the draft is for.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>The data's name so far.</summary>
    [Disclosed(Disclosure.Parties)] public string? DataName { get; init; }

    /// <summary>The content so far.</summary>
    [Disclosed(Disclosure.Parties)] public ApplicationContent? Content { get; init; }
}

/// <summary><c>updateContent</c>: the applicant replaces a draft's or a correction's content.</summary>
public sealed record UpdateContentAct : ActPayload
{
    /// <summary>The application number, once submitted.</summary>
    [Disclosed(Disclosure.Public)] public string? ApplicationNumber { get; init; }

    /// <summary>The body.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>The data's name.</summary>
    [Disclosed(Disclosure.Parties)] public string? DataName { get; init; }

    /// <summary>The new content.</summary>
    [Disclosed(Disclosure.Parties)] public ApplicationContent? Content { get; init; }
}

/// <summary><c>addAttachment</c>: a file attached to a draft or a correction.</summary>
public sealed record AddAttachmentAct : ActPayload
{
    /// <summary>The application number, once submitted.</summary>
    [Disclosed(Disclosure.Public)] public string? ApplicationNumber { get; init; }

    /// <summary>The attachment's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid AttachmentId { get; init; }

    /// <summary>What it is for.</summary>
    [Disclosed(Disclosure.Public)] public required AttachmentKind Kind { get; init; }

    /// <summary>Its length in bytes.</summary>
    [Disclosed(Disclosure.Public)] public required long Length { get; init; }

    /// <summary>Its SHA-256, lowercase hex.</summary>
    [Disclosed(Disclosure.Parties)] public string? Sha256 { get; init; }
}

/// <summary>
/// <c>handOverApplication</c>: the applicant hands a draft, or an application that owes a
/// correction, to a colleague: another applicant account verified for the same organisation, who
/// is its applicant from then on. The log shows only that it changed hands; who received it is the
/// parties'.
/// </summary>
public sealed record HandOverApplicationAct : ActPayload
{
    /// <summary>The application number, once submitted.</summary>
    [Disclosed(Disclosure.Public)] public string? ApplicationNumber { get; init; }

    /// <summary>The body.</summary>
    [Disclosed(Disclosure.Public)] public required string BodyCode { get; init; }

    /// <summary>The account that hands it over.</summary>
    [Disclosed(Disclosure.Parties)] public Guid? FromAccountId { get; init; }

    /// <summary>The colleague's account: the applicant from now on.</summary>
    [Disclosed(Disclosure.Parties)] public Guid? ToAccountId { get; init; }

    /// <summary>The colleague's name as their account gives it.</summary>
    [Disclosed(Disclosure.Parties)] public string? ToName { get; init; }
}

/// <summary>An act that files the application's content: its fingerprint's particulars are public at once (they date the evidence).</summary>
public abstract record FilingPayload : ParticularsPayload
{
    /// <summary>The fingerprint's public particulars.</summary>
    [Disclosed(Disclosure.Public)] public FingerprintParticulars? Fingerprint { get; init; }
}

/// <summary><c>submit</c>: the applicant submits; the body's application number is assigned.</summary>
public sealed record SubmitAct : FilingPayload;

/// <summary><c>resubmit</c>: the applicant answers a correction request.</summary>
public sealed record ResubmitAct : FilingPayload;

/// <summary><c>startExamination</c>.</summary>
public sealed record StartExaminationAct : TransitionPayload;

/// <summary><c>requestCorrection</c>: the request itself is the act's (private) reason.</summary>
public sealed record RequestCorrectionAct : TransitionPayload
{
    /// <summary>The last day to answer (China time).</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly CorrectionLastDay { get; init; }
}

/// <summary><c>lapseCorrection</c>: the platform withdraws an application not corrected in time.</summary>
public sealed record LapseCorrectionAct : TransitionPayload
{
    /// <summary>The last day that passed.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? CorrectionLastDay { get; init; }
}

/// <summary><c>withdraw</c>.</summary>
public sealed record WithdrawAct : TransitionPayload;

/// <summary><c>passFormalExamination</c>; when the public notice starts, its particulars are published.</summary>
public sealed record PassFormalExaminationAct : ParticularsPayload
{
    /// <summary>The notice's last day, when the notice starts with this act.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? NoticeLastDay { get; init; }

    /// <summary>The rights claimed, when the notice starts with this act.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public IReadOnlyList<DataRight>? Rights { get; init; }
}

/// <summary><c>passSubstantiveExamination</c>: the public notice starts.</summary>
public sealed record PassSubstantiveExaminationAct : ParticularsPayload
{
    /// <summary>The notice's last day.</summary>
    [Disclosed(Disclosure.Public)] public DateOnly? NoticeLastDay { get; init; }

    /// <summary>The rights claimed.</summary>
    [Disclosed(Disclosure.PublicFromNotice)] public IReadOnlyList<DataRight>? Rights { get; init; }
}

/// <summary><c>reject</c> (不予登记): the reasons are public.</summary>
public sealed record RejectAct : TransitionPayload;

/// <summary><c>fileObjection</c>: the grounds are the act's (private) reason.</summary>
public sealed record FileObjectionAct : TransitionPayload
{
    /// <summary>The objection's id.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ObjectionId { get; init; }

    /// <summary>The objector's name.</summary>
    [Disclosed(Disclosure.Public)] public required string ObjectorName { get; init; }

    /// <summary>The evidence files.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>How the examiner reaches the objector: the body's staff only.</summary>
    [Disclosed(Disclosure.BodyStaff)] public string? ObjectorContact { get; init; }

    /// <summary>The evidence files' SHA-256 digests.</summary>
    [Disclosed(Disclosure.Parties)] public IReadOnlyList<string>? AttachmentHashes { get; init; }
}

/// <summary><c>upholdObjection</c>: the application is rejected; the reasons are public.</summary>
public sealed record UpholdObjectionAct : TransitionPayload
{
    /// <summary>The objection ruled on.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ObjectionId { get; init; }

    /// <summary>The ruling: upheld.</summary>
    [Disclosed(Disclosure.Public)] public required ObjectionStatus Ruling { get; init; }
}

/// <summary><c>dismissObjection</c>: the notice continues; the reasons are public.</summary>
public sealed record DismissObjectionAct : TransitionPayload
{
    /// <summary>The objection ruled on.</summary>
    [Disclosed(Disclosure.Public)] public required Guid ObjectionId { get; init; }

    /// <summary>The ruling: dismissed.</summary>
    [Disclosed(Disclosure.Public)] public required ObjectionStatus Ruling { get; init; }
}
