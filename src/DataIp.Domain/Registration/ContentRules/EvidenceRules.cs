namespace DataIp.Domain.Registration.ContentRules;

/// <summary>
/// Rules for <see cref="EvidenceParticulars"/>. A submission needs a fingerprint or an evidence
/// reference: no evidence preservation or notarisation is a ground for refusal (DOMAIN §3).
/// </summary>
internal static class EvidenceRules
{
    private const string Path = "evidence";
    private const int HexRootLength = 64;

    public static void Check(ValidationScope scope, EvidenceParticulars? evidence)
    {
        var fingerprint = evidence?.Fingerprint;
        var hasReference = scope.Text(
            $"{Path}.evidenceReference",
            evidence?.EvidenceReference,
            TextRule.Line(scope.Limits.ReferenceMaxLength).Optional());
        if (fingerprint is not null)
        {
            Fingerprint(scope, fingerprint);
        }

        if (scope.IsSubmission && fingerprint is null && !hasReference)
        {
            scope.Add(Path, ContentProblemCode.EvidenceMissing);
        }
    }

    private static void Fingerprint(ValidationScope scope, DataFingerprint fingerprint)
    {
        const string path = $"{Path}.fingerprint";
        scope.EnumValue($"{path}.hashAlgorithm", fingerprint.HashAlgorithm);
        if (scope.RequireText($"{path}.root", fingerprint.Root) && !IsLowercaseHex(fingerprint.Root))
        {
            if (fingerprint.Root.Length == HexRootLength)
            {
                scope.Add($"{path}.root", ContentProblemCode.RootNotHex);
            }
            else
            {
                scope.Add($"{path}.root", ContentProblemCode.RootWrongLength, fingerprint.Root.Length);
            }
        }

        if (scope.Require($"{path}.size", fingerprint.Size) && fingerprint.Size <= 0)
        {
            scope.Add($"{path}.size", ContentProblemCode.SizeNotPositive, fingerprint.Size);
        }

        if (scope.Require($"{path}.computedAt", fingerprint.ComputedAt)
            && DateOnly.FromDateTime(fingerprint.ComputedAt.Value.DateTime) > scope.Options.Today)
        {
            scope.Add($"{path}.computedAt", ContentProblemCode.ComputedInFuture, DateOnly.FromDateTime(fingerprint.ComputedAt.Value.DateTime), scope.Options.Today);
        }

        if (fingerprint.Format is not null || fingerprint.Version is not null || fingerprint.Sketch is not null)
        {
            ManifestRules.Check(scope, path, fingerprint);
        }
    }

    private static bool IsLowercaseHex(string root) =>
        root.Length == HexRootLength && root.All(char.IsAsciiHexDigitLower);
}
