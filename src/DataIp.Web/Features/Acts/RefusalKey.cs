namespace DataIp.Web.Features.Acts;

/// <summary>
/// The name of a refusal's sentence in the pages' resource files (<c>Refusal.&lt;Name&gt;</c> in
/// <c>Pages/Text.resx</c> and <c>Pages/Text.en.resx</c>). Only the keys listed here and the families
/// below exist: a refusal cannot be written without one, and <c>RefusalTextTests</c> proves that
/// each has its sentence in both languages with the same placeholders. The English sentence is
/// also the API's <c>detail</c>.
/// </summary>
public readonly record struct RefusalKey
{
    private RefusalKey(string name) => Name = name;

    /// <summary>The key's name, after the <c>Refusal.</c> prefix.</summary>
    public string Name { get; }

    /// <summary>The key in the resource files.</summary>
    public string ResourceKey => "Refusal." + (Name ?? throw new InvalidOperationException("A default RefusalKey names no sentence."));

    /// <summary>The clause of a failed guard of the lifecycle or a rights table.</summary>
    public static RefusalKey Guard(GuardCode code) => Enum.IsDefined(code) ? new("Guard." + code) : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown guard code.");

    /// <summary>Who may perform an act ("the applicant"), as a refusal names them.</summary>
    public static RefusalKey Actor(Actor actor) => Enum.IsDefined(actor) ? new("Actor." + actor) : throw new ArgumentOutOfRangeException(nameof(actor), actor, "Unknown actor.");

    /// <summary>An act as a verb phrase ("file an objection").</summary>
    public static RefusalKey Trigger(LifecycleTrigger trigger) => Enum.IsDefined(trigger) ? new("Trigger." + trigger) : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger.");

    /// <summary>The state of a licence, as a refusal names it (the pages have no other words for it).</summary>
    public static RefusalKey LicenceStatus(LicenceStatus status) => Enum.IsDefined(status) ? new("LicenceStatus." + status) : throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown licence state.");

    /// <summary>What a table decides on, from its subject in words ("change request" → <c>Subject.ChangeRequest</c>).</summary>
    public static RefusalKey Subject(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return new("Subject." + string.Concat(subject.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
    }

    /// <inheritdoc/>
    public override string ToString() => ResourceKey;

    /// <summary>"Give the {0}'s account id."</summary>
    public static readonly RefusalKey AccountIdMissing = new(nameof(AccountIdMissing));

    /// <summary>"Only {0} may {1}."</summary>
    public static readonly RefusalKey ActorNotPermitted = new(nameof(ActorNotPermitted));

    /// <summary>"The objection was already {0} on {1}."</summary>
    public static readonly RefusalKey AlreadyRuled = new(nameof(AlreadyRuled));

    /// <summary>"Give the amount as a number, e.g. 5000000.00, with no more decimals than the currency has."</summary>
    public static readonly RefusalKey AmountInvalid = new(nameof(AmountInvalid));

    /// <summary>"The application names {0} as the applicant, but this account is verified for {1}. Apply in your own name, or name an agent with a power of attorney (content.applicant.agent)."</summary>
    public static readonly RefusalKey ApplicantMismatch = new(nameof(ApplicantMismatch));

    /// <summary>"This account's claim to the organisation or person it names is not yet verified{0}. Drafts may be edited meanwhile. To be verified, send your registration body the business licence (营业执照) or other proof that you act for the organisation, with your account id (GET /api/v1/accounts/me); an administrator then verifies the account (docs/applicant.md, "Verification")."</summary>
    public static readonly RefusalKey ApplicantNotVerified = new(nameof(ApplicantNotVerified));

    /// <summary>"The file is empty, too large or of a type not accepted here."</summary>
    public static readonly RefusalKey AttachmentNotAccepted = new(nameof(AttachmentNotAccepted));

    /// <summary>"code is the body's 4-digit code; leave it out to take the first four digits of regionCode."</summary>
    public static readonly RefusalKey BodyCodeInvalid = new(nameof(BodyCodeInvalid));

    /// <summary>"A registration body with code {0} exists already."</summary>
    public static readonly RefusalKey BodyCodeTaken = new(nameof(BodyCodeTaken));

    /// <summary>"Choose a registration body by its 4-digit code (GET /api/v1/bodies); '{0}' is not one."</summary>
    public static readonly RefusalKey BodyCodeUnknown = new(nameof(BodyCodeUnknown));

    /// <summary>"Give the body's Chinese name (at most 100 characters)."</summary>
    public static readonly RefusalKey BodyName = new(nameof(BodyName));

    /// <summary>"The English name has at most 200 characters."</summary>
    public static readonly RefusalKey BodyNameEn = new(nameof(BodyNameEn));

    /// <summary>"Only a national administrator adds a registration body."</summary>
    public static readonly RefusalKey BodyNationalOnly = new(nameof(BodyNationalOnly));

    /// <summary>"A body administrator changes the policy of their own body only."</summary>
    public static readonly RefusalKey BodyOwnPolicyOnly = new(nameof(BodyOwnPolicyOnly));

    /// <summary>"A day of the calendar is not acceptable; check its date, kind and name."</summary>
    public static readonly RefusalKey CalendarDayInvalid = new(nameof(CalendarDayInvalid));

    /// <summary>"Couldn't compute the {0}: {1}"</summary>
    public static readonly RefusalKey CalendarMissing = new(nameof(CalendarMissing));

    /// <summary>"Only a national administrator enters the working-day calendar."</summary>
    public static readonly RefusalKey CalendarNationalOnly = new(nameof(CalendarNationalOnly));

    /// <summary>"Name the State Council notice the days come from (at most 500 characters)."</summary>
    public static readonly RefusalKey CalendarSource = new(nameof(CalendarSource));

    /// <summary>"the working-day calendar lacks a year the period runs into; a national administrator enters it first."</summary>
    public static readonly RefusalKey CalendarYearMissing = new(nameof(CalendarYearMissing));

    /// <summary>"The rights of registration {0} rest on an agreement that ends on {1}; renewal cannot extend validity beyond it."</summary>
    public static readonly RefusalKey CannotExtend = new(nameof(CannotExtend));

    /// <summary>"The data name has 1 to 200 characters."</summary>
    public static readonly RefusalKey ChangeDataName = new(nameof(ChangeDataName));

    /// <summary>"The holder's name has 1 to 200 characters."</summary>
    public static readonly RefusalKey ChangeHolderName = new(nameof(ChangeHolderName));

    /// <summary>"Name at least one particular to change: dataName, applicationScenarios, updateFrequency or holderName."</summary>
    public static readonly RefusalKey ChangeNothing = new(nameof(ChangeNothing));

    /// <summary>"Give 1 to 20 application scenarios of at most 200 characters each."</summary>
    public static readonly RefusalKey ChangeScenarios = new(nameof(ChangeScenarios));

    /// <summary>"Give the e-mail address of the colleague's account."</summary>
    public static readonly RefusalKey ColleagueEmailMissing = new(nameof(ColleagueEmailMissing));

    /// <summary>"Registration {0} is pledged; {1} needs the recorded consent of {2}. The pledgee records it with POST /api/v1/registrations/{0}/pledges/{{number}}/consents, purpose '{3}'."</summary>
    public static readonly RefusalKey ConsentNeeded = new(nameof(ConsentNeeded));

    /// <summary>"Say what you consent to: transfer, cancellation or exclusiveLicence."</summary>
    public static readonly RefusalKey ConsentPurposeMissing = new(nameof(ConsentPurposeMissing));

    /// <summary>"The reference has at most 200 characters."</summary>
    public static readonly RefusalKey ConsentReference = new(nameof(ConsentReference));

    /// <summary>"This answer is not acceptable; check it against the guidance beside it."</summary>
    public static readonly RefusalKey ContentFieldInvalid = new(nameof(ContentFieldInvalid));

    /// <summary>"Send the application content."</summary>
    public static readonly RefusalKey ContentMissing = new(nameof(ContentMissing));

    /// <summary>"The content can be changed only as a draft or while a correction is requested; the application is in state {0}."</summary>
    public static readonly RefusalKey ContentNotEditable = new(nameof(ContentNotEditable));

    /// <summary>"Give the pledge contract's number (at most 100 characters)."</summary>
    public static readonly RefusalKey ContractNumber = new(nameof(ContractNumber));

    /// <summary>"Say what the applicant must correct."</summary>
    public static readonly RefusalKey CorrectionNeedsReason = new(nameof(CorrectionNeedsReason));

    /// <summary>"An examiner releases a pledge only on a court order: attach it (multipart field 'courtOrder') and give its number ('courtOrderNumber')."</summary>
    public static readonly RefusalKey CourtOrderNeeded = new(nameof(CourtOrderNeeded));

    /// <summary>"Give the currency as an ISO 4217 code, e.g. CNY."</summary>
    public static readonly RefusalKey CurrencyInvalid = new(nameof(CurrencyInvalid));

    /// <summary>"{0} must be at most {1} characters; it has {2}."</summary>
    public static readonly RefusalKey FieldTooLong = new(nameof(FieldTooLong));

    /// <summary>"{0}: {1}"</summary>
    public static readonly RefusalKey FileRefused = new(nameof(FileRefused));

    /// <summary>"An application can be handed only between colleagues of a verified organisation, and this account's organisation is not yet verified (docs/applicant.md, "Verification")."</summary>
    public static readonly RefusalKey HandOverNotVerified = new(nameof(HandOverNotVerified));

    /// <summary>"Pledge {0} was filed with a holder who no longer holds registration {1}; file it again with the current holder."</summary>
    public static readonly RefusalKey HolderChanged = new(nameof(HolderChanged));

    /// <summary>"a unified social credit code has 18 characters, and so has a resident ID number"</summary>
    public static readonly RefusalKey IdentifierFormat = new(nameof(IdentifierFormat));

    /// <summary>"The request has invalid fields; see errors."</summary>
    public static readonly RefusalKey InvalidFields = new(nameof(InvalidFields));

    /// <summary>"Registration {0} has no {1} {2}."</summary>
    public static readonly RefusalKey ItemNotFound = new(nameof(ItemNotFound));

    /// <summary>"an {0} licence admits no other licence of the same right and term."</summary>
    public static readonly RefusalKey LicenceAdmitsNoOther = new(nameof(LicenceAdmitsNoOther));

    /// <summary>"Licence {0} ({1}, {2}, {3} to {4}, licensee {5}) already covers the same right and term; {6}"</summary>
    public static readonly RefusalKey LicenceConflict = new(nameof(LicenceConflict));

    /// <summary>"it excludes any further licence."</summary>
    public static readonly RefusalKey LicenceExcludesFurther = new(nameof(LicenceExcludesFurther));

    /// <summary>"Give the kind of licence: exclusive, sole or nonExclusive."</summary>
    public static readonly RefusalKey LicenceKindMissing = new(nameof(LicenceKindMissing));

    /// <summary>"Say what the licence allows (at most 1,000 characters)."</summary>
    public static readonly RefusalKey LicenceScope = new(nameof(LicenceScope));

    /// <summary>"Give the territory (at most 200 characters), e.g. 中国大陆."</summary>
    public static readonly RefusalKey LicenceTerritory = new(nameof(LicenceTerritory));

    /// <summary>"'{0}' is neither a unified social credit code nor a resident ID number: {1}"</summary>
    public static readonly RefusalKey LicenseeIdentifier = new(nameof(LicenseeIdentifier));

    /// <summary>"Give the licensee's name (at most 200 characters)."</summary>
    public static readonly RefusalKey LicenseeName = new(nameof(LicenseeName));

    /// <summary>"You cannot {0} now: {1}."</summary>
    public static readonly RefusalKey LifecycleGuardFailed = new(nameof(LifecycleGuardFailed));

    /// <summary>"You cannot {0} while the application is at the stage “{1}”."</summary>
    public static readonly RefusalKey LifecycleNotAllowed = new(nameof(LifecycleNotAllowed));

    /// <summary>", "</summary>
    public static readonly RefusalKey ListComma = new(nameof(ListComma));

    /// <summary>"、"</summary>
    public static readonly RefusalKey ListNames = new(nameof(ListNames));

    /// <summary>"{0} or {1}"</summary>
    public static readonly RefusalKey ListOr = new(nameof(ListOr));

    /// <summary>"; "</summary>
    public static readonly RefusalKey ListSemicolon = new(nameof(ListSemicolon));

    /// <summary>","</summary>
    public static readonly RefusalKey ListStored = new(nameof(ListStored));

    /// <summary>"Registration {0} has {1} holders ({2}); to {3} needs all of them, and this platform does not take joint filings by several holders yet."</summary>
    public static readonly RefusalKey NeedsEveryHolder = new(nameof(NeedsEveryHolder));

    /// <summary>"There is no other applicant account with this e-mail address verified for your organisation. Your colleague signs up with the organisation's credit code and is verified first."</summary>
    public static readonly RefusalKey NoColleague = new(nameof(NoColleague));

    /// <summary>"no identifier"</summary>
    public static readonly RefusalKey NoIdentifier = new(nameof(NoIdentifier));

    /// <summary>"No {0} account {1} exists to be the {2}."</summary>
    public static readonly RefusalKey NoRoleAccount = new(nameof(NoRoleAccount));

    /// <summary>"No account {0} exists."</summary>
    public static readonly RefusalKey NoSuchAccount = new(nameof(NoSuchAccount));

    /// <summary>"{0} was not found or is not visible to you."</summary>
    public static readonly RefusalKey NotFound = new(nameof(NotFound));

    /// <summary>"Give a phone number or e-mail address where the examiner can reach the objector."</summary>
    public static readonly RefusalKey ObjectorContact = new(nameof(ObjectorContact));

    /// <summary>"State the grounds of the objection."</summary>
    public static readonly RefusalKey ObjectorGrounds = new(nameof(ObjectorGrounds));

    /// <summary>"Give the objector's name."</summary>
    public static readonly RefusalKey ObjectorName = new(nameof(ObjectorName));

    /// <summary>"pledgee"</summary>
    public static readonly RefusalKey PartyPledgee = new(nameof(PartyPledgee));

    /// <summary>"transferee"</summary>
    public static readonly RefusalKey PartyTransferee = new(nameof(PartyTransferee));

    /// <summary>"cancel it"</summary>
    public static readonly RefusalKey PhraseCancelIt = new(nameof(PhraseCancelIt));

    /// <summary>"cancellation"</summary>
    public static readonly RefusalKey PhraseCancellation = new(nameof(PhraseCancellation));

    /// <summary>"correction deadline"</summary>
    public static readonly RefusalKey PhraseCorrectionDeadline = new(nameof(PhraseCorrectionDeadline));

    /// <summary>"end of the public notice"</summary>
    public static readonly RefusalKey PhraseEndOfNotice = new(nameof(PhraseEndOfNotice));

    /// <summary>"an {0} licence"</summary>
    public static readonly RefusalKey PhraseLicenceOfKind = new(nameof(PhraseLicenceOfKind));

    /// <summary>"license it"</summary>
    public static readonly RefusalKey PhraseLicenseIt = new(nameof(PhraseLicenseIt));

    /// <summary>"licensed"</summary>
    public static readonly RefusalKey PhraseLicensed = new(nameof(PhraseLicensed));

    /// <summary>"pledge it"</summary>
    public static readonly RefusalKey PhrasePledgeIt = new(nameof(PhrasePledgeIt));

    /// <summary>"pledged"</summary>
    public static readonly RefusalKey PhrasePledged = new(nameof(PhrasePledged));

    /// <summary>"transfer {0}"</summary>
    public static readonly RefusalKey PhraseTransferNumbered = new(nameof(PhraseTransferNumbered));

    /// <summary>"pledgee {0} (pledge {1})"</summary>
    public static readonly RefusalKey PledgeeConsent = new(nameof(PledgeeConsent));

    /// <summary>"A pledgee files for itself: leave pledgeeAccountId out or give your own account."</summary>
    public static readonly RefusalKey PledgeeFilesForItself = new(nameof(PledgeeFilesForItself));

    /// <summary>"A pledgee releases its own pledge without a court order: send JSON {{"reason": …}}. Court orders are filed by an examiner of the body."</summary>
    public static readonly RefusalKey PledgeeReleasesWithoutOrder = new(nameof(PledgeeReleasesWithoutOrder));

    /// <summary>"correctionLength must be 1–180."</summary>
    public static readonly RefusalKey PolicyCorrectionLength = new(nameof(PolicyCorrectionLength));

    /// <summary>"noticeLength must be 1–90."</summary>
    public static readonly RefusalKey PolicyNoticeLength = new(nameof(PolicyNoticeLength));

    /// <summary>"renewalWindowDays must be 1–365."</summary>
    public static readonly RefusalKey PolicyRenewalWindow = new(nameof(PolicyRenewalWindow));

    /// <summary>"Units are workingDays or calendarDays."</summary>
    public static readonly RefusalKey PolicyUnits = new(nameof(PolicyUnits));

    /// <summary>"validityYears must be 1–30."</summary>
    public static readonly RefusalKey PolicyValidityYears = new(nameof(PolicyValidityYears));

    /// <summary>"A refusal"</summary>
    public static readonly RefusalKey ReasonOfChangeRefusal = new(nameof(ReasonOfChangeRefusal));

    /// <summary>"A re-issue"</summary>
    public static readonly RefusalKey ReasonOfReissue = new(nameof(ReasonOfReissue));

    /// <summary>"A rejection"</summary>
    public static readonly RefusalKey ReasonOfRejection = new(nameof(ReasonOfRejection));

    /// <summary>"A release on a court order"</summary>
    public static readonly RefusalKey ReasonOfReleaseOnOrder = new(nameof(ReasonOfReleaseOnOrder));

    /// <summary>"A revocation"</summary>
    public static readonly RefusalKey ReasonOfRevocation = new(nameof(ReasonOfRevocation));

    /// <summary>"A ruling on an objection"</summary>
    public static readonly RefusalKey ReasonOfRuling = new(nameof(ReasonOfRuling));

    /// <summary>"{0} must state its reasons."</summary>
    public static readonly RefusalKey ReasonRequired = new(nameof(ReasonRequired));

    /// <summary>"regionCode is the 6-digit GB/T 2260 code of the body's region, e.g. 440300."</summary>
    public static readonly RefusalKey RegionCode = new(nameof(RegionCode));

    /// <summary>"'{0}' is not a registration number."</summary>
    public static readonly RefusalKey RegistrationNumberInvalid = new(nameof(RegistrationNumberInvalid));

    /// <summary>"You cannot {0} this {1}: {2}."</summary>
    public static readonly RefusalKey RightsGuardFailed = new(nameof(RightsGuardFailed));

    /// <summary>"Name the rights {0}: holding, processingAndUse and/or productOperation."</summary>
    public static readonly RefusalKey RightsMissing = new(nameof(RightsMissing));

    /// <summary>"You cannot {0}: there is no such {1}."</summary>
    public static readonly RefusalKey RightsNoSuchThing = new(nameof(RightsNoSuchThing));

    /// <summary>"You cannot {0}: the {1} is “{2}”."</summary>
    public static readonly RefusalKey RightsNotAllowed = new(nameof(RightsNotAllowed));

    /// <summary>"Registration {0} does not record the {1} right(s); it records {2}. Only a right that is held can be {3}."</summary>
    public static readonly RefusalKey RightsNotHeld = new(nameof(RightsNotHeld));

    /// <summary>"{0} no longer holds the share offered in transfer {1}."</summary>
    public static readonly RefusalKey ShareNoLongerHeld = new(nameof(ShareNoLongerHeld));

    /// <summary>"The share is in basis points of the whole: from 1 to your share, {0} ({1:0.##}%)."</summary>
    public static readonly RefusalKey ShareOutOfRange = new(nameof(ShareOutOfRange));

    /// <summary>"The application is not complete: {0} field(s) need attention before it can be submitted."</summary>
    public static readonly RefusalKey SubmissionIncomplete = new(nameof(SubmissionIncomplete));

    /// <summary>"Give the last day of the term (YYYY-MM-DD)."</summary>
    public static readonly RefusalKey TermEndMissing = new(nameof(TermEndMissing));

    /// <summary>"The term ends after the registration's validity ({0}); renew the registration first."</summary>
    public static readonly RefusalKey TermEndsAfterValidity = new(nameof(TermEndsAfterValidity));

    /// <summary>"The term ends ({0}) before it starts ({1})."</summary>
    public static readonly RefusalKey TermEndsBeforeStart = new(nameof(TermEndsBeforeStart));

    /// <summary>"Give the first day of the term (YYYY-MM-DD)."</summary>
    public static readonly RefusalKey TermStartMissing = new(nameof(TermStartMissing));

    /// <summary>"The term starts before the registration date ({0})."</summary>
    public static readonly RefusalKey TermStartsBeforeRegistration = new(nameof(TermStartsBeforeRegistration));

    /// <summary>"This answer"</summary>
    public static readonly RefusalKey ThisAnswer = new(nameof(ThisAnswer));

    /// <summary>"A holder cannot transfer to itself."</summary>
    public static readonly RefusalKey TransferToSelf = new(nameof(TransferToSelf));

    /// <summary>" (it was refused; see the reason you were given)"</summary>
    public static readonly RefusalKey VerificationWasRefused = new(nameof(VerificationWasRefused));

    /// <summary>"The application is at version {0}, not {1}; reload it and apply your changes again."</summary>
    public static readonly RefusalKey VersionConflict = new(nameof(VersionConflict));

    /// <summary>"The application"</summary>
    public static readonly RefusalKey WhatApplication = new(nameof(WhatApplication));

    /// <summary>"Registration body {0}"</summary>
    public static readonly RefusalKey WhatBody = new(nameof(WhatBody));

    /// <summary>"Public notice {0}"</summary>
    public static readonly RefusalKey WhatNotice = new(nameof(WhatNotice));

    /// <summary>"The objection"</summary>
    public static readonly RefusalKey WhatObjection = new(nameof(WhatObjection));

    /// <summary>"Registration {0}"</summary>
    public static readonly RefusalKey WhatRegistration = new(nameof(WhatRegistration));

    /// <summary>"Give the person's or organisation's name (at most 200 characters)."</summary>
    public static readonly RefusalKey StaffNameMissing = new(nameof(StaffNameMissing));

    /// <summary>"A body administrator creates accounts for their own body only."</summary>
    public static readonly RefusalKey StaffOwnBodyOnly = new(nameof(StaffOwnBodyOnly));

    /// <summary>"The account"</summary>
    public static readonly RefusalKey WhatAccount = new(nameof(WhatAccount));

    /// <summary>"The applicant account"</summary>
    public static readonly RefusalKey WhatApplicantAccount = new(nameof(WhatApplicantAccount));

    /// <summary>"Nobody changes their own role; another administrator does."</summary>
    public static readonly RefusalKey OwnRoleUnchangeable = new(nameof(OwnRoleUnchangeable));

    /// <summary>"A body administrator gives roles in their own body only."</summary>
    public static readonly RefusalKey RoleOwnBodyOnly = new(nameof(RoleOwnBodyOnly));

    /// <summary>"An applicant account is never given a staff role; create a staff account instead."</summary>
    public static readonly RefusalKey ApplicantNeverStaff = new(nameof(ApplicantNeverStaff));

    /// <summary>"The account has this role and body already."</summary>
    public static readonly RefusalKey RoleUnchanged = new(nameof(RoleUnchanged));

    /// <summary>"Nobody disables or enables their own account; another administrator does."</summary>
    public static readonly RefusalKey OwnAccountStatus = new(nameof(OwnAccountStatus));

    /// <summary>"The account is disabled already."</summary>
    public static readonly RefusalKey AccountDisabledAlready = new(nameof(AccountDisabledAlready));

    /// <summary>"The account is not disabled."</summary>
    public static readonly RefusalKey AccountNotDisabled = new(nameof(AccountNotDisabled));

    /// <summary>"Choose examiner, administrator or pledgee; applicants sign up themselves."</summary>
    public static readonly RefusalKey StaffRoleChoice = new(nameof(StaffRoleChoice));

    /// <summary>"An examiner is bound to one registration body: give its 4-digit code."</summary>
    public static readonly RefusalKey ExaminerNeedsBody = new(nameof(ExaminerNeedsBody));

    /// <summary>"'{0}' is not the code of a registration body."</summary>
    public static readonly RefusalKey BodyCodeNotABody = new(nameof(BodyCodeNotABody));

    /// <summary>"A pledgee is not bound to a registration body."</summary>
    public static readonly RefusalKey PledgeeNoBody = new(nameof(PledgeeNoBody));

    /// <summary>"Say why (at most 2,000 characters); the reason is published in the log with the act."</summary>
    public static readonly RefusalKey PublicReasonMissing = new(nameof(PublicReasonMissing));

    /// <summary>"Give a valid e-mail address; it is the account's sign-in name."</summary>
    public static readonly RefusalKey EmailInvalid = new(nameof(EmailInvalid));

    /// <summary>"An account with the e-mail address '{0}' exists already."</summary>
    public static readonly RefusalKey EmailTaken = new(nameof(EmailTaken));

    /// <summary>"Choose a password of at least 15 characters that is not a common one; a phrase of several words is easy to remember."</summary>
    public static readonly RefusalKey PasswordRefused = new(nameof(PasswordRefused));

    /// <summary>"The e-mail address is not accepted as a sign-in name."</summary>
    public static readonly RefusalKey EmailRefused = new(nameof(EmailRefused));

    /// <summary>"page is 1 or more; pageSize is 1–{0}."</summary>
    public static readonly RefusalKey PageRange = new(nameof(PageRange));

    /// <summary>"Say what was checked (e.g. the business licence's original, its seal and date); at most 2,000 characters."</summary>
    public static readonly RefusalKey VerificationEvidenceMissing = new(nameof(VerificationEvidenceMissing));

    /// <summary>"Choose verified or refused."</summary>
    public static readonly RefusalKey VerificationDecisionMissing = new(nameof(VerificationDecisionMissing));

    /// <summary>"Say why the claim is refused; the applicant reads it."</summary>
    public static readonly RefusalKey VerificationRefusalReason = new(nameof(VerificationRefusalReason));

    /// <summary>"The account's identity is verified already."</summary>
    public static readonly RefusalKey IdentityVerifiedAlready = new(nameof(IdentityVerifiedAlready));

    /// <summary>"The account's identity is refused already."</summary>
    public static readonly RefusalKey IdentityRefusedAlready = new(nameof(IdentityRefusedAlready));

    /// <summary>"The court order's number is at most {0} characters."</summary>
    public static readonly RefusalKey CourtOrderNumberTooLong = new(nameof(CourtOrderNumberTooLong));

    /// <summary>"The court order's number must be one line of text without control characters."</summary>
    public static readonly RefusalKey CourtOrderNumberInvalid = new(nameof(CourtOrderNumberInvalid));

    /// <summary>"Give the name of the court that made the order."</summary>
    public static readonly RefusalKey CourtNameMissing = new(nameof(CourtNameMissing));

    /// <summary>"The court's name is at most {0} characters."</summary>
    public static readonly RefusalKey CourtNameTooLong = new(nameof(CourtNameTooLong));

    /// <summary>"The court's name must be one line of text without control characters."</summary>
    public static readonly RefusalKey CourtNameInvalid = new(nameof(CourtNameInvalid));

    /// <summary>"Give the date of the court order."</summary>
    public static readonly RefusalKey CourtOrderDateMissing = new(nameof(CourtOrderDateMissing));

    /// <summary>"Give the date of the court order as a real date, e.g. 2026-03-18 (year-month-day)."</summary>
    public static readonly RefusalKey CourtOrderDateInvalid = new(nameof(CourtOrderDateInvalid));

    /// <summary>"The court order's date {0} is after today ({1})."</summary>
    public static readonly RefusalKey CourtOrderDateInFuture = new(nameof(CourtOrderDateInFuture));

    /// <summary>"The court order's date cannot be before {0}."</summary>
    public static readonly RefusalKey CourtOrderDateTooEarly = new(nameof(CourtOrderDateTooEarly));

    /// <summary>"Only an examiner of the registration's body may release a registered pledge on a court order."</summary>
    public static readonly RefusalKey ReleaseNotOffered = new(nameof(ReleaseNotOffered));
}
