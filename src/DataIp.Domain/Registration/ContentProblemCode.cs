namespace DataIp.Domain.Registration;

/// <summary>
/// What is wrong with a member of an application's content (<see cref="ContentProblem"/>). Each code
/// has one English sentence in the domain (<see cref="ContentProblem.English"/>) and its words in
/// both languages in the web's resource files (<c>Content.&lt;code&gt;</c>); a test walks them all.
/// The arguments each carries are listed here, in order.
/// </summary>
public enum ContentProblemCode
{
    /// <summary>The member is absent at submission.</summary>
    Required,

    /// <summary>A text is too long: argument 0 the most characters, argument 1 how many it has.</summary>
    TooLong,

    /// <summary>A text is too short or too long: arguments 0 and 1 the fewest and most characters, argument 2 how many it has.</summary>
    LengthOutOfRange,

    /// <summary>A one-line text holds a line break or another control character.</summary>
    NotSingleLine,

    /// <summary>An enum value (argument 0, its number) is not defined; argument 1 lists the defined ones in JSON.</summary>
    UndefinedValue,

    /// <summary>A credit code or resident ID number fails its check (argument 0, the <see cref="Numbering.CodeCheck"/>).</summary>
    IdentifierInvalid,

    /// <summary>A list is too long: argument 0 the most entries, argument 1 how many it has.</summary>
    TooMany,

    /// <summary>A list has fewer than argument 0 entries at submission.</summary>
    TooFew,

    /// <summary>An attachment id in a list is the empty id.</summary>
    AttachmentIdEmpty,

    /// <summary>An attachment (argument 0, its id) is listed twice.</summary>
    AttachmentRepeated,

    /// <summary>A phone number is not 7–15 digits in groups.</summary>
    PhoneShape,

    /// <summary>An email address does not have the form name@domain.tld.</summary>
    EmailShape,

    /// <summary>At submission a contact has neither phone nor email.</summary>
    PhoneOrEmailRequired,

    /// <summary>A region code (argument 0) is not a six-digit GB/T 2260 code.</summary>
    RegionCodeInvalid,

    /// <summary>An entry of a list is null.</summary>
    EntryNull,

    /// <summary>A co-applicant's identifier (argument 0) is already given by another party (argument 1, its path).</summary>
    PartyRepeated,

    /// <summary>The power of attorney's attachment id is the empty id.</summary>
    PowerOfAttorneyIdEmpty,

    /// <summary>An industry code (argument 0) is not a section letter and two digits.</summary>
    IndustryCodeShape,

    /// <summary>An industry code's division (argument 0) does not exist.</summary>
    IndustryDivisionUnknown,

    /// <summary>An industry code (argument 0) puts its division (argument 1) in the wrong section: it belongs to argument 2 (divisions argument 3), not argument 4.</summary>
    IndustrySectionMismatch,

    /// <summary>An application scenario is blank.</summary>
    ScenarioBlank,

    /// <summary>At submission, data obtained from others (argument 0, the <see cref="DataSourceType"/>) has no proof document.</summary>
    SourceProofRequired,

    /// <summary>A count (argument 0) is not positive.</summary>
    NotPositive,

    /// <summary>At submission the data is declared to contain personal information.</summary>
    PersonalInformationContains,

    /// <summary>At submission the lawful source is not declared.</summary>
    LawfulSourceNotDeclared,

    /// <summary>At submission authenticity is not declared.</summary>
    AuthenticityNotDeclared,

    /// <summary>At submission there is neither a fingerprint nor an evidence reference.</summary>
    EvidenceMissing,

    /// <summary>A fingerprint's root has 64 characters, not all lower-case hexadecimal digits.</summary>
    RootNotHex,

    /// <summary>A fingerprint's root has argument 0 characters, not 64.</summary>
    RootWrongLength,

    /// <summary>A fingerprint's size in bytes (argument 0) is not positive.</summary>
    SizeNotPositive,

    /// <summary>A fingerprint was computed on a day (argument 0) after today (argument 1).</summary>
    ComputedInFuture,

    /// <summary>A manifest's format is not argument 0 but argument 1.</summary>
    ManifestFormat,

    /// <summary>A manifest's version (argument 0) is not the one supported (argument 1).</summary>
    ManifestVersion,

    /// <summary>A manifest's count (argument 0) is negative.</summary>
    Negative,

    /// <summary>A manifest of mode argument 0 has the section of the other mode (the path's last member).</summary>
    ModeSectionPresent,

    /// <summary>A manifest's chunk size (argument 2) is not a power of two from argument 0 to argument 1.</summary>
    ChunkSize,

    /// <summary>A manifest's CSV delimiter (argument 0) is not one character.</summary>
    Delimiter,

    /// <summary>A sketch's algorithm is not argument 0 but argument 1.</summary>
    SketchAlgorithm,

    /// <summary>A sketch's size is not argument 0 but argument 1.</summary>
    SketchSize,

    /// <summary>A sketch's features are not argument 0 but argument 1.</summary>
    SketchFeatures,

    /// <summary>A sketch's values are not base64 of argument 0 values of 8 bytes (argument 1 bytes).</summary>
    SketchValues,

    /// <summary>A natural person is given a credit code.</summary>
    CreditCodeForPerson,

    /// <summary>At submission a party of type other has neither credit code nor ID number.</summary>
    CreditCodeOrIdNumberRequired,

    /// <summary>An organisation (argument 0, its <see cref="RegistrantType"/>) is given a resident ID number.</summary>
    IdNumberForOrganisation,

    /// <summary>A right (argument 0, the <see cref="DataRight"/>) is already claimed at index argument 1.</summary>
    RightRepeated,

    /// <summary>An agreement's end day (argument 1) is not after today (argument 0).</summary>
    AgreementEnded,

    /// <summary>At submission a right held under an agreement (argument 0, the <see cref="RightBasis"/>) names none.</summary>
    AgreementReferenceRequired,

    /// <summary>A self-generated right names an agreement or its end day.</summary>
    AgreementNotApplicable,
}
