using System.Globalization;
using System.Text.Json;
using DataIp.Domain.Numbering;

namespace DataIp.Domain.Registration;

/// <summary>
/// What <see cref="ApplicationContentValidator"/> found wrong with one member of a content: the
/// member's path, a code and the facts its sentence names. The English sentence for the API is made
/// here, once (<see cref="English"/>); the pages word the code in their own language
/// (<c>Content.&lt;code&gt;</c> in the web's resource files), with the field's label as subject.
/// Immutable.
/// </summary>
/// <param name="Path">The member's camelCase JSON path, e.g. <c>rightsClaimed[1].agreementReference</c>.</param>
/// <param name="Code">What is wrong.</param>
/// <param name="Arguments">The facts the sentence names, in the order <see cref="ContentProblemCode"/> lists them.</param>
public sealed record ContentProblem(string Path, ContentProblemCode Code, IReadOnlyList<object?> Arguments)
{
    /// <summary>The last member name of the path: "rightsClaimed[1].basis" gives "basis".</summary>
    public string Leaf => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The argument at <paramref name="index"/>.</summary>
    /// <param name="index">0-based.</param>
    /// <returns>The argument.</returns>
    public object? this[int index] => Arguments[index];

    /// <summary>The sentence the API answers, in English, naming the member by its JSON name.</summary>
    public string English => ContentProblemEnglish.Sentence(this);

