using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Export;

/// <summary>
/// CSV and Excel exports: what they hold, that list filters apply to them, and that they import again as they are.
/// </summary>
public abstract class ExportTests(AppFactory app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_data()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "rt" + Unique();
        var leads = "title,status,score,expected_value,currency,next_action_on,tags,company_name,company_domain,"
            + "company_country,company_segment,contact_first_name,contact_last_name,contact_email,contact_phone\n"
            + $"Badges 2027,Qualified,80,\"1,500.25\",EUR,2027-01-15,{tag};vip,Round Trip GmbH,{tag}.example,DE,"
            + $"EventAgency,Ria,Trip,ria@{tag}.example,+49 30 9876543\n"
            + $"=cmd|' /C calc'!A0,New,,,USD,,{tag},Formula & Co,{tag}-f.example,US,Reseller,@handle,,,\n";
        Assert.Equal(2, (await c.ImportAsync(leads, "rt.csv", "kind=Leads")).Created);
        var orders = "number,ordered_on,company_domain,product,category,quantity,unit_price,currency\n"
            + $"{tag}-1,2026-05-01,{tag}.example,Lanyard,Badges,100,0.35,EUR\n"
            + $"{tag}-1,2026-05-01,{tag}.example,Pen,Office,3,1.10,EUR\n";
        Assert.Equal(2, (await c.ImportAsync(orders, "o.csv", "kind=Orders")).Created);

        var leadExport = await c.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct);
        var orderExport = await c.GetStringAsync("/api/v1/orders/export", Ct);
        Assert.Contains("'=cmd", leadExport);

        await using var fresh = app.Provider == Provider.Sqlite ? (AppFactory)new SqliteApp() : new PostgresApp();
        await fresh.InitializeAsync();
        var f = await fresh.ClientAsync(Roles.Sales);
        Assert.Equal(2, (await f.ImportAsync(leadExport, "leads.csv", "kind=Leads")).Created);
        var orderLines = orderExport.Split("\r\n");
        var ourOrders = orderLines[0] + "\r\n" + string.Join("\r\n", orderLines.Where(l => l.StartsWith(tag)));
        Assert.Equal(2, (await f.ImportAsync(ourOrders, "orders.csv", "kind=Orders")).Created);

        Assert.Equal(Strip(leadExport), Strip(await f.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct)));
        var ordersAgain = (await f.GetStringAsync("/api/v1/orders/export", Ct)).Split("\r\n");
        Assert.Equal(Strip(string.Join("\n", orderLines.Where(l => l.StartsWith(tag)))),
            Strip(string.Join("\n", ordersAgain.Where(l => l.StartsWith(tag)))));
        await using var db = fresh.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == $"{tag}-1", Ct);
        Assert.Equal(38.30m, order.Total);
        Assert.Equal(1, (await db.Companies.SingleAsync(x => x.Domain == $"{tag}.example", Ct)).OrderCount);
    }

    [Fact]
    public async Task Company_and_contact_exports_follow_the_list_filters()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "ex" + Unique();
        var contacts = "first_name,last_name,email,company_name,company_domain,company_country,tags\n"
            + $"Ada,{tag},ada@{tag}.example,Export {tag} GmbH,{tag}.example,DE,{tag}\n"
            + $"Ben,Other,ben@{tag}-b.example,Other {tag} AG,{tag}-b.example,AT,\n";
        Assert.Equal(2, (await c.ImportAsync(contacts, "c.csv", "kind=Contacts")).Created);

        var companies = (await c.GetStringAsync($"/api/v1/companies/export?q={tag}&country=DE", Ct))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, companies.Length);
        Assert.StartsWith($"Export {tag} GmbH,", companies[1]);
        var people = (await c.GetStringAsync($"/api/v1/contacts/export?q=ada@{tag}", Ct))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, people.Length);
        Assert.StartsWith($"Ada,{tag},,ada@{tag}.example,", people[1]);
        var tooLong = await c.GetAsync("/api/v1/contacts/export?q=" + new string('x', 201), Ct);
        Assert.True((await tooLong.ProblemAsync()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Exports_come_as_excel_workbooks_with_the_same_rows()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "xl" + Unique();
        var file = "company_name,company_domain,company_country,title,expected_value,tags\n"
            + $"Excel {tag} GmbH,{tag}.example,DE,=cmd|' /C calc'!A0,1234.5,{tag}\n"
            + $"<b>Bold {tag}</b> AG,{tag}-b.example,AT,Lead &amp; more,0,{tag}\n";
        Assert.Equal(2, (await c.ImportAsync(file, "x.csv", "kind=Leads")).Created);

        var response = await c.GetAsync($"/api/v1/leads/export?tag={tag}&sort=title&format=xlsx", Ct);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        await using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(sheet);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = xml.Descendants(ns + "row")
            .Select(r => r.Elements(ns + "c")
                .Select(cell => (Type: (string?)cell.Attribute("t"), Text: cell.Value)).ToList())
            .ToList();
        var csv = await c.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct);
        var csvHeader = csv.TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        Assert.Equal(csvHeader, rows[0].Select(x => x.Text).ToArray());
        Assert.Equal(3, rows.Count);
        var title = Array.IndexOf(csvHeader, "title");
        var value = Array.IndexOf(csvHeader, "expected_value");
        // Text stays text (no formula), markup stays literal, amounts are numbers.
        Assert.Contains(rows.Skip(1), r => r[title] == ("inlineStr", "=cmd|' /C calc'!A0"));
        Assert.Contains(rows.Skip(1), r => r[title] == ("inlineStr", "Lead &amp; more"));
        // PostgreSQL keeps the column's scale ("1234.5000"), SQLite does not; either way it is a number cell.
        Assert.Contains(rows.Skip(1),
            r => r[value].Type is null && decimal.Parse(r[value].Text, CultureInfo.InvariantCulture) == 1234.5m);
        Assert.DoesNotContain(xml.Descendants(ns + "f"), _ => true);

        // The workbook imports again as it is: both rows match the leads they came from.
        var workbook = await (await c.GetAsync($"/api/v1/leads/export?tag={tag}&format=xlsx", Ct)).Content
            .ReadAsByteArrayAsync(Ct);
        using var upload = new ByteArrayContent(workbook);
        upload.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Leads&fileName=leads.xlsx", upload, Ct))
            .ReadAsync<ImportPreview>();
        Assert.Equal(csvHeader, preview.Headers.ToArray());
        Assert.Equal([RowOutcome.Unchanged, RowOutcome.Unchanged], preview.Rows.Select(r => r.Outcome).ToArray());
        Assert.Contains(preview.Rows, r => r.Values.Contains("=cmd|' /C calc'!A0"));

        var companies = await c.GetAsync($"/api/v1/companies/export?q={tag}&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, companies.StatusCode);
        var bad = await c.GetAsync($"/api/v1/orders/export?format=pdf", Ct);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("format", out _));
    }

    // Ids and creation times differ between databases; rows are compared by content, in a stable order.
    private static string Strip(string csv) => string.Join("\n", csv.TrimStart('\uFEFF')
        .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)
        .Select(l => string.Join(',', l.Split(',').Where(v => !Guid.TryParse(v, out _) && !IsTimestamp(v))))
        .OrderBy(l => l, StringComparer.Ordinal));

    private static bool IsTimestamp(string v) => v.Length == 20 && v.EndsWith('Z') && v[4] == '-';
}

[Collection(nameof(SqliteImports))]
public sealed class ExportSqliteTests(SqliteApp app) : ExportTests(app);

[Collection(nameof(PostgresImports))]
public sealed class ExportPostgresTests(PostgresApp app) : ExportTests(app);
