using System.Text.RegularExpressions;

namespace DataIp.Domain.Registration.ContentRules;

/// <summary>Rules for <see cref="ApplicantParticulars"/>: the applicant, its contact, co-applicants and agent.</summary>
internal static partial class ApplicantRules
{
    // GB/T 2260 province-level codes: the first two digits of every administrative division code.
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82",
    ];

    public static void Check(ValidationScope scope, ApplicantParticulars? applicant)
    {
        if (!scope.Require("applicant", applicant))
        {
            return;
        }

        PartyRules.Check(scope, "applicant", Party(applicant));
        RegionCode(scope, applicant.RegionCode);
        scope.Text("applicant.address", applicant.Address, TextRule.Line(scope.Limits.AddressMaxLength));
        if (scope.Require("applicant.contact", applicant.Contact))
        {
            Contact(scope, "applicant.contact", applicant.Contact);
        }

        CoApplicants(scope, applicant);
        if (applicant.Agent is { } agent)
        {
            Agent(scope, agent);
        }
    }

    public static void Contact(ValidationScope scope, string path, ContactDetails contact)
    {
        scope.Text($"{path}.person", contact.Person, TextRule.Name(scope.Limits.NameMaxLength));
        var hasPhone = scope.Text($"{path}.phone", contact.Phone, TextRule.Line(32).Optional());
        var hasEmail = scope.Text($"{path}.email", contact.Email, TextRule.Line(ApplicationContentLimits.EmailMaxLength).Optional());
        if (hasPhone && !IsPhone(contact.Phone!))
        {
            scope.Add($"{path}.phone", ContentProblemCode.PhoneShape);
        }

        if (hasEmail && !EmailShape().IsMatch(contact.Email!))
        {
            scope.Add($"{path}.email", ContentProblemCode.EmailShape);
        }

        if (scope.IsSubmission && !hasPhone && !hasEmail)
        {
            scope.Add($"{path}.phone", ContentProblemCode.PhoneOrEmailRequired);
        }
    }

    private static void RegionCode(ValidationScope scope, string? regionCode)
    {
        if (!scope.RequireText("applicant.regionCode", regionCode))
        {
            return;
        }

        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit) || !ProvinceCodes.Contains(regionCode[..2]))
        {
            scope.Add("applicant.regionCode", ContentProblemCode.RegionCodeInvalid, regionCode);
        }
    }

    private static void CoApplicants(ValidationScope scope, ApplicantParticulars applicant)
    {
        const string path = "applicant.coApplicants";
        scope.Count(path, applicant.CoApplicants, minAtSubmission: 0, scope.Limits.MaxCoApplicants);
        var identifiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Party(applicant).Identifier is { } own)
        {
            identifiers[own] = "applicant";
        }

        for (var i = 0; i < applicant.CoApplicants.Count; i++)
        {
            if (applicant.CoApplicants[i] is not { } coApplicant)
            {
                scope.Add($"{path}[{i}]", ContentProblemCode.EntryNull);
                continue;
            }

            var party = new PartyRules.Party(coApplicant.Name, coApplicant.RegistrantType, coApplicant.CreditCode, coApplicant.IdNumber);
            PartyRules.Check(scope, $"{path}[{i}]", party);
            NotRepeated(scope, $"{path}[{i}]", party, identifiers);
        }
    }

    /// <summary>At submission: each party appears once, so no co-applicant repeats an identifier.</summary>
    private static void NotRepeated(ValidationScope scope, string path, PartyRules.Party party, Dictionary<string, string> identifiers)
    {
        if (!scope.IsSubmission || party.Identifier is not { } identifier)
        {
            return;
        }

        var member = string.IsNullOrWhiteSpace(party.CreditCode) ? "idNumber" : "creditCode";
        if (!identifiers.TryAdd(identifier, path))
        {
            scope.Add($"{path}.{member}", ContentProblemCode.PartyRepeated, identifier, identifiers[identifier]);
        }
    }

    private static void Agent(ValidationScope scope, AgentParticulars agent)
    {
        scope.Text("applicant.agent.name", agent.Name, TextRule.Name(scope.Limits.NameMaxLength));
        scope.Identifier("applicant.agent.creditCode", agent.CreditCode, scope.Options.CreditCodeCheck, required: true);

        if (agent.Contact is { } contact)
        {
            Contact(scope, "applicant.agent.contact", contact);
        }

        if (scope.Require("applicant.agent.powerOfAttorneyAttachmentId", agent.PowerOfAttorneyAttachmentId) && agent.PowerOfAttorneyAttachmentId == Guid.Empty)
        {
            scope.Add("applicant.agent.powerOfAttorneyAttachmentId", ContentProblemCode.PowerOfAttorneyIdEmpty);
        }
    }

    private static PartyRules.Party Party(ApplicantParticulars applicant) =>
        new(applicant.Name, applicant.RegistrantType, applicant.CreditCode, applicant.IdNumber);

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15 && PhoneShape().IsMatch(phone);
    }

    [GeneratedRegex(@"^\+?[0-9]+(?:[ -][0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
