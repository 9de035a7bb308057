using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Api;

/// <summary>CSV import through the API: the messy-file corpus with expected per-row outcomes, idempotence, fixes, round trip.</summary>
public abstract class ImportApiTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task German_lead_file_arrives_with_its_values_normalised_and_the_import_in_the_activity_log()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", "leads-de.csv"), Ct);
        var run = await ImportAsync(c, file, "leads-de.csv", "kind=Leads&defaultCountry=DE");
        Assert.Equal(ImportStatus.Completed, run.Status);

        await using var db = app.CreateDbContext();
        var company = await db.Companies.SingleAsync(x => x.Domain == "mueller-soehne.de", Ct);
        Assert.Equal("https://mueller-soehne.de/kontakt", company.Website!.Replace("www.", ""));
        Assert.Equal("DE", company.Country);
        var leads = await db.Leads.Where(l => l.CompanyId == company.Id).OrderBy(l => l.ExpectedValue).ToListAsync(Ct);
        Assert.Equal([12.5m, 1234.50m], leads.Select(l => l.ExpectedValue!.Value).ToArray());
        Assert.Equal(new DateOnly(2026, 12, 24), leads[1].NextActionOn);
        Assert.Equal(LeadStatus.Qualified, leads[1].Status);
        Assert.Equal(LeadSource.Import, leads[1].Source);
        var anna = await db.Contacts.Include(x => x.Identities).SingleAsync(x => x.Id == leads[1].PrimaryContactId, Ct);
        Assert.Contains(anna.Identities, i => i.Value == "anna.schmidt@mueller-soehne.de");
        Assert.Contains(anna.Identities, i => i.Value == "+49301234567");
        var clara = await db.Contacts.SingleAsync(x => x.FirstName == "Clara", Ct);
        Assert.Equal("Line one\nline two", clara.LastName!.Replace("\r\n", "\n"));
        // The records name the run instead of one stored entry each; their timelines show the creation from it.
        Assert.All(leads, l => Assert.Equal(run.Id, l.ImportRunId));
        Assert.Equal(run.Id, company.ImportRunId);
        Assert.False(await db.Activity.AnyAsync(a => a.EntityId == leads[1].Id, Ct));
        foreach (var path in new[] { $"leads/{leads[1].Id}", $"contacts/{anna.Id}", $"companies/{company.Id}" })
        {
            var timeline = await c.GetFromJsonAsync<JsonElement>($"/api/v1/{path}/timeline", Ct);
            var created = Assert.Single(timeline.GetProperty("items").EnumerateArray());
            Assert.Equal("created", created.GetProperty("action").GetString());
            Assert.Contains("import leads-de.csv", created.GetProperty("actorName").GetString());
            Assert.Equal(run.Id, created.GetProperty("batchId").GetGuid());
            Assert.Contains("leads-de.csv", created.GetProperty("changes").GetString());
        }

        // Later entries come first; the creation stays the oldest, also across pages.
        var note = await c.PostAsJsonAsync("/api/v1/notes", new { subjectType = "Lead", subjectId = leads[1].Id, body = "Called back" }, Ct);
        note.EnsureSuccessStatusCode();
        var first = await c.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leads[1].Id}/timeline?limit=1", Ct);
        Assert.Equal("note-added", Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
        var second = await c.GetFromJsonAsync<JsonElement>(
            $"/api/v1/leads/{leads[1].Id}/timeline?limit=1&cursor={first.GetProperty("nextCursor").GetString()}", Ct);
        Assert.Equal("created", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // The leads list (and its export) filters by the run that created the leads.
        var fromRun = await c.GetFromJsonAsync<JsonElement>($"/api/v1/leads?importRunId={run.Id}&includeTotal=true", Ct);
        Assert.Equal(run.Created, fromRun.GetProperty("total").GetInt32());
        Assert.Equal(leads.Select(l => l.Id).Order(), fromRun.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
            .Where(id => leads.Any(l => l.Id == id)).Order());
        var export = await c.GetByteArrayAsync($"/api/v1/leads/export?importRunId={run.Id}", Ct);
        Assert.Equal(run.Created + 1, CsvFile.Records(export, new CsvLayout(CsvFile.Utf8, ',', true)).Count());

        // The audit log has the run itself, with its counts.
        var audit = await db.Activity.SingleAsync(a => a.BatchId == run.Id && a.EntityType == "Import", Ct);
        Assert.Equal("import-completed", audit.Action);
        Assert.Equal(run.Created, JsonDocument.Parse(audit.Changes!).RootElement.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Rejected_rows_download_with_an_error_column_and_import_once_fixed()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"name,website,country\nGood {tag},good-{tag}.example,DE\nBad {tag},good-{tag}.example/x,Narnia\n";
        var run = await ImportAsync(c, Encoding.UTF8.GetBytes(csv), "co.csv", "kind=Companies");
        Assert.Equal(1, run.Created);
        Assert.Equal(1, run.Rejected);

        var rejected = await c.GetStringAsync($"/api/v1/imports/{run.Id}/rejected.csv", Ct);
        var lines = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,website,country,error", lines[0]);
        Assert.StartsWith($"Bad {tag},good-{tag}.example/x,Narnia,", lines[1]);
        Assert.Contains("country", lines[1]);

        // Fixed: another website and a real country, error column left in place (it is not mapped).
        var fixedCsv = rejected.Replace($"good-{tag}.example/x", $"bad-{tag}.example").Replace("Narnia", "AT");
        var second = await ImportAsync(c, Encoding.UTF8.GetBytes(fixedCsv), "rejected-co.csv", "kind=Companies");
        Assert.Equal(1, second.Created);
        Assert.Equal(0, second.Rejected);
    }

    [Fact]
    public async Task Encodings_and_delimiters_are_detected()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..6];
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
            var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies", content, Ct)).ReadAsync<ImportPreview>();
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
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await c.PostAsync("/api/v1/imports?kind=Companies", form, Ct)).StatusCode);
        var noKind = await c.PostAsync("/api/v1/imports", Csv("name\nx\n"), Ct);
        Assert.True((await noKind.ProblemAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        var empty = await c.PostAsync("/api/v1/imports?kind=Companies", Csv(""), Ct);
        Assert.True((await empty.ProblemAsync()).GetProperty("errors").TryGetProperty("file", out _));
        var unmapped = await c.PostAsync("/api/v1/imports?kind=Companies", Csv("foo,bar\n1,2\n"), Ct);
        Assert.True((await unmapped.ProblemAsync()).GetProperty("errors").TryGetProperty("mapping.name", out _));
        var badMapping = await c.PostAsync("/api/v1/imports?kind=Companies&mapping=" + Uri.EscapeDataString("{\"name\":7}"), Csv("a,b\n1,2\n"), Ct);
        Assert.True((await badMapping.ProblemAsync()).GetProperty("errors").TryGetProperty("mapping.name", out _));
        var badKey = await c.PostAsync("/api/v1/imports?kind=Companies&matchKey=Email", Csv("name\nx\n"), Ct);
        Assert.True((await badKey.ProblemAsync()).GetProperty("errors").TryGetProperty("matchKey", out _));
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/imports?kind=Companies", Csv("name\nx\n"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/imports/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Mapping_is_remembered_per_header_set_and_modes_are_respected()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var header = "Kunde,Netzadresse";
        var mapping = Uri.EscapeDataString("{\"name\":0,\"website\":1}");
        var first = await ImportAsync(c, Encoding.UTF8.GetBytes($"{header}\nAlpha {tag},alpha-{tag}.example\n"), "a.csv", $"kind=Companies&mapping={mapping}");
        Assert.Equal(1, first.Created);

        using var again = Csv($"{header}\nAlpha {tag} Renamed,alpha-{tag}.example\nBeta {tag},beta-{tag}.example\n");
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies&mode=CreateOnly", again, Ct)).ReadAsync<ImportPreview>();
        Assert.True(preview.MappingRemembered);
        Assert.Equal(0, preview.Mapping["name"]);
        Assert.Equal([RowOutcome.Skipped, RowOutcome.Created], preview.Rows.Select(r => r.Outcome).ToArray());

        var updateOnly = await ImportAsync(c, Encoding.UTF8.GetBytes($"{header}\nAlpha {tag} Renamed,alpha-{tag}.example\nBeta {tag},beta-{tag}.example\n"), "b.csv", "kind=Companies&mode=UpdateOnly");
        Assert.Equal((0, 1, 1), (updateOnly.Created, updateOnly.Updated, updateOnly.Skipped));
        await using var db = app.CreateDbContext();
        var alpha = await db.Companies.SingleAsync(x => x.Domain == $"alpha-{tag}.example", Ct);
        Assert.Equal($"Alpha {tag} Renamed", alpha.Name);
        Assert.False(await db.Companies.AnyAsync(x => x.Domain == $"beta-{tag}.example", Ct));
        // A change an import makes to an existing record is stored field by field, naming that import.
        var change = await db.Activity.SingleAsync(a => a.EntityId == alpha.Id && a.BatchId == updateOnly.Id, Ct);
        Assert.Equal("updated", change.Action);
        Assert.Contains("import b.csv", change.ActorName);
        Assert.Contains($"Alpha {tag} Renamed", change.Changes);
        Assert.Equal(first.Id, alpha.ImportRunId);
    }

    [Fact]
    public async Task Company_files_keyed_on_phone_or_external_id_update_the_company_they_name()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = $"030 {Random.Shared.Next(2_000_000, 9_999_999)}";
        var first = await ImportAsync(c, Encoding.UTF8.GetBytes($"name,phone,external_id,country\nMesse {tag},{phone},erp-{tag},DE\n"), "first.csv", "kind=Companies");
        Assert.Equal(1, first.Created);

        // Another name and no website: only the phone says which company this is.
        var byPhone = await ImportAsync(c, Encoding.UTF8.GetBytes($"name,phone,city,country\nMessebau {tag} Nord,{phone},Hamburg,DE\n"), "phone.csv",
            "kind=Companies&matchKey=Phone");
        Assert.Equal((0, 1), (byPhone.Created, byPhone.Updated));
        var byExt = await ImportAsync(c, Encoding.UTF8.GetBytes($"name,external_id,city\nMesse {tag} GmbH,erp-{tag},Bremen\n"), "ext.csv",
            "kind=Companies&matchKey=ExternalId");
        Assert.Equal((0, 1), (byExt.Created, byExt.Updated));

        await using var db = app.CreateDbContext();
        var company = await db.Companies.SingleAsync(x => x.ExternalId == $"erp-{tag}", Ct);
        Assert.Equal(($"Messe {tag} GmbH", "Bremen"), (company.Name, company.City));
        Assert.Equal(first.Id, company.ImportRunId);
        // Keyed on the domain (the default), the phone alone does not identify it.
        var byDomain = await ImportAsync(c, Encoding.UTF8.GetBytes($"name,phone,country\nGanz Anders {tag},{phone},DE\n"), "domain.csv", "kind=Companies");
        Assert.Equal(1, byDomain.Created);
    }

    [Fact]
    public async Task An_order_for_a_new_company_creates_it_and_logs_the_order_on_its_timeline()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "on" + Guid.NewGuid().ToString("N")[..6];
        var orders = $"number,ordered_on,company_name,company_domain,product,quantity,unit_price,currency\n{tag}-1,2026-05-01,New Client {tag},{tag}.example,Lanyard,100,0.35,EUR\n";
        var run = await ImportAsync(c, Encoding.UTF8.GetBytes(orders), "orders.csv", "kind=Orders");
        Assert.Equal(1, run.Created);

        await using var db = app.CreateDbContext();
        var company = await db.Companies.SingleAsync(x => x.Domain == $"{tag}.example", Ct);
        Assert.Equal(run.Id, company.ImportRunId);
        Assert.Equal(1, company.OrderCount);
        var timeline = await c.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company.Id}/timeline", Ct);
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["order-added", "created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal($"New Client {tag}", items[0].GetProperty("entityLabel").GetString());
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_data()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "rt" + Guid.NewGuid().ToString("N")[..6];
        var leads = $"title,status,score,expected_value,currency,next_action_on,tags,company_name,company_domain,company_country,company_segment,contact_first_name,contact_last_name,contact_email,contact_phone\n"
            + $"Badges 2027,Qualified,80,\"1,500.25\",EUR,2027-01-15,{tag};vip,Round Trip GmbH,{tag}.example,DE,EventAgency,Ria,Trip,ria@{tag}.example,+49 30 9876543\n"
            + $"=cmd|' /C calc'!A0,New,,,USD,,{tag},Formula & Co,{tag}-f.example,US,Reseller,@handle,,,\n";
        Assert.Equal(2, (await ImportAsync(c, Encoding.UTF8.GetBytes(leads), "rt.csv", "kind=Leads")).Created);
        var orders = $"number,ordered_on,company_domain,product,category,quantity,unit_price,currency\n{tag}-1,2026-05-01,{tag}.example,Lanyard,Badges,100,0.35,EUR\n{tag}-1,2026-05-01,{tag}.example,Pen,Office,3,1.10,EUR\n";
        Assert.Equal(2, (await ImportAsync(c, Encoding.UTF8.GetBytes(orders), "o.csv", "kind=Orders")).Created);

        var leadExport = await c.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct);
        var orderExport = await c.GetStringAsync("/api/v1/orders/export", Ct);
        Assert.Contains("'=cmd", leadExport);

        await using var fresh = app.Provider == Provider.Sqlite ? (AppFactory)new SqliteApp() : new PostgresApp();
        await fresh.InitializeAsync();
        var f = await fresh.ClientAsync(Roles.Sales);
        Assert.Equal(2, (await ImportAsync(f, Encoding.UTF8.GetBytes(leadExport), "leads.csv", "kind=Leads")).Created);
        Assert.Equal(2, (await ImportAsync(f, Encoding.UTF8.GetBytes(orderExport.Split("\r\n")[0] + "\r\n" + string.Join("\r\n", orderExport.Split("\r\n").Where(l => l.StartsWith(tag)))), "orders.csv", "kind=Orders")).Created);

        Assert.Equal(Strip(leadExport), Strip(await f.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct)));
        Assert.Equal(Strip(string.Join("\n", orderExport.Split("\r\n").Where(l => l.StartsWith(tag)))),
            Strip(string.Join("\n", (await f.GetStringAsync("/api/v1/orders/export", Ct)).Split("\r\n").Where(l => l.StartsWith(tag)))));
        await using var db = fresh.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == $"{tag}-1", Ct);
        Assert.Equal(38.30m, order.Total);
        Assert.Equal(1, (await db.Companies.SingleAsync(x => x.Domain == $"{tag}.example", Ct)).OrderCount);
    }

    [Fact]
    public async Task Company_and_contact_exports_follow_the_list_filters()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "ex" + Guid.NewGuid().ToString("N")[..6];
        var contacts = $"first_name,last_name,email,company_name,company_domain,company_country,tags\nAda,{tag},ada@{tag}.example,Export {tag} GmbH,{tag}.example,DE,{tag}\nBen,Other,ben@{tag}-b.example,Other {tag} AG,{tag}-b.example,AT,\n";
        Assert.Equal(2, (await ImportAsync(c, Encoding.UTF8.GetBytes(contacts), "c.csv", "kind=Contacts")).Created);

        var companies = (await c.GetStringAsync($"/api/v1/companies/export?q={tag}&country=DE", Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, companies.Length);
        Assert.StartsWith($"Export {tag} GmbH,", companies[1]);
        var people = (await c.GetStringAsync($"/api/v1/contacts/export?q=ada@{tag}", Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, people.Length);
        Assert.StartsWith($"Ada,{tag},,ada@{tag}.example,", people[1]);
        var tooLong = await c.GetAsync("/api/v1/contacts/export?q=" + new string('x', 201), Ct);
        Assert.True((await tooLong.ProblemAsync()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Exports_come_as_excel_workbooks_with_the_same_rows()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "xl" + Guid.NewGuid().ToString("N")[..6];
        var file = $"company_name,company_domain,company_country,title,expected_value,tags\nExcel {tag} GmbH,{tag}.example,DE,=cmd|' /C calc'!A0,1234.5,{tag}\n<b>Bold {tag}</b> AG,{tag}-b.example,AT,Lead &amp; more,0,{tag}\n";
        Assert.Equal(2, (await ImportAsync(c, Encoding.UTF8.GetBytes(file), "x.csv", "kind=Leads")).Created);

        var response = await c.GetAsync($"/api/v1/leads/export?tag={tag}&sort=title&format=xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx\"", response.Content.Headers.ContentDisposition?.ToString());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        await using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = System.Xml.Linq.XDocument.Load(sheet);
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = xml.Descendants(ns + "row").Select(r => r.Elements(ns + "c").Select(cell => (Type: (string?)cell.Attribute("t"), Text: cell.Value)).ToList()).ToList();
        var csvHeader = (await c.GetStringAsync($"/api/v1/leads/export?tag={tag}", Ct)).TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        Assert.Equal(csvHeader, rows[0].Select(x => x.Text).ToArray());
        Assert.Equal(3, rows.Count);
        var title = Array.IndexOf(csvHeader, "title");
        var value = Array.IndexOf(csvHeader, "expected_value");
        // Text stays text (no formula), markup stays literal, amounts are numbers.
        Assert.Contains(rows.Skip(1), r => r[title] == ("inlineStr", "=cmd|' /C calc'!A0"));
        Assert.Contains(rows.Skip(1), r => r[title] == ("inlineStr", "Lead &amp; more"));
        // PostgreSQL keeps the column's scale ("1234.5000"), SQLite does not; either way it is a number cell.
        Assert.Contains(rows.Skip(1), r => r[value].Type is null && decimal.Parse(r[value].Text, System.Globalization.CultureInfo.InvariantCulture) == 1234.5m);
        Assert.DoesNotContain(xml.Descendants(ns + "f"), _ => true);

        // The workbook imports again as it is: both rows match the leads they came from.
        var workbook = await (await c.GetAsync($"/api/v1/leads/export?tag={tag}&format=xlsx", Ct)).Content.ReadAsByteArrayAsync(Ct);
        using var upload = new ByteArrayContent(workbook);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Leads&fileName=leads.xlsx", upload, Ct)).ReadAsync<ImportPreview>();
        Assert.Equal(csvHeader, preview.Headers.ToArray());
        Assert.Equal([RowOutcome.Unchanged, RowOutcome.Unchanged], preview.Rows.Select(r => r.Outcome).ToArray());
        Assert.Contains(preview.Rows, r => r.Values.Contains("=cmd|' /C calc'!A0"));

        var companies = await c.GetAsync($"/api/v1/companies/export?q={tag}&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, companies.StatusCode);
        var bad = await c.GetAsync($"/api/v1/orders/export?format=pdf", Ct);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task An_excel_workbook_with_shared_strings_and_date_cells_imports_like_csv()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "wb" + Guid.NewGuid().ToString("N")[..6];
        var serial = new DateTime(2026, 3, 14).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // As Excel writes it: text in the shared-string table, the date as a serial number with a date style, sparse cells.
        var sheet = $$$"""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
            <row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>{{{serial}}}</v></c><c r="D2"><v>1234.5</v></c></row>
            </sheetData></worksheet>
            """;
        var strings = $$$"""
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Order number</t></si><si><t>Date</t></si>
            <si><r><t>Cli</t></r><r><t>ent</t></r></si><si><t>Total</t></si><si><t>{{{tag}}}-1</t></si></sst>
            """;
        var styles = """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>""";
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[]
            {
                ("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId7"/></sheets></workbook>"""),
                ("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/orders.xml"/></Relationships>"""),
                ("xl/worksheets/orders.xml", sheet), ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles),
            })
            {
                await using var entry = zip.CreateEntry(name).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(xml), Ct);
            }
        }
        using var upload = new ByteArrayContent(buffer.ToArray());
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Orders&fileName=orders.xlsx", upload, Ct)).ReadAsync<ImportPreview>();
        Assert.Equal(["Order number", "Date", "Client", "Total"], preview.Headers.ToArray());
        Assert.Equal([$"{tag}-1", "2026-03-14", "", "1234.5"], Assert.Single(preview.Rows).Values);
    }

    // Ids and creation times differ between databases; rows are compared by content, in a stable order.
    private static string Strip(string csv) => string.Join("\n", csv.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)
        .Select(l => string.Join(',', l.Split(',').Where(v => !Guid.TryParse(v, out _) && !(v.Length == 20 && v.EndsWith('Z') && v[4] == '-'))))
        .OrderBy(l => l, StringComparer.Ordinal));

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task Preview_warns_about_likely_duplicates_and_the_run_queues_them()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "Gamma" + Guid.NewGuid().ToString("N")[..6];
        await (await c.PostJsonAsync("/api/v1/companies", new LeadAgent.Web.Features.Companies.CompanyInput { Name = $"Schröder {tag} Messebau GmbH", Country = "DE", Website = $"{tag}.de" })).ReadAsync<LeadAgent.Web.Features.Companies.CompanyRow>();
        var file = Encoding.UTF8.GetBytes($"name,country\nMüller {tag},DE\nSchroder {tag} Messebau,DE\n");
        using var content = Csv(Encoding.UTF8.GetString(file));
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies", content, Ct)).ReadAsync<ImportPreview>();
        Assert.Null(preview.Rows[0].Message);
        Assert.Equal(RowOutcome.Created, preview.Rows[1].Outcome);
        Assert.Contains($"likely a duplicate of \"Schröder {tag} Messebau GmbH\"", preview.Rows[1].Message);

        var run = await ImportAsync(c, file, "dupes.csv", "kind=Companies");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (run.DuplicatesFound is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            run = await (await c.GetAsync($"/api/v1/imports/{run.Id}", Ct)).ReadAsync<ImportRunDto>();
        }
        Assert.True(run.DuplicatesFound >= 1);
    }

    public static async Task<ImportRunDto> ImportAsync(HttpClient c, byte[] file, string name, string query)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await c.PostAsync($"/api/v1/imports?fileName={Uri.EscapeDataString(name)}&{query}", content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var run = await response.ReadAsync<ImportRunDto>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!run.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            run = await (await c.GetAsync($"/api/v1/imports/{run.Id}", Ct)).ReadAsync<ImportRunDto>();
        }
        Assert.True(run.IsFinished, $"Import {run.Id} did not finish: {run.Status} {run.RowsDone}/{run.TotalRows}");
        return run;
    }
}

