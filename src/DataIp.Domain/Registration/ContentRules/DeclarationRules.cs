namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// Rules for <see cref="Declarations"/>: at submission the applicant affirms lawful source and
/// authenticity, and personal information is absent or desensitised (DOMAIN §3, §6).
/// </summary>
internal static class DeclarationRules
{
    private const string Path = "declarations";

    public static void Check(ValidationScope scope, Declarations? declarations)
    {
        if (!scope.Require(Path, declarations))
        {
            return;
        }

        Affirmed(scope, $"{Path}.lawfulSource", declarations.LawfulSource, "the data was obtained lawfully; data acquired unlawfully or without authorisation is refused");
        Affirmed(scope, $"{Path}.authenticity", declarations.Authenticity, "the application is true and the data is as described");
        if (scope.EnumValue($"{Path}.personalInformation", declarations.PersonalInformation)
            && scope.IsSubmission && declarations.PersonalInformation == PersonalInformationStatus.Contains)
        {
            scope.Add($"{Path}.personalInformation", "personalInformation contains is refused at submission: desensitise the personal information so that no person can be identified, then declare desensitised.");
        }
    }

    private static void Affirmed(ValidationScope scope, string path, bool? value, string meaning)
    {
        if (scope.Require(path, value) && scope.IsSubmission && !value.Value)
        {
            scope.Add(path, $"{ValidationScope.Leaf(path)} must be declared true at submission: it states that {meaning}.");
        }
    }
}
