namespace DataIp.Domain.Registration.ContentRules;

/// <summary>Rules for <see cref="DataObjectParticulars"/>: the data collection to be registered.</summary>
internal static class DataObjectRules
{
    private const string Path = "dataObject";

    public static void Check(ValidationScope scope, DataObjectParticulars? dataObject)
    {
        if (!scope.Require(Path, dataObject))
        {
            return;
        }

        var limits = scope.Limits;
        scope.Text($"{Path}.dataName", dataObject.DataName, TextRule.Name(limits.NameMaxLength));
        IndustryCode(scope, dataObject.IndustryCode);
        Scenarios(scope, dataObject.ApplicationScenarios);
        Source(scope, dataObject);
        scope.Text($"{Path}.processingRules", dataObject.ProcessingRules, TextRule.Paragraphs(limits.TextMaxLength));
        scope.Text($"{Path}.innovationStatement", dataObject.InnovationStatement, TextRule.Paragraphs(limits.TextMaxLength).Optional());
        scope.Text($"{Path}.dataFormat", dataObject.DataFormat, TextRule.Line(limits.DataFormatMaxLength));
        Structure(scope, dataObject.Structure);
        Scale(scope, dataObject.Scale);
        scope.EnumValue($"{Path}.updateFrequency", dataObject.UpdateFrequency);
        scope.Text($"{Path}.productSummary", dataObject.ProductSummary, TextRule.Paragraphs(limits.SummaryMaxLength));
        scope.Attachments($"{Path}.sampleAttachmentIds", dataObject.SampleAttachmentIds);
    }

    private static void IndustryCode(ValidationScope scope, string? industryCode)
    {
        if (scope.RequireText($"{Path}.industryCode", industryCode)
            && IndustryClassification.Problem(industryCode) is var (code, arguments))
        {
            scope.Add($"{Path}.industryCode", code, arguments);
        }
    }

    private static void Scenarios(ValidationScope scope, IReadOnlyList<string> scenarios)
    {
        const string path = $"{Path}.applicationScenarios";
        scope.Count(path, scenarios, minAtSubmission: 1, scope.Limits.MaxScenarios);
        var rule = new TextRule(ApplicationContentLimits.NameMinLength, scope.Limits.ScenarioMaxLength, SingleLine: true);
        for (var i = 0; i < scenarios.Count; i++)
        {
            if (!scope.Text($"{path}[{i}]", scenarios[i], rule.Optional()))
            {
                scope.Add($"{path}[{i}]", ContentProblemCode.ScenarioBlank);
            }
        }
    }

    /// <summary>Source type and description; at submission, data obtained from others needs proof documents.</summary>
    private static void Source(ValidationScope scope, DataObjectParticulars dataObject)
    {
        scope.EnumValue($"{Path}.dataSourceType", dataObject.DataSourceType);
        scope.Text($"{Path}.dataSourceDescription", dataObject.DataSourceDescription, TextRule.Paragraphs(scope.Limits.TextMaxLength));
        scope.Attachments($"{Path}.sourceProofAttachmentIds", dataObject.SourceProofAttachmentIds);
        if (scope.IsSubmission && dataObject.DataSourceType is { } type && NeedsProof(type) && dataObject.SourceProofAttachmentIds.Count == 0)
        {
            scope.Add($"{Path}.sourceProofAttachmentIds", ContentProblemCode.SourceProofRequired, type);
        }
    }

    private static bool NeedsProof(DataSourceType type) => type is DataSourceType.Authorised
        or DataSourceType.Purchased or DataSourceType.PublicDataAuthorisedOperation;

    private static void Structure(ValidationScope scope, IReadOnlyList<DataField> structure)
    {
        const string path = $"{Path}.structure";
        scope.Count(path, structure, minAtSubmission: 0, scope.Limits.MaxStructureFields);
        var nameRule = TextRule.Line(scope.Limits.FieldNameMaxLength);
        for (var i = 0; i < structure.Count; i++)
        {
            if (structure[i] is not { } field)
            {
                scope.Add($"{path}[{i}]", ContentProblemCode.EntryNull);
                continue;
            }

            scope.Text($"{path}[{i}].name", field.Name, nameRule);
            scope.Text($"{path}[{i}].type", field.Type, nameRule);
            scope.Text($"{path}[{i}].description", field.Description, TextRule.Paragraphs(scope.Limits.FieldDescriptionMaxLength).Optional());
        }
    }

    private static void Scale(ValidationScope scope, DataScale? scale)
    {
        Positive(scope, $"{Path}.scale.records", scale?.Records);
        Positive(scope, $"{Path}.scale.bytes", scale?.Bytes);
    }

    private static void Positive(ValidationScope scope, string path, long? value)
    {
        if (value is <= 0)
        {
            scope.Add(path, ContentProblemCode.NotPositive, value);
        }
    }
}
