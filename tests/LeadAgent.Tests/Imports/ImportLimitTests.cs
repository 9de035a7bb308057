using System.Net;
using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;
using static LeadAgent.Tests.Kit.ImportRuns;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// Small hostile files (issue 13): each is refused with a 400 or 413 problem naming the file, after reading little
/// of it, instead of holding a core or gigabytes of memory. Provider-independent, so on SQLite only.
/// </summary>
[Collection(nameof(SqliteImports))]
public sealed class ImportLimitTests(SqliteApp app)
{
    private const string Preview = "/api/v1/imports/preview?kind=Companies";

    [Fact]
    public async Task A_csv_of_4000_repeated_header_names_is_refused_for_its_columns()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var header = string.Join(',', Enumerable.Repeat("Name", 4000));
        Assert.InRange(header.Length, 16_000, 20_000);
        var response = await c.PostAsync(Preview, Csv(header + "\r\nx\r\n"), Ct);
        Assert.Contains("more than 500 columns", await FileErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Five_hundred_repeated_header_names_are_numbered_once_each()
    {
        var c = await app.ClientAsync(Roles.Sales);
        // A literal "Name (3)" among them takes its number; the repeats skip it.
        var names = new[] { "Name (3)" }.Concat(Enumerable.Repeat("Name", 499));
        var response = await c.PostAsync(Preview, Csv(string.Join(',', names) + "\r\nx\r\n"), Ct);
        var preview = await response.ReadAsync<ImportPreview>();
        Assert.Equal(500, preview.Headers.Count);
        Assert.Equal(500, preview.Headers.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["Name (3)", "Name", "Name (2)", "Name (4)"], preview.Headers.Take(4).ToArray());
        Assert.Equal("Name (500)", preview.Headers[^1]);
    }

    [Fact]
    public async Task A_workbook_whose_only_cell_is_ZZZZZ1_is_refused_without_making_its_columns()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var sheet = $"<worksheet xmlns=\"{Workbooks.SheetNs}\"><sheetData><row r=\"1\">"
            + "<c r=\"ZZZZZ1\" t=\"inlineStr\"><is><t>name</t></is></c></row></sheetData></worksheet>";
        var workbook = Workbooks.Build(sheet);
        Assert.True(workbook.Length < 2048);
        var response = await c.PostAsync(Preview, Workbooks.Upload(workbook), Ct);
        Assert.Contains("more than 500 columns", await FileErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_cell_longer_than_excel_allows_is_refused_in_csv_and_in_shared_strings()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var csv = await c.PostAsync(Preview, Csv("name,note\r\nx," + new string('a', 40_000) + "\r\n"), Ct);
        Assert.Contains("longer than 32,767 characters", await FileErrorAsync(csv, HttpStatusCode.BadRequest));

        // One shared string of 1 MB used by 1,000 cells: refused when the string is read, before any cell is.
        var strings = $"<sst xmlns=\"{Workbooks.SheetNs}\"><si><t>name</t></si>"
            + $"<si><t>{new string('b', 1024 * 1024)}</t></si></sst>";
        var cells = string.Concat(Enumerable.Range(0, 1000).Select(_ => "<c t=\"s\"><v>1</v></c>"));
        var sheet = $"<worksheet xmlns=\"{Workbooks.SheetNs}\"><sheetData><row><c t=\"s\"><v>0</v></c></row>"
            + $"<row>{cells}</row></sheetData></worksheet>";
        var workbook = Workbooks.Build(sheet, strings);
        Assert.True(workbook.Length < 10_000);
        var xlsx = await c.PostAsync(Preview, Workbooks.Upload(workbook), Ct);
        Assert.Contains("longer than 32,767 characters", await FileErrorAsync(xlsx, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Shared_strings_that_expand_past_the_file_limit_as_csv_are_refused_as_too_large()
    {
        var c = await app.ClientAsync(Roles.Sales);
        // 32,000 characters (under the cell limit) in 4,000 cells: 128 MB of CSV from a few kilobytes.
        var strings = $"<sst xmlns=\"{Workbooks.SheetNs}\"><si><t>name</t></si>"
            + $"<si><t>{new string('c', 32_000)}</t></si></sst>";
        var row = "<row>" + string.Concat(Enumerable.Repeat("<c t=\"s\"><v>1</v></c>", 100)) + "</row>";
        var sheet = $"<worksheet xmlns=\"{Workbooks.SheetNs}\"><sheetData><row><c t=\"s\"><v>0</v></c></row>"
            + string.Concat(Enumerable.Repeat(row, 40)) + "</sheetData></worksheet>";
        var response = await c.PostAsync(Preview, Workbooks.Upload(Workbooks.Build(sheet, strings)), Ct);
        Assert.Contains("larger than 100 MB", await DetailAsync(response, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_for_its_compression_ratio()
    {
        var c = await app.ClientAsync(Roles.Sales);
        // 400,000 identical rows: about 25 MB of XML that deflate packs a thousand times.
        var sheet = new StringBuilder($"<worksheet xmlns=\"{Workbooks.SheetNs}\"><sheetData>");
        sheet.Append("<row><c t=\"inlineStr\"><is><t>name</t></is></c></row>");
        for (var i = 0; i < 400_000; i++)
        {
            sheet.Append("<row><c t=\"inlineStr\"><is><t>Bomb GmbH</t></is></c></row>");
        }
        var workbook = Workbooks.Build(sheet.Append("</sheetData></worksheet>").ToString());
        Assert.True(workbook.Length < 250_000);
        var response = await c.PostAsync(Preview, Workbooks.Upload(workbook), Ct);
        Assert.Contains("expands more than 100 times", await FileErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("dtd")]
    [InlineData("truncated")]
    public async Task A_workbook_with_a_dtd_or_a_truncated_sheet_is_a_400_problem(string damage)
    {
        var c = await app.ClientAsync(Roles.Sales);
        var sheet = Workbooks.Sheet(["name"], ["Damaged GmbH"]);
        sheet = damage == "dtd"
            ? "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol \"lol\">]>" + sheet
            : sheet[..(sheet.Length / 2)];
        var response = await c.PostAsync(Preview, Workbooks.Upload(Workbooks.Build(sheet)), Ct);
        Assert.Contains("The workbook is damaged", await FileErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public void Reading_stops_when_the_request_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var limits = new ImportLimits(100 * 1024 * 1024, 500);
        var workbook = Workbooks.Build(Workbooks.Sheet(["name"], ["Gone GmbH"]));
        Assert.ThrowsAny<OperationCanceledException>(() => XlsxFile.ToCsvIfWorkbook(workbook, limits, cancelled.Token));
        var csv = Encoding.UTF8.GetBytes("name\r\nGone GmbH\r\n");
        Assert.ThrowsAny<OperationCanceledException>(() =>
            CsvFile.Records(csv, new CsvLayout(CsvFile.Utf8, ',', true), limits, cancelled.Token).ToList());
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.ProblemAsync();
        return string.Join(" ", problem.GetProperty("errors").GetProperty("file").EnumerateArray()
            .Select(e => e.GetString()));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.ProblemAsync();
        return problem.GetProperty("detail").GetString() ?? "";
    }
}
