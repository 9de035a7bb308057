using System.Net.Http.Json;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// CSV import runs through the API: what arrives, the activity they leave, rejected rows fixed and imported again,
/// duplicates found on the way; SQLite and PostgreSQL.
/// </summary>
public abstract class ImportRunTests(AppFactory app)
{
    [Fact]
    public async Task German_lead_file_arrives_with_its_values_normalised_and_the_import_in_the_activity_log()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", "leads-de.csv");
        var file = await File.ReadAllBytesAsync(path, Ct);
        var run = await c.ImportAsync(file, "leads-de.csv", "kind=Leads&defaultCountry=DE");
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
        foreach (var record in new[] { $"leads/{leads[1].Id}", $"contacts/{anna.Id}", $"companies/{company.Id}" })
        {
            var timeline = await c.GetFromJsonAsync<JsonElement>($"/api/v1/{record}/timeline", Ct);
            var created = Assert.Single(timeline.GetProperty("items").EnumerateArray());
            Assert.Equal("created", created.GetProperty("action").GetString());
            Assert.Contains("import leads-de.csv", created.GetProperty("actorName").GetString());
            Assert.Equal(run.Id, created.GetProperty("batchId").GetGuid());
            Assert.Contains("leads-de.csv", created.GetProperty("changes").GetString());
        }

        // Later entries come first; the creation stays the oldest, also across pages.
        var note = await c.PostAsJsonAsync("/api/v1/notes",
            new { subjectType = "Lead", subjectId = leads[1].Id, body = "Called back" }, Ct);
        note.EnsureSuccessStatusCode();
        var first = await c.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leads[1].Id}/timeline?limit=1", Ct);
        Assert.Equal("note-added", ActionOf(Assert.Single(first.GetProperty("items").EnumerateArray())));
        var second = await c.GetFromJsonAsync<JsonElement>(
            $"/api/v1/leads/{leads[1].Id}/timeline?limit=1&cursor={first.GetProperty("nextCursor").GetString()}", Ct);
        Assert.Equal("created", ActionOf(Assert.Single(second.GetProperty("items").EnumerateArray())));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // The leads list (and its export) filters by the run that created the leads.
        var fromRun = await c.GetFromJsonAsync<JsonElement>(
            $"/api/v1/leads?importRunId={run.Id}&includeTotal=true", Ct);
        Assert.Equal(run.Created, fromRun.GetProperty("total").GetInt32());
        Assert.Equal(leads.Select(l => l.Id).Order(), fromRun.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).Where(id => leads.Any(l => l.Id == id)).Order());
        var export = await c.GetByteArrayAsync($"/api/v1/leads/export?importRunId={run.Id}", Ct);
        var exported = CsvFile.Records(export, new CsvLayout(CsvFile.Utf8, ',', true), null, Ct);
        Assert.Equal(run.Created + 1, exported.Count());

        // The audit log has the run itself, with its counts.
        var audit = await db.Activity.SingleAsync(a => a.BatchId == run.Id && a.EntityType == "Import", Ct);
        Assert.Equal("import-completed", audit.Action);
        Assert.Equal(run.Created, JsonDocument.Parse(audit.Changes!).RootElement.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Rejected_rows_download_with_an_error_column_and_import_once_fixed()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique(8);
        var csv = $"name,website,country\nGood {tag},good-{tag}.example,DE\nBad {tag},good-{tag}.example/x,Narnia\n";
        var run = await c.ImportAsync(csv, "co.csv", "kind=Companies");
        Assert.Equal(1, run.Created);
        Assert.Equal(1, run.Rejected);

        var rejected = await c.GetStringAsync($"/api/v1/imports/{run.Id}/rejected.csv", Ct);
        var lines = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,website,country,error", lines[0]);
        Assert.StartsWith($"Bad {tag},good-{tag}.example/x,Narnia,", lines[1]);
        Assert.Contains("country", lines[1]);

        // Fixed: another website and a real country, error column left in place (it is not mapped).
        var fixedCsv = rejected.Replace($"good-{tag}.example/x", $"bad-{tag}.example").Replace("Narnia", "AT");
        var second = await c.ImportAsync(fixedCsv, "rejected-co.csv", "kind=Companies");
        Assert.Equal(1, second.Created);
        Assert.Equal(0, second.Rejected);
    }

    [Fact]
    public async Task An_order_for_a_new_company_creates_it_and_logs_the_order_on_its_timeline()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "on" + Unique();
        var orders = "number,ordered_on,company_name,company_domain,product,quantity,unit_price,currency\n"
            + $"{tag}-1,2026-05-01,New Client {tag},{tag}.example,Lanyard,100,0.35,EUR\n";
        var run = await c.ImportAsync(orders, "orders.csv", "kind=Orders");
        Assert.Equal(1, run.Created);

        await using var db = app.CreateDbContext();
        var company = await db.Companies.SingleAsync(x => x.Domain == $"{tag}.example", Ct);
        Assert.Equal(run.Id, company.ImportRunId);
        Assert.Equal(1, company.OrderCount);
        var timeline = await c.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company.Id}/timeline", Ct);
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["order-added", "created"], items.Select(ActionOf));
        Assert.Equal($"New Client {tag}", items[0].GetProperty("entityLabel").GetString());
    }

    [Fact]
    public async Task Preview_warns_about_likely_duplicates_and_the_run_queues_them()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "Gamma" + Unique();
        await c.CreateAsync(Make.Company($"Schröder {tag} Messebau GmbH") with { Website = $"{tag}.de" });
        var file = $"name,country\nMüller {tag},DE\nSchroder {tag} Messebau,DE\n";
        using var content = ImportRuns.Csv(file);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies", content, Ct))
            .ReadAsync<ImportPreview>();
        Assert.Null(preview.Rows[0].Message);
        Assert.Equal(RowOutcome.Created, preview.Rows[1].Outcome);
        Assert.Contains($"likely a duplicate of \"Schröder {tag} Messebau GmbH\"", preview.Rows[1].Message);

        var run = await c.ImportAsync(file, "dupes.csv", "kind=Companies");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (run.DuplicatesFound is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            run = await (await c.GetAsync($"/api/v1/imports/{run.Id}", Ct)).ReadAsync<ImportRunDto>();
        }
        Assert.True(run.DuplicatesFound >= 1);
    }

    private static string? ActionOf(JsonElement entry) => entry.GetProperty("action").GetString();
}

[Collection(nameof(SqliteImports))]
public sealed class ImportRunSqliteTests(SqliteApp app) : ImportRunTests(app);

[Collection(nameof(PostgresImports))]
public sealed class ImportRunPostgresTests(PostgresApp app) : ImportRunTests(app);
