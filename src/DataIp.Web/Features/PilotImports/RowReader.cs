using System.Globalization;

namespace DataIp.Web.Features.PilotImports;

/// <summary>Reads one row's values by column, adding each problem found to the row's list. Lives for one row.</summary>
internal sealed class RowReader(CsvRecord row, IReadOnlyDictionary<string, int> index, List<ImportProblem> problems)
{
    private static readonly Dictionary<string, DataRight> RightNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["holding"] = DataRight.Holding,
        ["持有"] = DataRight.Holding,
        ["数据资源持有权"] = DataRight.Holding,
        ["processingAndUse"] = DataRight.ProcessingAndUse,
        ["加工使用"] = DataRight.ProcessingAndUse,
        ["数据加工使用权"] = DataRight.ProcessingAndUse,
        ["productOperation"] = DataRight.ProductOperation,
        ["经营"] = DataRight.ProductOperation,
        ["数据产品经营权"] = DataRight.ProductOperation,
    };

    private static readonly char[] Separators = [';', '；'];

    /// <summary>A value, trimmed; null when empty (a problem when required), too long or with characters the register refuses.</summary>
    public string? Text(string column, int max, bool required, bool singleLine = true)
    {
        var value = index.TryGetValue(column, out var i) ? row.Fields[i].Trim() : "";
        if (value.Length == 0)
        {
            if (required)
            {
                Add(column, ImportProblemCode.Required);
            }

            return null;
        }

        if (RegisterText.Problem(value, singleLine) is not null)
        {
            Add(column, ImportProblemCode.BadCharacters);
            return null;
        }

        if (value.Length > max)
        {
            Add(column, ImportProblemCode.TooLong, max.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return value;
    }

    public DateOnly? Date(string column)
    {
        if (Text(column, 10, required: true) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1990)
        {
            return day;
        }

        Add(column, ImportProblemCode.BadDate, PilotRows.Shorten(value));
        return null;
    }

    public List<(PilotHolder Holder, RegistrantType Type)> Holders()
    {
        var holders = new List<(PilotHolder, RegistrantType)>();
        var name = Text("holder_name", ApplicationContentLimits.DefaultNameMaxLength, required: true);
        var code = Text("holder_code", 18, required: true)?.ToUpperInvariant();
        if (code is not null && PilotRows.TypeOf(code) is not { } type)
        {
            Add("holder_code", ImportProblemCode.BadIdentifier, code);
        }
        else if (name is not null && code is not null)
        {
            holders.Add((new PilotHolder(name, code), PilotRows.TypeOf(code)!.Value));
        }

        foreach (var co in Items(Text("co_holders", 2_000, required: false)))
        {
            var parts = co.Split('|');
            var coCode = parts.Length == 2 ? parts[1].Trim().ToUpperInvariant() : "";
            if (parts.Length != 2 || parts[0].Trim().Length is 0 or > ApplicationContentLimits.DefaultNameMaxLength)
            {
                Add("co_holders", ImportProblemCode.BadCoHolder, PilotRows.Shorten(co));
            }
            else if (PilotRows.TypeOf(coCode) is { } coType)
            {
                holders.Add((new PilotHolder(parts[0].Trim(), coCode), coType));
            }
            else
            {
                Add("co_holders", ImportProblemCode.BadIdentifier, PilotRows.Shorten(coCode));
            }
        }

        return holders;
    }

    public string? Industry()
    {
        var code = Text("industry_code", 3, required: true)?.ToUpperInvariant();
        if (code is not null && !IndustryClassification.IsValid(code))
        {
            Add("industry_code", ImportProblemCode.BadIndustry, code);
            return null;
        }

        return code;
    }

    public DataSourceType SourceType()
    {
        var value = Text("data_source_type", 1, required: false);
        if (value is null)
        {
            return DataSourceType.Other;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((DataSourceType)n))
        {
            return (DataSourceType)n;
        }

        Add("data_source_type", ImportProblemCode.BadSourceType, value);
        return DataSourceType.Other;
    }

    public List<DataRight> Rights()
    {
        var rights = new List<DataRight>();
        foreach (var name in Items(Text("rights", 200, required: false)))
        {
            if (RightNames.TryGetValue(name, out var right))
            {
                if (!rights.Contains(right))
                {
                    rights.Add(right);
                }
            }
            else
            {
                Add("rights", ImportProblemCode.BadRight, PilotRows.Shorten(name));
            }
        }

        // A pilot certificate that names no rights registered the three rights of the Data 20 Articles.
        return rights.Count > 0 ? [.. rights.Order()] : [DataRight.Holding, DataRight.ProcessingAndUse, DataRight.ProductOperation];
    }

    public List<string> List(string column, int maxEach, int maxCount)
    {
        var items = Items(Text(column, (maxEach + 1) * maxCount, required: false)).ToList();
        if (items.Count > maxCount || items.Any(s => s.Length > maxEach))
        {
            Add(column, ImportProblemCode.TooLong, maxEach.ToString(CultureInfo.InvariantCulture));
            return [];
        }

        return items;
    }

    private static string[] Items(string? value) =>
        (value ?? "").Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private void Add(string column, ImportProblemCode code, string? value = null) => problems.Add(new ImportProblem(row.Line, column, code, value));
}
