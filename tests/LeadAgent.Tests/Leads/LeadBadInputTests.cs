using System.Net;
using LeadAgent.Tests.Security;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// Malformed filters, paging, cursors and bodies on the lead and contact endpoints get 400 problems with field
/// errors, never a 500; only sales and admin users can own leads. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class LeadBadInputTests(AppFactory app)
{
    [Fact]
    public async Task Malformed_query_values_and_cursors_are_field_errors()
    {
        var bad = new BadRequests(await app.ClientAsync(Roles.Viewer));
        await bad.GetAsync("/api/v1/leads?importRunId=abc", "importRunId");
        await bad.GetAsync("/api/v1/leads?companyId=not-a-guid", "companyId");
        await bad.GetAsync("/api/v1/leads?listId=1", "listId");
        await bad.GetAsync("/api/v1/leads?scoreMin=high", "scoreMin");
        await bad.GetAsync("/api/v1/leads?scoreMax=99999999999999", "scoreMax");
        await bad.GetAsync("/api/v1/leads?hasOrders=maybe", "hasOrders");
        await bad.GetAsync("/api/v1/leads?lastOrderBefore=yesterday", "lastOrderBefore");
        await bad.GetAsync("/api/v1/leads?includeArchived=perhaps", "includeArchived");
        await bad.GetAsync("/api/v1/leads?limit=-5", "limit");
        await bad.GetAsync("/api/v1/leads?limit=0", "limit");
        await bad.GetAsync("/api/v1/leads?limit=99999999999", "limit");
        await bad.GetAsync("/api/v1/leads?status=42", "status");
        await bad.GetAsync("/api/v1/leads/export?importRunId=abc", "importRunId");
        await bad.GetAsync("/api/v1/contacts?companyId=abc", "companyId");
        await bad.GetAsync("/api/v1/contacts?limit=-1", "limit");
        var id = Guid.NewGuid();
        await bad.GetAsync("/api/v1/leads?cursor=" + new Cursor("-score", "high", id).Encode(), "cursor");
        await bad.GetAsync("/api/v1/leads?sort=orderTotal&cursor=" + new Cursor("orderTotal", "1e999", id).Encode(),
            "cursor");
        await bad.GetAsync("/api/v1/leads?sort=-nextActionOn&cursor="
            + new Cursor("-nextActionOn", "2026-02-31", id).Encode(), "cursor");
        await bad.GetAsync($"/api/v1/leads/{id}/timeline?limit=-1", "limit");
        bad.AssertAll();

        // A forged cursor with a time but no zone is read as UTC, not refused by PostgreSQL.
        var viewer = await app.ClientAsync(Roles.Viewer);
        var unzoned = await viewer.GetAsync(
            "/api/v1/leads?sort=createdAt&cursor=" + new Cursor("createdAt", "2026-01-01T00:00:00", id).Encode(), Ct);
        Assert.Equal(HttpStatusCode.OK, unzoned.StatusCode);
    }

    [Fact]
    public async Task Malformed_lead_bodies_are_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company());
        var lead = await c.CreateAsync(Make.Lead(company));
        var bad = new BadRequests(c);
        var co = company.Id;
        await bad.PostAsync("/api/v1/leads", $$"""{"title":"x","companyId":"{{co}}","status":99}""", "status");
        await bad.PostAsync("/api/v1/leads", $$"""{"title":"x","companyId":"{{co}}","status":"Won!"}""", "status");
        await bad.PostAsync("/api/v1/leads", $$"""{"title":"x","companyId":"{{co}}","score":1e40}""", "score");
        await bad.PostAsync("/api/v1/leads",
            $$"""{"title":"x","companyId":"{{co}}","expectedValue":1e300}""", "expectedValue");
        await bad.PostAsync("/api/v1/leads",
            $$"""{"title":"x","companyId":"{{co}}","expectedValue":-5}""", "expectedValue");
        await bad.PostAsync("/api/v1/leads", $$"""{"title":"x","companyId":"{{co}}","source":-3}""", "source");
        await bad.PostAsync("/api/v1/leads", """{"title":"x","companyId":"nope"}""", "companyId");
        await bad.PostAsync("/api/v1/leads", """{"title":["x"]}""", "title");
        await bad.PostAsync("/api/v1/leads", "[]", "body");
        await bad.PutAsync($"/api/v1/leads/{lead.Id}", $$"""{"title":"x","companyId":"{{co}}","version":"v1"}""",
            "version");
        await bad.PostAsync("/api/v1/leads/bulk", """{"selection":{"ids":["nope"]},"action":{"kind":"Archive"}}""",
            "selection.ids[0]");
        await bad.PostAsync("/api/v1/leads/bulk", $$$"""{"selection":{"ids":["{{{lead.Id}}}"]},"action":{"kind":42}}""",
            "action.kind");
        await bad.PostAsync("/api/v1/leads/bulk",
            """{"selection":{"filter":{"scoreMin":"a"}},"action":{"kind":"Archive"}}""", "selection.filter.scoreMin");
        await bad.PostAsync("/api/v1/leads/bulk/count", """{"filter":{"status":[42]}}""", "status");
        await bad.PostAsync("/api/v1/contacts", """{"firstName":"A","companyId":12}""", "companyId");
        bad.AssertAll();
    }

    [Fact]
    public async Task Only_sales_and_admin_users_can_own_a_lead()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var (viewer, _) = await app.CreateUserAsync(Roles.Viewer);
        var (seller, _) = await app.CreateUserAsync(Roles.Sales);
        var (admin, _) = await app.CreateUserAsync(Roles.Admin);
        var company = await c.CreateAsync(Make.Company());
        var lead = await c.CreateAsync(Make.Lead(company));

        var bad = new BadRequests(c);
        await bad.PostAsync("/api/v1/leads",
            $$"""{"title":"x","companyId":"{{company.Id}}","ownerId":"{{viewer.Id}}"}""", "ownerId");
        await bad.PutAsync($"/api/v1/leads/{lead.Id}",
            $$"""{"title":"x","companyId":"{{company.Id}}","ownerId":"{{viewer.Id}}","version":{{lead.Version}}}""",
            "ownerId");
        var assign = $$$"""{"kind":"AssignOwner","ownerId":"{{{viewer.Id}}}"}""";
        var select = $$"""{"selection":{"ids":["{{lead.Id}}"]},"action":""";
        await bad.PostAsync("/api/v1/leads/bulk", select + assign + "}", "action.ownerId");
        bad.AssertAll();
        Assert.Null((await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).OwnerId);

        var owned = await (await c.PutJsonAsync($"/api/v1/leads/{lead.Id}",
            Make.Lead(company, lead.Title) with { OwnerId = seller.Id, Version = lead.Version })).ReadAsync<LeadRow>();
        Assert.Equal(seller.Id, owned.OwnerId);
        var bulk = await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(new LeadSelection([lead.Id], null),
            new BulkAction(BulkActionKind.AssignOwner, OwnerId: admin.Id)));
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(admin.Id, (await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).OwnerId);

        // The import's owner column takes sales and admins; a viewer's row is imported unassigned, with a warning
        // (an owner, like a label from another CRM, never rejects a row).
        using var csv = ImportRuns.Csv($"title,company_name,owner_email\nA,{company.Name},{seller.Email}\n"
            + $"B,{company.Name},{viewer.Email}\n");
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Leads", csv, Ct))
            .ReadAsync<ImportPreview>();
        Assert.Equal([RowOutcome.Created, RowOutcome.Created], preview.Rows.Select(r => r.Outcome).ToArray());
        Assert.Contains("No sales or admin user", preview.Rows[1].Message);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class LeadBadInputSqliteTests(SqliteApp app) : LeadBadInputTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LeadBadInputPostgresTests(PostgresApp app) : LeadBadInputTests(app);