    /// <summary>Problems grouped by path as a ProblemDetails <c>errors</c> member, in the order found.</summary>
    /// <param name="problems">The problems.</param>
    /// <returns>Each path with its English sentences.</returns>
    public static IReadOnlyDictionary<string, string[]> Errors(IEnumerable<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (!errors.TryGetValue(problem.Path, out var sentences))
            {
                sentences = [];
                errors.Add(problem.Path, sentences);
            }

            sentences.Add(problem.English);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public bool Equals(ContentProblem? other) =>
        other is not null && Path == other.Path && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path, Code, Arguments.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {English}";
}

/// <summary>The English of each <see cref="ContentProblemCode"/>: the one place the API's sentences are made.</summary>
internal static class ContentProblemEnglish
{
    public static string Sentence(ContentProblem p)
    {
        var leaf = p.Leaf;
        return p.Code switch
        {
            ContentProblemCode.Required => $"{leaf} is required at submission.",
            ContentProblemCode.TooLong => I($"{leaf} must be at most {p[0]} characters; it has {p[1]}."),
            ContentProblemCode.LengthOutOfRange => I($"{leaf} must be {p[0]}–{p[1]} characters; it has {p[2]}."),
            ContentProblemCode.NotSingleLine => $"{leaf} must be a single line without control characters.",
            ContentProblemCode.UndefinedValue => I($"{leaf} {p[0]} is not a defined value; expected one of {p[1]}."),
            ContentProblemCode.IdentifierInvalid =>
                $"{leaf} is not a valid {(leaf == "idNumber" ? "resident ID number" : "unified social credit code")}: {((CodeCheck)p[0]!).Error}",
            ContentProblemCode.TooMany => I($"{leaf} may hold at most {p[0]} entries; it has {p[1]}."),
            ContentProblemCode.TooFew => I($"{leaf} needs at least {p[0]} {((int)p[0]! == 1 ? "entry" : "entries")} at submission."),
            ContentProblemCode.AttachmentIdEmpty => $"{leaf} is the empty id; refer to an uploaded attachment.",
            ContentProblemCode.AttachmentRepeated => I($"{leaf} repeats attachment {p[0]}."),
            ContentProblemCode.PhoneShape => $"{leaf} must be 7–15 digits, optionally with a leading + and single spaces or hyphens between groups, such as +86 755 8888 8888.",
            ContentProblemCode.EmailShape => $"{leaf} must have the form name@domain.tld.",
            ContentProblemCode.PhoneOrEmailRequired => $"{leaf} is required at submission unless an email address is given.",
            ContentProblemCode.RegionCodeInvalid =>
                $"{leaf} must be a six-digit GB/T 2260 administrative division code starting with a province code, such as 440300; it is \"{p[0]}\".",
            ContentProblemCode.EntryNull => $"{leaf} must not be null.",
            ContentProblemCode.PartyRepeated => $"{leaf} {p[0]} is already given by {p[1]}; each party applies once.",
            ContentProblemCode.PowerOfAttorneyIdEmpty => $"{leaf} is the empty id; refer to the uploaded power of attorney.",
            ContentProblemCode.IndustryCodeShape => $"{leaf} must be a GB/T 4754-2017 section letter and two-digit division, such as I65; it is \"{p[0]}\".",
            ContentProblemCode.IndustryDivisionUnknown => $"{leaf} division {p[0]} does not exist; GB/T 4754-2017 divisions run 01–97.",
            ContentProblemCode.IndustrySectionMismatch => $"{leaf} {p[0]} is inconsistent: division {p[1]} belongs to section {p[2]} ({p[3]}), not {p[4]}.",
            ContentProblemCode.ScenarioBlank => $"{leaf} is blank; remove it or describe the scenario.",
            ContentProblemCode.SourceProofRequired =>
                $"{leaf} needs at least one proof document (licence, authorisation or purchase contract) at submission for data source type {Name(p[0])}.",
            ContentProblemCode.NotPositive => I($"{leaf} must be a positive number; it is {p[0]}."),
            ContentProblemCode.PersonalInformationContains =>
                $"{leaf} contains is refused at submission: desensitise the personal information so that no person can be identified, then declare desensitised.",
            ContentProblemCode.LawfulSourceNotDeclared =>
                $"{leaf} must be declared true at submission: it states that the data was obtained lawfully; data acquired unlawfully or without authorisation is refused.",
            ContentProblemCode.AuthenticityNotDeclared =>
                $"{leaf} must be declared true at submission: it states that the application is true and the data is as described.",
            ContentProblemCode.EvidenceMissing =>
                $"{leaf} needs a fingerprint or an evidenceReference (ledger entry or notarisation certificate number) at submission; data without evidence preservation or notarisation is refused.",
            ContentProblemCode.RootNotHex => $"{leaf} must be 64 lowercase hexadecimal digits (a 256-bit digest); it has characters other than 0–9 and a–f.",
            ContentProblemCode.RootWrongLength => I($"{leaf} must be 64 lowercase hexadecimal digits (a 256-bit digest); it has {p[0]} characters."),
            ContentProblemCode.SizeNotPositive => I($"{leaf} must be a positive number of bytes; it is {p[0]}."),
            ContentProblemCode.ComputedInFuture => $"{leaf} must not be in the future; it is {Day(p[0])} and today is {Day(p[1])}.",
            ContentProblemCode.ManifestFormat => $"{leaf} must be \"{p[0]}\" (the manifest written by dataip fingerprint); it is \"{p[1]}\".",
            ContentProblemCode.ManifestVersion =>
                I($"{leaf} {p[0]} is not supported; this platform reads fingerprint manifests of version {p[1]}. Recompute the fingerprint with a matching dataip."),
            ContentProblemCode.Negative => I($"{leaf} must not be negative; it is {p[0]}."),
            ContentProblemCode.ModeSectionPresent => $"a manifest of mode {p[0]} has no {leaf} section.",
            ContentProblemCode.ChunkSize => I($"{leaf} must be a power of two from {p[0]} to {p[1]}; it is {p[2]}."),
            ContentProblemCode.Delimiter => $"{leaf} must be one character; it is \"{p[0]}\".",
            ContentProblemCode.SketchAlgorithm => $"{leaf} must be \"{p[0]}\"; it is \"{p[1]}\".",
            ContentProblemCode.SketchSize => I($"{leaf} must be {p[0]}; it is {p[1]}."),
            ContentProblemCode.SketchFeatures => $"{leaf} must be \"{p[0]}\" for this mode; it is \"{p[1]}\".",
            ContentProblemCode.SketchValues => I($"{leaf} must be base64 of {p[0]} values of 8 bytes ({p[1]} bytes)."),
            ContentProblemCode.CreditCodeForPerson => $"{leaf} is for organisations; a naturalPerson is identified by idNumber alone.",
            ContentProblemCode.CreditCodeOrIdNumberRequired => $"{leaf} or idNumber is required at submission for registrant type other.",
            ContentProblemCode.IdNumberForOrganisation => $"{leaf} is for natural persons; an organisation of type {Name(p[0])} is identified by creditCode alone.",
            ContentProblemCode.RightRepeated => I($"{leaf} {Name(p[0])} is already claimed at rightsClaimed[{p[1]}]; claim each right once."),
            ContentProblemCode.AgreementEnded =>
                $"{leaf} must be after today ({Day(p[0])}); an agreement that ended on {Day(p[1])} supports no right.",
            ContentProblemCode.AgreementReferenceRequired =>
                $"{leaf} is required at submission for basis {Name(p[0])}; name the authorisation or licence agreement.",
            ContentProblemCode.AgreementNotApplicable => $"{leaf} applies only to a right held under an agreement; basis selfGenerated has none.",
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Code, "Unknown content problem."),
        };
    }

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    private static string Day(object? day) => ((DateOnly)day!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // An enum value's name as it is written in JSON.
    private static string Name(object? value) => JsonNamingPolicy.CamelCase.ConvertName(value!.ToString()!);
}
