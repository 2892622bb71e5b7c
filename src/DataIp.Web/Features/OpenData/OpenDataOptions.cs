namespace DataIp.Web.Features.OpenData;

/// <summary>
/// The <c>DataIp:OpenData</c> settings: who publishes the register's open data and under which
/// licence (docs/open-data.md). The defaults are Creative Commons Attribution 4.0 and the
/// platform's name; an operator sets its own.
/// </summary>
public sealed class OpenDataOptions
{
    /// <summary>The licence of the register's records for reuse: a URL (default CC BY 4.0).</summary>
    public string Licence { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>The licence's short name, as the open-data page shows it.</summary>
    public string LicenceName { get; set; } = "CC BY 4.0";

    /// <summary>The publisher of the catalogue: the platform's operator, in Chinese.</summary>
    public string Publisher { get; set; } = "国家数据知识产权登记平台";

    /// <summary>The publisher's name in English.</summary>
    public string PublisherEn { get; set; } = "National Data Intellectual Property Registration Platform";
}
