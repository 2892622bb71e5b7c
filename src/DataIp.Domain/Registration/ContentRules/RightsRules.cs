namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// Rules for the rights claimed: at submission at least one; each right once; a right held under an
/// agreement names it, and the agreement has not ended.
/// </summary>
internal static class RightsRules
{
    private const string Path = "rightsClaimed";

    public static void Check(ValidationScope scope, IReadOnlyList<RightClaim> claims)
    {
        scope.Count(Path, claims, minAtSubmission: 1, max: System.Enum.GetValues<DataRight>().Length);
        var claimedAt = new Dictionary<DataRight, int>();
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i] is not { } claim)
            {
                scope.Add($"{Path}[{i}]", ContentProblemCode.EntryNull);
                continue;
            }

            Claim(scope, $"{Path}[{i}]", claim);
            if (claim.Right is { } right && !claimedAt.TryAdd(right, i))
            {
                scope.Add($"{Path}[{i}].right", ContentProblemCode.RightRepeated, right, claimedAt[right]);
            }
        }
    }

    private static void Claim(ValidationScope scope, string path, RightClaim claim)
    {
        scope.EnumValue($"{path}.right", claim.Right);
        var hasBasis = scope.EnumValue($"{path}.basis", claim.Basis);
        var hasReference = scope.Text(
            $"{path}.agreementReference",
            claim.AgreementReference,
            TextRule.Line(scope.Limits.ReferenceMaxLength).Optional());
        if (claim.AgreementEndDate is { } end && end <= scope.Options.Today)
        {
            scope.Add($"{path}.agreementEndDate", ContentProblemCode.AgreementEnded, scope.Options.Today, end);
        }

        if (scope.IsSubmission && hasBasis)
        {
            AgreementMatchesBasis(scope, path, claim, hasReference);
        }
    }

    /// <summary>At submission: an agreement is named exactly when the basis is one.</summary>
    private static void AgreementMatchesBasis(ValidationScope scope, string path, RightClaim claim, bool hasReference)
    {
        var basis = claim.Basis!.Value;
        if (basis != RightBasis.SelfGenerated && System.Enum.IsDefined(basis) && !hasReference)
        {
            scope.Add($"{path}.agreementReference", ContentProblemCode.AgreementReferenceRequired, basis);
        }

        if (basis == RightBasis.SelfGenerated && (hasReference || claim.AgreementEndDate is not null))
        {
            var member = hasReference ? "agreementReference" : "agreementEndDate";
            scope.Add($"{path}.{member}", ContentProblemCode.AgreementNotApplicable);
        }
    }
}
