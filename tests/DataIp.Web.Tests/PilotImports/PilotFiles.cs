using System.Net.Http.Headers;
using System.Text;

namespace DataIp.Web.Tests.PilotImports;

/// <summary>The import's files (docs/samples, this folder's fixture) and the request that posts one.</summary>
internal static class PilotFiles
{
    /// <summary>Zhejiang's body code: the sample file's pilot.</summary>
    public const string Body = "3300";

    public static byte[] Sample => File.ReadAllBytes(Path.Combine(Root(), "docs", "samples", "pilot-certificates.csv"));

    /// <summary>Lines 2 and 7 are good (7 holds a formula as data); 3 bad date, 4 bad check character, 5 bad industry, 6 repeats line 2's number, 8 has no number.</summary>
    public static byte[] Mixed => File.ReadAllBytes(Path.Combine(Root(), "tests", "DataIp.Web.Tests", "PilotImports", "mixed.csv"));

    public const string Header = "pilot_certificate_number,registration_date,valid_until,data_name,holder_name,holder_code,industry_code";

    /// <summary>A file of one good row for a holder's code.</summary>
    public static byte[] One(string number, string holderCode, string dataName = "导入测试数据集") =>
        Encoding.UTF8.GetBytes($"{Header}\r\n{number},2024-03-01,2027-02-28,{dataName},测试数据持有公司,{holderCode},I65\r\n");

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] csv, string query = "", string body = Body, string type = "text/csv")
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return client.PostAsync($"/api/v1/bodies/{body}/imports{(query.Length > 0 ? "?" + query : "")}", content);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataIp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No DataIp.slnx above the test's directory.");
    }
}
