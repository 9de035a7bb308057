using System.Net;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.CustomFields;

/// <summary>
/// Columns of another CRM's file that no field takes are kept as typed custom fields the user chooses, filled on
/// each record, exported, and mapped back by themselves when the export is imported again.
/// </summary>
public abstract class CustomFieldImportTests(AppFactory app)
{
    [Fact]
    public async Task An_import_keeps_chosen_unmapped_columns_as_new_typed_custom_fields()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var u = Unique();
        var csv = $"Deal Name,Account Name,Website URL,Budget {u},Fair {u},Storage {u},Hall {u},Ignored {u}\n"
            + $"Stand A,Kongress {u} GmbH,{u}-a.example,\"12.500,00\",24.03.2027,ja,Halle 4,x\n"
            + $"Stand B,Messebau {u} AG,{u}-b.example,900,2027-05-01,nein,Halle 2.1,y\n"
            + $"Stand C,Bad {u} Ltd,{u}-c.example,lots,2027-06-01,ja,Halle 1,z\n";
        var preview = await (await sales.PostAsync("/api/v1/imports/preview?kind=Leads&fileName=deals.csv",
            ImportRuns.Csv(csv), Ct)).ReadAsync<ImportPreview>();
        // The first rows suggest a type for each column no field takes ("lots" makes Budget text).
        var suggested = preview.Unmapped.ToDictionary(c => c.Header, c => c.SuggestedType);
        Assert.Equal(CustomFieldType.Text, suggested[$"Budget {u}"]);
        Assert.Equal(CustomFieldType.Date, suggested[$"Fair {u}"]);
        Assert.Equal(CustomFieldType.YesNo, suggested[$"Storage {u}"]);
        Assert.Equal(CustomFieldType.Text, suggested[$"Hall {u}"]);
        Assert.DoesNotContain(preview.Unmapped, c => c.Header == "Deal Name");

        // Budget is kept as a number all the same: the row whose budget is no number is rejected, not guessed.
        var keep = JsonSerializer.Serialize(new object[]
        {
            new { column = 3, type = "Number" }, new { column = 4 }, new { column = 5 },
            new { column = 6, label = $"Messehalle {u}", type = "Text" },
        });
        var query = "kind=Leads&newCustomFields=" + Uri.EscapeDataString(keep);
        var tried = await (await sales.PostAsync($"/api/v1/imports/preview?{query}&fileName=deals.csv",
            ImportRuns.Csv(csv), Ct)).ReadAsync<ImportPreview>();
        Assert.Equal([RowOutcome.Created, RowOutcome.Created, RowOutcome.Rejected],
            tried.Rows.Select(r => r.Outcome).ToArray());
        Assert.Contains("is not a number", tried.Rows[2].Message);
        Assert.Equal(3, tried.Mapping[$"custom.budget_{u}"]);
        // A preview creates nothing.
        var fields = await sales.GetJsonAsync<List<CustomFieldDto>>("/api/v1/custom-fields?record=Lead");
        Assert.DoesNotContain(fields, f => f.Key == $"budget_{u}");

        var run = await sales.ImportAsync(csv, "deals.csv", query);
        Assert.Equal((2, 1), (run.Created, run.Rejected));
        fields = await sales.GetJsonAsync<List<CustomFieldDto>>("/api/v1/custom-fields?record=Lead");
        Assert.Equal(CustomFieldType.Number, fields.Single(f => f.Key == $"budget_{u}").Type);
        Assert.Equal(CustomFieldType.Date, fields.Single(f => f.Key == $"fair_{u}").Type);
        Assert.Equal(CustomFieldType.YesNo, fields.Single(f => f.Key == $"storage_{u}").Type);
        Assert.Equal($"Messehalle {u}", fields.Single(f => f.Key == $"messehalle_{u}").Label);
        Assert.DoesNotContain(fields, f => f.Key == $"ignored_{u}");

        var leads = await sales.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?importRunId={run.Id}&sort=title");
        var a = leads.Items.Single(l => l.Title == "Stand A").CustomFields;
        Assert.Equal("12500", a[$"budget_{u}"]);
        Assert.Equal("2027-03-24", a[$"fair_{u}"]);
        Assert.Equal("true", a[$"storage_{u}"]);
        Assert.Equal("Halle 4", a[$"messehalle_{u}"]);
        var big = await sales.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?importRunId={run.Id}&cf.budget_{u}.min=1000");
        Assert.Equal("Stand A", Assert.Single(big.Items).Title);

        // The export's custom.* columns map back to the same fields: importing it again changes nothing.
        var export = await sales.GetStringAsync($"/api/v1/leads/export?importRunId={run.Id}", Ct);
        var again = await (await sales.PostAsync("/api/v1/imports/preview?kind=Leads&fileName=again.csv",
            ImportRuns.Csv(export), Ct)).ReadAsync<ImportPreview>();
        var header = export.TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        Assert.Equal(Array.IndexOf(header, $"custom.budget_{u}"), again.Mapping[$"custom.budget_{u}"]);
        Assert.All(again.Rows, r => Assert.Equal(RowOutcome.Unchanged, r.Outcome));

        // A later file with the same header fills the existing field; a label that becomes an existing key reuses it.
        var update = $"Deal Name,Account Name,Website URL,Budget {u}\nStand B,Messebau {u} AG,{u}-b.example,950\n";
        var second = await sales.ImportAsync(update, "update.csv", "kind=Leads");
        Assert.Equal(1, second.Updated);
        var b = await sales.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?q=Stand%20B&cf.budget_{u}=950");
        Assert.Single(b.Items);
    }

    [Fact]
    public async Task Bad_keep_requests_are_field_errors()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var csv = "Company,Extra\nKeep Co,1\n";
        foreach (var (keep, field) in new[]
        {
            ("[{\"column\":9}]", "newCustomFields[0].column"),
            ("[{\"column\":1,\"type\":\"Colour\"}]", "newCustomFields"),
            ("not json", "newCustomFields"),
        })
        {
            var response = await sales.PostAsync("/api/v1/imports/preview?kind=Companies&newCustomFields="
                + Uri.EscapeDataString(keep), ImportRuns.Csv(csv), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _),
                await response.Content.ReadAsStringAsync(Ct));
        }
        // Two kept columns that make the same key; an empty entry.
        var messy = "Company,Größe,Groesse,Extra\nKeep Co,1,2,4\n";
        foreach (var (keep, field) in new[]
        {
            ("[{\"column\":1},{\"column\":2}]", "newCustomFields[1].label"),
            ("[null]", "newCustomFields[0]"),
        })
        {
            var response = await sales.PostAsync("/api/v1/imports/preview?kind=Companies&newCustomFields="
                + Uri.EscapeDataString(keep), ImportRuns.Csv(messy), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _),
                await response.Content.ReadAsStringAsync(Ct));
        }
        var orders = await sales.PostAsync("/api/v1/imports/preview?kind=Orders&newCustomFields="
            + Uri.EscapeDataString("[{\"column\":1}]"), ImportRuns.Csv("number,Extra\n1,2\n"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, orders.StatusCode);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CustomFieldImportSqliteTests(SqliteApp app) : CustomFieldImportTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CustomFieldImportPostgresTests(PostgresApp app) : CustomFieldImportTests(app);