/// <summary>The messy-file corpus, each file with its expected per-row outcomes (own database: outcomes depend on what exists).</summary>
public abstract class ImportCorpusTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Corpus() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports"), "*.expected")
        .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n)!);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Messy_files_import_with_the_expected_outcome_per_row_and_again_change_nothing(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports");
        var file = Directory.GetFiles(dir, name + ".*").Single(f => !f.EndsWith(".expected"));
        var expectedLines = await File.ReadAllLinesAsync(Path.Combine(dir, name + ".expected"), Ct);
        var settings = expectedLines[0].TrimStart('#', ' ').Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var expected = expectedLines.Where(l => !l.StartsWith('#') && l.Trim().Length > 0).Select(l => l.Split('\t')).ToList();
        var query = $"kind={settings["kind"]}" + (settings.TryGetValue("defaultCountry", out var country) ? $"&defaultCountry={country}" : "");
        var c = await app.ClientAsync(Roles.Sales);

        var run = await ImportApiTests.ImportAsync(c, await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file), query);
        Assert.Equal(ImportStatus.Completed, run.Status);
        Assert.Equal(expected.Count, run.TotalRows);
        Assert.Equal(expected.Count, run.RowsDone);
        var issues = await (await c.GetAsync($"/api/v1/imports/{run.Id}/issues", Ct)).ReadAsync<List<ImportRowIssueDto>>();
        foreach (var e in expected)
        {
            var row = int.Parse(e[0]);
            var outcome = Enum.Parse<RowOutcome>(e[1]);
            var issue = issues.SingleOrDefault(i => i.RowNumber == row);
            if (outcome is RowOutcome.Rejected or RowOutcome.Skipped)
            {
                Assert.True(issue is not null, $"{name} row {row}: expected {outcome}, got no issue");
                Assert.Equal(outcome, issue.Outcome);
                Assert.Contains(e[2], issue.Message);
            }
            else
            {
                Assert.True(issue is null, $"{name} row {row}: expected {outcome}, got {issue?.Outcome}: {issue?.Message}");
            }
        }
        Assert.Equal(expected.Count(e => e[1] == "Created"), run.Created);
        Assert.Equal(expected.Count(e => e[1] == "Updated"), run.Updated);
        Assert.Equal(expected.Count(e => e[1] == "Unchanged"), run.Unchanged);
        Assert.Equal(expected.Count(e => e[1] == "Rejected"), run.Rejected);

        // The same file again: nothing new, nothing changed, the same rows rejected.
        var again = await ImportApiTests.ImportAsync(c, await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file), query);
        Assert.Equal(0, again.Created);
        Assert.Equal(expected.Count(e => e[1] == "Rejected"), again.Rejected);
        Assert.Equal(0, again.Updated);
        Assert.Equal(expected.Count - again.Rejected, again.Unchanged);
    }

}

public sealed class ImportCorpusSqliteTests(SqliteApp app) : ImportCorpusTests(app), IClassFixture<SqliteApp>;

public sealed class ImportCorpusPostgresTests(PostgresApp app) : ImportCorpusTests(app), IClassFixture<PostgresApp>;

public sealed class ImportApiSqliteTests(SqliteApp app) : ImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportApiPostgresTests(PostgresApp app) : ImportApiTests(app), IClassFixture<PostgresApp>;
