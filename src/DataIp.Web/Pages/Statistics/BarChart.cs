using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace DataIp.Web.Pages.Statistics;

/// <summary>One bar group of a chart: its label and one value per series.</summary>
/// <param name="Label">What the bars are of (a month, a province, a body).</param>
/// <param name="Values">One value per series, in the series' order.</param>
public sealed record ChartRow(string Label, IReadOnlyList<decimal> Values);

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG: no script, no library, no style
/// attribute (the strict CSP forbids them). Colours come from classes in site.css
/// (<c>series-0</c>, <c>series-1</c>, …); the drawing scales with its <c>viewBox</c> to any width.
/// The chart is an image (<c>role="img"</c>) named by its <c>title</c>; the data table beside it is
/// the accessible version of the same figures.
/// </summary>
public static class BarChart
{
    private const int Width = 400;
    private const int LabelWidth = 124;
    private const int BarWidth = 216;
    private const int BarHeight = 13;
    private const int Gap = 8;
    private const int LegendLine = 18;

    // A label's room in half-widths at 13 px: a Chinese character takes two, a Latin letter about one.
    private const int LabelRoom = 18;

    /// <summary>The chart as SVG markup.</summary>
    /// <param name="id">A unique id on the page (the title's id is derived from it).</param>
    /// <param name="title">The chart's accessible name: what it shows.</param>
    /// <param name="series">The name of each series, shown in the legend when there are several.</param>
    /// <param name="rows">The bar groups, top to bottom.</param>
    public static IHtmlContent Render(string id, string title, IReadOnlyList<string> series, IReadOnlyList<ChartRow> rows)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rows);
        var e = HtmlEncoder.Default;
        var max = rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
        var legend = series.Count > 1 ? series.Count * LegendLine + 4 : 0;
        var band = series.Count * BarHeight + Gap;
        var height = legend + Math.Max(1, rows.Count) * band + Gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{e.Encode(id)}\" role=\"img\" aria-labelledby=\"{e.Encode(id)}-title\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{e.Encode(id)}-title\">{e.Encode(title)}</title>");
        for (var s = 0; s < series.Count && legend > 0; s++)
        {
            var y = 4 + s * LegendLine;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"series-{s}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"12\" height=\"12\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 18}\" y=\"{y + 11}\">{e.Encode(series[s])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var top = legend + r * band + Gap;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 6}\" y=\"{top + band / 2}\" text-anchor=\"end\">{e.Encode(Short(rows[r].Label))}</text>");
            for (var s = 0; s < rows[r].Values.Count; s++)
            {
                var value = rows[r].Values[s];
                var length = max == 0 ? 0 : (int)Math.Round(value / max * BarWidth, MidpointRounding.AwayFromZero);
                var y = top + s * BarHeight;
                if (value == 0)
                {
                    continue; // nothing drawn: the table says 0
                }

                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"series-{s}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(1, length)}\" height=\"{BarHeight - 2}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + length + 4}\" y=\"{y + BarHeight - 3}\">{value.ToString("#,0.##", CultureInfo.CurrentCulture)}</text>");
            }
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    // A long label is cut with an ellipsis in the drawing; the table beside it has it whole.
    private static string Short(string label)
    {
        var room = LabelRoom;
        var elements = StringInfo.GetTextElementEnumerator(label);
        var kept = new StringBuilder();
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            room -= element[0] >= '\u2E80' ? 2 : 1;
            if (room < 1)
            {
                return kept.Append('…').ToString();
            }

            kept.Append(element);
        }

        return label;
    }
}
