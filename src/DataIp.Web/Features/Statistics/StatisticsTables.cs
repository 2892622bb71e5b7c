using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataIp.Web.Features.Statistics;

/// <summary>One table of the statistics as a CSV file: its name in the address, its header row, its rows.</summary>
/// <param name="Name">The table's name: <c>/statistics/{Name}.csv</c>.</param>
/// <param name="Header">The column names: the API's JSON member names, stable and in English whatever the page's language.</param>
/// <param name="Rows">The table's rows from a view; each cell as it appears in the CSV.</param>
public sealed record StatisticsTable(string Name, IReadOnlyList<string> Header, Func<StatisticsView, IEnumerable<string?[]>> Rows);

/// <summary>
/// The CSV files of the statistics (docs/statistics.md): UTF-8 with a byte-order mark (Excel then
/// reads Chinese correctly), CRLF line ends and RFC 4180 quoting; numbers in invariant form (no
/// thousands separators, a point for decimals). Each table's rows are the API's array of the same name.
/// </summary>
public static class StatisticsTables
{
    private static readonly string[] Counts = ["applications", "registrations", "validCertificates"];

    /// <summary>Every table, in the page's order.</summary>
    public static readonly IReadOnlyList<StatisticsTable> All =
    [
        new("months", ["month", .. Counts, "licences", "transfers"],
            v => v.ByMonth.Select(m => Row(m.Month, m.Applications, m.Registrations, m.ValidCertificates, m.Licences, m.Transfers))),
        new("bodies", ["bodyCode", "name", "nameEn", "regionCode", .. Counts, "licences", "transfers"],
            v => v.ByBody.Select(b => Row(b.BodyCode, b.Name, b.NameEn, b.RegionCode, b.Applications, b.Registrations, b.ValidCertificates, b.Licences, b.Transfers))),
        new("provinces", ["province", "name", "nameEn", .. Counts],
            v => v.ByProvince.Select(p => Row(p.Province, p.Name, p.NameEn, p.Applications, p.Registrations, p.ValidCertificates))),
        new("regions", ["regionCode", "province", "bodies", .. Counts],
            v => v.ByRegion.Select(r => Row(r.RegionCode, r.Province, string.Join(' ', r.Bodies), r.Applications, r.Registrations, r.ValidCertificates))),
        new("industry-sections", ["section", "name", "nameEn", .. Counts],
            v => v.ByIndustrySection.Select(s => Row(s.Section, s.Name, s.NameEn, s.Applications, s.Registrations, s.ValidCertificates))),
        new("industry-divisions", ["code", "section", "name", "nameEn", .. Counts],
            v => v.ByIndustryDivision.Select(d => Row(d.Code, d.Section, d.Name, d.NameEn, d.Applications, d.Registrations, d.ValidCertificates))),
        new("pledges", ["status", "currency", "pledges", "amount"], PledgeRows),
        new("processing-times", ["bodyCode", "name", "nameEn", "registrations", "medianDays", "p90Days"],
            v => v.ProcessingTimes.Select(p => Row(p.BodyCode, p.Name, p.NameEn, p.Registrations, p.MedianDays, p.P90Days))),
    ];

    /// <summary>The table of that name, or null.</summary>
    public static StatisticsTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The table as the bytes of a CSV file (UTF-8 with BOM).</summary>
    public static byte[] Csv(StatisticsTable table, StatisticsView view)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        foreach (var row in table.Rows(view).Prepend([.. table.Header]))
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // One row per status and currency; a status with no pledges is one row with no currency, so that
    // every status appears, as in the API.
    private static IEnumerable<string?[]> PledgeRows(StatisticsView view) =>
        view.PledgesByStatus.SelectMany(s => s.Amounts.Count == 0
            ? [Row(Status(s.Status), null, 0, null)]
            : s.Amounts.Select(a => Row(Status(s.Status), a.Currency, a.Pledges, a.Amount)));

    private static string Status(PledgeStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string?[] Row(params object?[] cells) =>
        [.. cells.Select(c => c is null ? null : Convert.ToString(c, CultureInfo.InvariantCulture))];

    // RFC 4180 §2: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quote(string? cell) =>
        cell is null ? "" : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
