namespace DataIp.Domain.Acts;

/// <summary>
/// The name of every act type as the log and the act rows record it (the entry's <c>act</c>
/// member). The one place these names are written: <see cref="ActCatalogue"/> pairs each with its
/// payload record, and everything else refers to these constants or to the catalogue.
/// </summary>
public static class ActTypes
{
    /// <summary>An account is created (sign-up or staff account).</summary>
    public const string CreateAccount = "createAccount";

    /// <summary>An administrator verifies (or refuses) the organisation an applicant account claims.</summary>
    public const string VerifyAccount = "verifyAccount";

    /// <summary>An administrator changes a staff account's role (or the body it is bound to).</summary>
    public const string ChangeAccountRole = "changeAccountRole";

    /// <summary>An administrator disables an account: it is signed out everywhere and may not sign in.</summary>
    public const string DisableAccount = "disableAccount";

    /// <summary>An administrator enables a disabled account again.</summary>
    public const string EnableAccount = "enableAccount";

    /// <summary>An administrator adds a registration body.</summary>
    public const string AddBody = "addBody";

    /// <summary>An administrator changes a body's policy.</summary>
    public const string ChangePolicy = "changePolicy";

    /// <summary>An administrator enters (or replaces) a year's working-day calendar.</summary>
    public const string EnterCalendarYear = "enterCalendarYear";

    /// <summary>The applicant creates a draft application.</summary>
    public const string CreateDraft = "createDraft";

    /// <summary>The applicant replaces a draft's (or a correction's) content.</summary>
    public const string UpdateContent = "updateContent";

    /// <summary>The applicant attaches a file to a draft or correction.</summary>
    public const string AddAttachment = "addAttachment";

    /// <summary>The applicant hands the draft (or the correction it owes) to a colleague of the same verified organisation.</summary>
    public const string HandOverApplication = "handOverApplication";

    /// <summary>The applicant submits the draft.</summary>
    public const string Submit = "submit";

    /// <summary>An examiner takes up the application for formal examination.</summary>
    public const string StartExamination = "startExamination";

    /// <summary>An examiner asks for a correction.</summary>
    public const string RequestCorrection = "requestCorrection";

    /// <summary>The applicant answers a correction request.</summary>
    public const string Resubmit = "resubmit";

    /// <summary>The platform withdraws an application whose correction deadline passed.</summary>
    public const string LapseCorrection = "lapseCorrection";

    /// <summary>The applicant withdraws the application.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>An examiner passes the formal examination.</summary>
    public const string PassFormalExamination = "passFormalExamination";

    /// <summary>An examiner passes the substantive examination.</summary>
    public const string PassSubstantiveExamination = "passSubstantiveExamination";

    /// <summary>An examiner refuses registration.</summary>
    public const string Reject = "reject";

    /// <summary>Anyone files an objection during the public notice.</summary>
    public const string FileObjection = "fileObjection";

    /// <summary>An examiner upholds an objection.</summary>
    public const string UpholdObjection = "upholdObjection";

    /// <summary>An examiner dismisses an objection.</summary>
    public const string DismissObjection = "dismissObjection";

    /// <summary>An examiner or the platform registers the application.</summary>
    public const string Register = "register";

    /// <summary>A certificate is issued (with a registration, re-issue, change, renewal or transfer).</summary>
    public const string IssueCertificate = "issueCertificate";

    /// <summary>An examiner revokes the registration.</summary>
    public const string Revoke = "revoke";

    /// <summary>An examiner re-issues the certificate.</summary>
    public const string ReissueCertificate = "reissueCertificate";

    /// <summary>A holder asks to change the recorded particulars.</summary>
    public const string RequestChange = "requestChange";

    /// <summary>An examiner approves a change.</summary>
    public const string ApproveChange = "approveChange";

    /// <summary>An examiner refuses a change.</summary>
    public const string RefuseChange = "refuseChange";

    /// <summary>A holder renews the registration.</summary>
    public const string Renew = "renew";

    /// <summary>The platform records the end of validity.</summary>
    public const string Expire = "expire";

