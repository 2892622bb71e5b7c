using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataIp.Web.Features.OpenData;

/// <summary>
/// Writes the public register as CSV (RFC 4180, UTF-8, CRLF, a header row of
/// <see cref="Columns"/>) or JSON Lines (a metadata object first, then one object per
/// registration), streaming: each batch of rows is written and flushed before the next is read.
/// </summary>
internal static class RegisterExport
{
    /// <summary>The CSV's columns, in order: stable English keys, also the JSON Lines' member names (docs/open-data.md).</summary>
    public static readonly string[] Columns =
    [
        "registrationNumber", "certificateNumber", "dataName", "holders", "bodyCode", "bodyName", "bodyNameEn", "regionCode",
        "registrationDate", "validUntil", "legalStatus", "licences", "pledges",
    ];

    // Rows written between flushes of the response.
    private const int FlushEvery = 500;

    // The holders of a CSV row, one after another (the JSON Lines give them as an array with shares).
    private const string HolderSeparator = "; ";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the CSV of <paramref name="rows"/>.</summary>
    public static async Task WriteCsvAsync(PipeWriter output, IAsyncEnumerable<RegisterRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var line = new StringBuilder(512);
        AppendLine(line, Columns);
        Write(output, line);
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            AppendLine(line, [
                row.RegistrationNumber, row.CertificateNumber, row.DataName, string.Join(HolderSeparator, row.Holders.Select(h => h.Name)),
                row.BodyCode, row.BodyName, row.BodyNameEn, row.RegionCode, Day(row.RegistrationDate), Day(row.ValidUntil),
                JsonNaming.Camel(row.LegalStatus), row.Licences.ToString(CultureInfo.InvariantCulture), row.Pledges.ToString(CultureInfo.InvariantCulture),
            ]);
            Write(output, line);
            if (++written % FlushEvery == 0)
            {
                await output.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Writes the JSON Lines of <paramref name="rows"/>, after a first line stating the dataset, licence and checkpoint.</summary>
    public static async Task WriteJsonLinesAsync(PipeWriter output, IAsyncEnumerable<RegisterRow> rows, ExportCheckpoint checkpoint, string licence, DateTimeOffset generatedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var json = new Utf8JsonWriter(output, JsonOptions);
        json.WriteStartObject();
        json.WriteString("metadata", "registrations");
        json.WriteString("generatedAt", generatedAt);
        json.WriteString("licence", licence);
        json.WriteStartObject("checkpoint");
        json.WriteString("origin", checkpoint.Origin);
        json.WriteNumber("treeSize", checkpoint.TreeSize);
        json.WriteString("rootHash", checkpoint.RootHash);
        json.WriteNumber("logSize", checkpoint.LogSize);
        json.WriteEndObject();
        json.WriteEndObject();
        EndLine(json, output);
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            WriteRow(json, row);
            EndLine(json, output);
            if (++written % FlushEvery == 0)
            {
                await output.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One CSV field as RFC 4180 §2 writes it: quoted when it holds a comma, a quote, CR or LF, with each quote doubled.</summary>
    public static void AppendField(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static void AppendLine(StringBuilder line, string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendField(line, fields[i]);
        }

        line.Append("\r\n");
    }

    private static void WriteRow(Utf8JsonWriter json, RegisterRow row)
    {
        json.WriteStartObject();
        json.WriteString("registrationNumber", row.RegistrationNumber);
        json.WriteString("certificateNumber", row.CertificateNumber);
        json.WriteString("dataName", row.DataName);
        json.WriteStartArray("holders");
        foreach (var holder in row.Holders)
        {
            json.WriteStartObject();
            json.WriteString("name", holder.Name);
            json.WriteNumber("share", holder.Share);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("bodyCode", row.BodyCode);
        json.WriteString("bodyName", row.BodyName);
        json.WriteString("bodyNameEn", row.BodyNameEn);
        json.WriteString("regionCode", row.RegionCode);
        json.WriteString("registrationDate", Day(row.RegistrationDate));
        json.WriteString("validUntil", Day(row.ValidUntil));
        json.WriteString("legalStatus", JsonNaming.Camel(row.LegalStatus));
        json.WriteNumber("licences", row.Licences);
        json.WriteNumber("pledges", row.Pledges);
        json.WriteEndObject();
    }

    // A JSON Lines record ends with LF; the writer starts afresh for the next (each line is a whole JSON text).
    private static void EndLine(Utf8JsonWriter json, PipeWriter output)
    {
        json.Flush();
        output.Write("\n"u8);
        json.Reset(output);
    }

    private static void Write(PipeWriter output, StringBuilder line)
    {
        // One encoder over the chunks: a chunk may end between the two halves of a surrogate pair.
        var encoder = Encoding.UTF8.GetEncoder();
        foreach (var chunk in line.GetChunks())
        {
            encoder.Convert(chunk.Span, output, flush: false, out _, out _);
        }

        encoder.Convert([], output, flush: true, out _, out _);

        line.Clear();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
