namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// Rules for a party (applicant or co-applicant): its name, its registrant type, and the identifier
/// that type calls for: a credit code for organisations, a resident ID number for natural persons.
/// </summary>
internal static class PartyRules
{
    public static void Check(ValidationScope scope, string path, Party party)
    {
        scope.Text($"{path}.name", party.Name, TextRule.Name(scope.Limits.NameMaxLength));
        var typed = scope.EnumValue($"{path}.registrantType", party.Type);
        scope.Identifier($"{path}.creditCode", party.CreditCode, scope.Options.CreditCodeCheck);
        scope.Identifier($"{path}.idNumber", party.IdNumber, scope.Options.ResidentIdCheck);
        if (scope.IsSubmission && typed && System.Enum.IsDefined(party.Type!.Value))
        {
            IdentifierMatchesType(scope, path, party);
        }
    }

    /// <summary>At submission: the identifier the registrant type calls for is given, and no other.</summary>
    private static void IdentifierMatchesType(ValidationScope scope, string path, Party party)
    {
        var type = party.Type!.Value;
        var hasCreditCode = !string.IsNullOrWhiteSpace(party.CreditCode);
        var hasIdNumber = !string.IsNullOrWhiteSpace(party.IdNumber);
        switch (type)
        {
            case RegistrantType.NaturalPerson:
                if (!hasIdNumber)
                {
                    scope.RequiredAtSubmission($"{path}.idNumber");
                }

                if (hasCreditCode)
                {
                    scope.Add($"{path}.creditCode", ContentProblemCode.CreditCodeForPerson);
                }

                break;
            case RegistrantType.Other:
                if (!hasCreditCode && !hasIdNumber)
                {
                    scope.Add($"{path}.creditCode", ContentProblemCode.CreditCodeOrIdNumberRequired);
                }

                break;
            default:
                if (!hasCreditCode)
                {
                    scope.RequiredAtSubmission($"{path}.creditCode");
                }

                if (hasIdNumber)
                {
                    scope.Add($"{path}.idNumber", ContentProblemCode.IdNumberForOrganisation, type);
                }

                break;
        }
    }

    /// <summary>The members a party is checked on, whichever record it comes from.</summary>
    public sealed record Party(string? Name, RegistrantType? Type, string? CreditCode, string? IdNumber)
    {
        public string? Identifier => string.IsNullOrWhiteSpace(CreditCode) ? IdNumber : CreditCode;
    }
}