    /// <summary>A holder offers a transfer.</summary>
    public const string ProposeTransfer = "proposeTransfer";

    /// <summary>The transferee accepts a transfer.</summary>
    public const string AcceptTransfer = "acceptTransfer";

    /// <summary>The transferee declines, or the holder withdraws, a transfer.</summary>
    public const string DeclineTransfer = "declineTransfer";

    /// <summary>A holder records a licence.</summary>
    public const string RecordLicence = "recordLicence";

    /// <summary>A holder or a pledgee files a pledge.</summary>
    public const string FilePledge = "filePledge";

    /// <summary>The other side confirms a pledge.</summary>
    public const string ConfirmPledge = "confirmPledge";

    /// <summary>A pledgee consents to an act.</summary>
    public const string ConsentToAct = "consentToAct";

    /// <summary>The pledgee, or an examiner on a court order, releases a pledge.</summary>
    public const string ReleasePledge = "releasePledge";

    /// <summary>The holder cancels the registration.</summary>
    public const string Cancel = "cancel";

    /// <summary>An administrator imports a pilot-era certificate (docs/import.md).</summary>
    public const string ImportRegistration = "importRegistration";
}

/// <summary>
/// The roles an act's actor may have, as the log records them (<c>actor.role</c>): an account's
/// role, or the public (anyone without an account) or the platform itself. The log's readers (the
/// legal-status replay, <c>dataip log verify</c> and <c>dataip log audit</c>) accept exactly these.
/// </summary>
public static class ActorRoles
{
    /// <summary>An applicant or holder account.</summary>
    public const string Applicant = "applicant";

    /// <summary>An examiner of a registration body.</summary>
    public const string Examiner = "examiner";

    /// <summary>A national or body administrator.</summary>
    public const string Administrator = "administrator";

    /// <summary>A bank or guarantor account (质权人).</summary>
    public const string Pledgee = "pledgee";

    /// <summary>Anyone without an account (an objector, a self sign-up before the account exists).</summary>
    public const string Public = "public";

    /// <summary>The platform acting on a schedule or at start.</summary>
    public const string System = "system";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Applicant, Examiner, Administrator, Pledgee, Public, System];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/>.</summary>
    /// <param name="role">A role as logged.</param>
    /// <returns><see langword="true"/> for a known role.</returns>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>
/// The members every log entry has besides the act's own (docs/transparency-log.md, "Entries"):
/// the envelope that the writer sets and every reader skips when it reads the act's members.
/// </summary>
public static class LogEntryFields
{
    /// <summary>The entry format's version.</summary>
    public const string LogVersion = "logVersion";

    /// <summary>The entry's own index in the log.</summary>
    public const string Index = "index";

    /// <summary>The act's type, one of <see cref="ActTypes"/>.</summary>
    public const string Act = "act";

    /// <summary>The act's id.</summary>
    public const string ActId = "actId";

    /// <summary>When the act took effect (ISO 8601, UTC, 100 ns).</summary>
    public const string At = "at";

    /// <summary>Who acted: an object of <see cref="ActorName"/> and <see cref="ActorRole"/>.</summary>
    public const string Actor = "actor";

    /// <summary>The actor's name, inside <see cref="Actor"/>.</summary>
    public const string ActorName = "name";

    /// <summary>The actor's role, inside <see cref="Actor"/>: one of <see cref="ActorRoles"/>.</summary>
    public const string ActorRole = "role";

    /// <summary>The salted digests of the act's private members: an object of member name → 64 hex digits.</summary>
    public const string Private = "private";

    /// <summary>The act's reasons: in clear when they are a public decision, otherwise among the private digests.</summary>
    public const string Reason = "reason";

    /// <summary>The members above that are not the act's own (those under <see cref="Actor"/> excepted).</summary>
    public static IReadOnlySet<string> Envelope { get; } = new HashSet<string>(StringComparer.Ordinal) { LogVersion, Index, Act, ActId, At, Actor, Private, Reason };

    /// <summary>The entry format this code writes and reads.</summary>
    public const int CurrentLogVersion = 1;
}
