using System.Globalization;
using System.Text;
using CsvHelper;

namespace LeadAgent.Web.Features.Export;

/// <summary>One exported column: its header (as the importer expects it) and how to read it from a row.</summary>
public sealed record Column<T>(string Header, Func<T, string?> Value);

/// <summary>
/// Streams rows to CSV as they arrive from the database: nothing is buffered but the current row, so a 100,000-row
/// export runs in flat memory. UTF-8 with BOM so spreadsheet programs detect the encoding.
/// </summary>
public static class CsvExport
{
    public static async Task<int> WriteAsync<T>(
        Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns, CancellationToken ct)
    {
        await using var writer = new StreamWriter(
            output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using var csv = CsvWriter.Create(writer,
            new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\r\n" }, leaveOpen: true);
        foreach (var c in columns)
        {
            csv.WriteField(c.Header);
        }
        await csv.EndRecordAsync(ct);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var c in columns)
            {
                csv.WriteField(Safe(c.Value(row)));
            }
            await csv.EndRecordAsync(ct);
            count++;
        }
        await csv.FlushAsync(ct);
        return count;
    }

    // Spreadsheet formula injection: a cell starting with = + - @ is prefixed with ' so it stays text when opened.
    private static string? Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@'
        && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Time(DateTime? d) => d?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(int? i) => i?.ToString(CultureInfo.InvariantCulture);
}
