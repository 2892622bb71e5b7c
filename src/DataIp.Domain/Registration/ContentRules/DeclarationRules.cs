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

        Affirmed(scope, $"{Path}.lawfulSource", declarations.LawfulSource, ContentProblemCode.LawfulSourceNotDeclared);
        Affirmed(scope, $"{Path}.authenticity", declarations.Authenticity, ContentProblemCode.AuthenticityNotDeclared);
        if (scope.EnumValue($"{Path}.personalInformation", declarations.PersonalInformation)
            && scope.IsSubmission && declarations.PersonalInformation == PersonalInformationStatus.Contains)
        {
            scope.Add($"{Path}.personalInformation", ContentProblemCode.PersonalInformationContains);
        }
    }

    private static void Affirmed(ValidationScope scope, string path, bool? value, ContentProblemCode notDeclared)
    {
        if (scope.Require(path, value) && scope.IsSubmission && !value.Value)
        {
            scope.Add(path, notDeclared);
        }
    }
}
