using System.Globalization;
using System.Net;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;

namespace DataIp.Web.Tests.Ledger;

/// <summary>
/// <c>GET /log/tile/…</c> reads paths with the shared C2SP tlog-tiles code: a path the spec does not
/// allow is a 400 problem naming the path, a well-formed tile beyond the published tree is 404, and
/// no index, however large, reaches the database as an overflowed range.
/// </summary>
public sealed class TileEndpointTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GetTile_EachPath_AnswersAsTheSpecSays(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        await platform.ApplicantAsync();
        await platform.ApplicantAsync();
        var size = (await platform.PublishLogAsync()).TreeSize;
        Assert.InRange(size, 2, 255);
        var client = platform.CreateClient();
        var width = size.ToString(CultureInfo.InvariantCulture);
        (string Path, HttpStatusCode Status)[] cases =
        [
            ($"0/000.p/{width}", HttpStatusCode.OK),
            ($"entries/000.p/{width}", HttpStatusCode.OK),
            ("0/000.p/1", HttpStatusCode.OK),
            ("0/000", HttpStatusCode.NotFound),
            ($"0/000.p/{size + 1}", HttpStatusCode.NotFound),
            ("1/000.p/1", HttpStatusCode.NotFound),
            ("63/000", HttpStatusCode.NotFound),
            ("0/x001/000", HttpStatusCode.NotFound),
            // Indices whose first hash is at or beyond 2^63: well-formed, not in any log.
            ("0/x036/x028/x797/x018/x963/968", HttpStatusCode.NotFound),
            ("entries/x036/x028/x797/x018/x963/968", HttpStatusCode.NotFound),
            ("1/x009/x223/x372/x036/x854/x775/807", HttpStatusCode.NotFound),
            ("0/x009/x223/x372/x036/x854/x775/807.p/255", HttpStatusCode.NotFound),
            // Accepted by the server before the shared code, refused by the CLI and the spec.
            ($"0/x000/000.p/{width}", HttpStatusCode.BadRequest),
            ($"entries/x000/000.p/{width}", HttpStatusCode.BadRequest),
            ("64/000", HttpStatusCode.BadRequest),
            ("99/000.p/1", HttpStatusCode.BadRequest),
            // Refused before and after.
            ("0/1", HttpStatusCode.BadRequest),
            ("0/000.p/300", HttpStatusCode.BadRequest),
            ("00/000", HttpStatusCode.BadRequest),
            ("0/x018/x446/x744/x073/x709/x551/616", HttpStatusCode.BadRequest),
        ];

        var wrong = new List<string>();
        foreach (var (path, status) in cases)
        {
            using var response = await client.GetAsync("/log/tile/" + path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != status)
            {
                wrong.Add($"{path}: {(int)response.StatusCode}, expected {(int)status} ({body[..Math.Min(body.Length, 200)]})");
            }
            else if (status == HttpStatusCode.BadRequest && !body.Contains("\"path\"", StringComparison.Ordinal))
            {
                wrong.Add($"{path}: the 400 problem does not name the field path: {body}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
