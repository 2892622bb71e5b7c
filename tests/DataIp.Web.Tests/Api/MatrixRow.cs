using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataIp.Web.Tests.Api;

/// <summary>How an identity's call of an endpoint counts.</summary>
internal enum MatrixCall
{
    /// <summary>Someone with no right to the resource: refused (401, 403, 404; a page's 302 to sign-in), nothing written.</summary>
    Stranger,

    /// <summary>The party the resource belongs to, or who may act on it: called after every stranger.</summary>
    Rightful,

    /// <summary>A rightful party whose call is not made, because it would spoil a later line (the table says why).</summary>
    RightfulNotMade,
}

/// <summary>
/// One endpoint's line of the authorization matrix: the resource its route values are filled
/// from, the body sent, and the answer each identity gets, written
/// <c>"applicant1 200*, examiner.4403 409*, applicants 404, others 403, anonymous 401"</c>: a name
/// or a group (<c>applicants</c>, <c>examiners</c>, <c>banks</c>, <c>bodyAdmins</c>) or
/// <c>others</c>, then the status; <c>*</c> marks a rightful party, <c>~</c> a rightful party whose
/// call is not made; no mark, a stranger. A name beats its group, a group beats <c>others</c>.
/// </summary>
/// <param name="Resource">The name of a resource of <see cref="MatrixCase.Resources"/>.</param>
/// <param name="Answers">Who gets which answer (see above).</param>
internal sealed record MatrixRow(string Resource, string Answers)
{
    /// <summary>The body each identity sends (a function of the identity's name); none when null.</summary>
    public Func<string, HttpContent>? Body { get; init; }

    /// <summary>The query string, without '?'.</summary>
    public string? Query { get; init; }

    /// <summary>The expected answer of an identity, or null when the line names none for it.</summary>
    public (int Status, MatrixCall Call)? For(string identity)
    {
        var answers = Answers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(a => a[0], a => Parse(a[1]));
        return answers.TryGetValue(identity, out var own) ? own
            : answers.TryGetValue(MatrixCase.GroupOf(identity), out var group) ? group
            : answers.TryGetValue("others", out var others) ? others
            : null;
    }

    private static (int, MatrixCall) Parse(string answer) => answer[^1] switch
    {
        '*' => (int.Parse(answer[..^1], CultureInfo.InvariantCulture), MatrixCall.Rightful),
        '~' => (int.Parse(answer[..^1], CultureInfo.InvariantCulture), MatrixCall.RightfulNotMade),
        _ => (int.Parse(answer, CultureInfo.InvariantCulture), MatrixCall.Stranger),
    };

    /// <summary>A JSON body, the same for everyone.</summary>
    public static Func<string, HttpContent> Json(object body) => _ => JsonContent(body);

    /// <summary>A JSON body of the caller's own (e.g. an account it creates, named after it).</summary>
    public static Func<string, HttpContent> JsonOf(Func<string, object> body) => identity => JsonContent(body(identity));

    /// <summary>A multipart form: text fields, and files named by their field.</summary>
    public static Func<string, HttpContent> Form(IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Bytes)[] files) => _ =>
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return form;
    };

    /// <summary>A text body.</summary>
    public static Func<string, HttpContent> Text(string text) => _ => new StringContent(text, Encoding.UTF8, "text/plain");

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Infrastructure.RegistryFactory.Json), Encoding.UTF8, "application/json");
}
