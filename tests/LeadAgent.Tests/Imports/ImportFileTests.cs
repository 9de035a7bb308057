using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Infrastructure.Auth;
using static LeadAgent.Tests.Kit.ImportRuns;

namespace LeadAgent.Tests.Imports;

/// <summary>What an uploaded file is read as: encodings, delimiters, Excel workbooks, bad requests.</summary>
public abstract class ImportFileTests(AppFactory app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task Encodings_and_delimiters_are_detected()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique();
        var text = $"name;city;country\r\nBäckerei Größe {tag};Köln;DE\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var variants = new (string Encoding, byte[] Bytes)[]
        {
            ("utf-8", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()),
            ("utf-8", Encoding.UTF8.GetBytes(text)),
            ("utf-16le", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()),
            ("utf-16le", Encoding.Unicode.GetBytes(text)),
            ("windows-1252", Encoding.GetEncoding(1252).GetBytes(text)),
        };
        foreach (var (encoding, bytes) in variants)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies", content, Ct))
                .ReadAsync<ImportPreview>();
            Assert.Equal(encoding, preview.Encoding);
            Assert.Equal(";", preview.Delimiter);
            Assert.True(preview.HasHeader);
            Assert.Equal($"Bäckerei Größe {tag}", preview.Rows[0].Values[0]);
            Assert.Equal("Köln", preview.Rows[0].Values[1]);
            Assert.Equal(RowOutcome.Created, preview.Rows[0].Outcome);
        }
    }

    [Fact]
    public async Task Bad_requests_get_problem_details()
    {
        var c = await app.ClientAsync(Roles.Sales);
        using var form = new StringContent("name\nx\n", Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await c.PostAsync("/api/v1/imports?kind=Companies", form, Ct)).StatusCode);
        var noKind = await c.PostAsync("/api/v1/imports", Csv("name\nx\n"), Ct);
        Assert.True(HasError(await noKind.ProblemAsync(), "kind"));
        var empty = await c.PostAsync("/api/v1/imports?kind=Companies", Csv(""), Ct);
        Assert.True(HasError(await empty.ProblemAsync(), "file"));
        var unmapped = await c.PostAsync("/api/v1/imports?kind=Companies", Csv("foo,bar\n1,2\n"), Ct);
        Assert.True(HasError(await unmapped.ProblemAsync(), "mapping.name"));
        var badMapping = await c.PostAsync(
            "/api/v1/imports?kind=Companies&mapping=" + Uri.EscapeDataString("{\"name\":7}"), Csv("a,b\n1,2\n"), Ct);
        Assert.True(HasError(await badMapping.ProblemAsync(), "mapping.name"));
        var badKey = await c.PostAsync("/api/v1/imports?kind=Companies&matchKey=Email", Csv("name\nx\n"), Ct);
        Assert.True(HasError(await badKey.ProblemAsync(), "matchKey"));
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostAsync("/api/v1/imports?kind=Companies", Csv("name\nx\n"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/imports/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_excel_workbook_with_shared_strings_and_date_cells_imports_like_csv()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "wb" + Unique();
        var serial = new DateTime(2026, 3, 14).ToOADate().ToString(CultureInfo.InvariantCulture);
        // As Excel writes it: text in the shared-string table, the date as a serial number with a date style,
        // sparse cells (the sheet is read ignoring whitespace between elements).
        var sheet = $$$"""
            <worksheet xmlns="{{{SheetNs}}}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>
            <c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
            <row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>{{{serial}}}</v></c>
            <c r="D2"><v>1234.5</v></c></row>
            </sheetData></worksheet>
            """;
        var strings = $$$"""
            <sst xmlns="{{{SheetNs}}}"><si><t>Order number</t></si><si><t>Date</t></si>
            <si><r><t>Cli</t></r><r><t>ent</t></r></si><si><t>Total</t></si><si><t>{{{tag}}}-1</t></si></sst>
            """;
        var styles = $"<styleSheet xmlns=\"{SheetNs}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
            + "</cellXfs></styleSheet>";
        var workbook = $"<workbook xmlns=\"{SheetNs}\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Orders\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
        var relations = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/orders.xml\"/></Relationships>";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[]
            {
                ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relations),
                ("xl/worksheets/orders.xml", sheet), ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles),
            })
            {
                await using var entry = zip.CreateEntry(name).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(xml), Ct);
            }
        }
        using var upload = new ByteArrayContent(buffer.ToArray());
        upload.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Orders&fileName=orders.xlsx", upload, Ct))
            .ReadAsync<ImportPreview>();
        Assert.Equal(["Order number", "Date", "Client", "Total"], preview.Headers.ToArray());
        Assert.Equal([$"{tag}-1", "2026-03-14", "", "1234.5"], Assert.Single(preview.Rows).Values);
    }

    private static bool HasError(System.Text.Json.JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out _);
}

[Collection(nameof(SqliteImports))]
public sealed class ImportFileSqliteTests(SqliteApp app) : ImportFileTests(app);

[Collection(nameof(PostgresImports))]
public sealed class ImportFilePostgresTests(PostgresApp app) : ImportFileTests(app);
