using System.Globalization;
using System.Text.Json.Nodes;

namespace DataIp.Web.Features.OpenData;

/// <summary>
/// The register's DCAT-AP catalogue (JSON-LD, DCAT-AP 3.0 terms): the datasets the register
/// publishes (the registrations, the transparency log) with their distributions, licence,
/// publisher, coverage and modification date (docs/open-data.md).
/// </summary>
internal static class OpenDataCatalog
{
    /// <summary>The DCAT-AP specification the catalogue follows.</summary>
    public const string DcatAp = "http://data.europa.eu/r5r/";

    /// <summary>The JSON-LD context: the DCAT, Dublin Core, FOAF and the register's own terms.</summary>
    public static JsonObject Context(Uri baseUrl) => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dataip"] = new Uri(baseUrl, "open-data#").AbsoluteUri,
    };

    /// <summary>What the catalogue describes, read in one snapshot.</summary>
    /// <param name="Registrations">How many registrations the register holds.</param>
    /// <param name="FirstRegistration">The earliest registration date.</param>
    /// <param name="Checkpoint">The latest checkpoint and committed log size.</param>
    public sealed record Facts(int Registrations, DateOnly? FirstRegistration, ExportCheckpoint Checkpoint);

    /// <summary>The catalogue.</summary>
    public static JsonObject Build(Uri baseUrl, OpenDataOptions options, Facts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(facts);
        string At(string path) => new Uri(baseUrl, path).AbsoluteUri;
        var publisher = new JsonObject
        {
            ["@type"] = "foaf:Agent",
            ["foaf:name"] = Texts(options.Publisher, options.PublisherEn),
        };
        var licence = new JsonObject { ["@id"] = options.Licence };
        var modified = Typed((facts.Checkpoint.SignedAt ?? now).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), "xsd:dateTime");
        var checkpoint = new JsonObject
        {
            ["@type"] = "dataip:Checkpoint",
            ["dataip:origin"] = facts.Checkpoint.Origin,
            ["dataip:treeSize"] = facts.Checkpoint.TreeSize,
            ["dataip:rootHash"] = facts.Checkpoint.RootHash,
            ["dataip:logSize"] = facts.Checkpoint.LogSize,
        };

        var registrations = new JsonObject
        {
            ["@id"] = At("open-data#registrations"),
            ["@type"] = "dcat:Dataset",
            ["dct:title"] = Texts("数据知识产权登记簿", "Register of data intellectual property"),
            ["dct:description"] = Texts(
                "每项登记的公开事项：登记号、现行证书、数据名称、权利人、登记机构及地区、登记日期、有效期至、法律状态、许可与质押数。",
                "The public particulars of every registration: numbers, data name, holders, registration body and region, registration date, validity, legal status, licence and pledge counts."),
            ["dct:publisher"] = publisher.DeepClone(),
            ["dct:license"] = licence.DeepClone(),
            ["dct:modified"] = modified.DeepClone(),
            ["dct:spatial"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/country/CHN" },
            ["dataip:registrations"] = facts.Registrations,
            ["dcat:distribution"] = new JsonArray(
                Distribution(At("api/v1/open-data/registrations.csv"), "text/csv", "CSV", "https://www.rfc-editor.org/rfc/rfc4180", licence, checkpoint),
                Distribution(At("api/v1/open-data/registrations.jsonl"), "application/jsonl", "JSON Lines", "https://jsonlines.org/", licence, checkpoint)),
        };
        if (facts.FirstRegistration is { } first)
        {
            registrations["dct:temporal"] = new JsonObject
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = Typed(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date"),
                ["dcat:endDate"] = Typed(DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date"),
            };
        }

        var log = new JsonObject
        {
            ["@id"] = At("open-data#log"),
            ["@type"] = "dcat:Dataset",
            ["dct:title"] = Texts("登记行为公开日志", "Transparency log of the register's acts"),
            ["dct:description"] = Texts(
                "每项登记行为的公开日志（RFC 9162 默克尔树，C2SP tlog-tiles），附签名检查点。",
                "Every act of the register in an append-only Merkle tree (RFC 9162) served as C2SP tlog-tiles, with signed checkpoints."),
            ["dct:publisher"] = publisher.DeepClone(),
            ["dct:license"] = licence.DeepClone(),
            ["dct:modified"] = modified.DeepClone(),
            ["dcat:distribution"] = new JsonArray(
                Distribution(At("log/checkpoint"), "text/plain", "C2SP signed note", "https://c2sp.org/tlog-checkpoint", licence, checkpoint),
                new JsonObject
                {
                    ["@type"] = "dcat:Distribution",
                    // Tile clients start from the checkpoint and read /log/tile/... from there.
                    ["dcat:accessURL"] = new JsonObject { ["@id"] = At("log/checkpoint") },
                    ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/application/octet-stream" },
                    ["dct:conformsTo"] = new JsonObject { ["@id"] = "https://c2sp.org/tlog-tiles" },
                    ["dct:license"] = licence.DeepClone(),
                }),
        };

        return new JsonObject
        {
            ["@context"] = Context(baseUrl),
            ["@id"] = At("api/v1/open-data/catalog"),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Texts("数据知识产权登记开放数据", "Open data of the data intellectual property register"),
            ["dct:description"] = Texts("登记簿的公开数据集及其下载。", "The register's public datasets and their downloads."),
            ["dct:publisher"] = publisher,
            ["dct:license"] = licence,
            ["dct:modified"] = modified,
            ["dct:conformsTo"] = new JsonObject { ["@id"] = DcatAp },
            ["foaf:homepage"] = new JsonObject { ["@id"] = At("open-data") },
            ["dcat:dataset"] = new JsonArray(registrations, log),
        };
    }

    private static JsonObject Distribution(string url, string mediaType, string format, string conformsTo, JsonObject licence, JsonObject checkpoint) => new()
    {
        ["@type"] = "dcat:Distribution",
        ["dcat:accessURL"] = new JsonObject { ["@id"] = url },
        ["dcat:downloadURL"] = new JsonObject { ["@id"] = url },
        ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/" + mediaType },
        ["dct:format"] = format,
        ["dct:conformsTo"] = new JsonObject { ["@id"] = conformsTo },
        ["dct:license"] = licence.DeepClone(),
        ["dataip:checkpoint"] = checkpoint.DeepClone(),
    };

    private static JsonArray Texts(string zh, string en) => new(
        new JsonObject { ["@value"] = zh, ["@language"] = "zh-CN" },
        new JsonObject { ["@value"] = en, ["@language"] = "en" });

    private static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };
}
