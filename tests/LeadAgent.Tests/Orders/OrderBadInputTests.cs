using LeadAgent.Tests.Security;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Orders;

/// <summary>
/// Malformed orders, notes and lists get 400 problems with field errors, never a 500 (PostgreSQL refuses amounts
/// beyond the stored precision, so an unchecked quantity × price failed there). Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class OrderBadInputTests(AppFactory app)
{
    [Fact]
    public async Task Order_amounts_beyond_what_can_be_stored_and_malformed_orders_are_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company());
        var bad = new BadRequests(c);
        string Order(string extra) =>
            $$"""{"companyId":"{{company.Id}}","number":"B-{{Unique(8)}}","orderedOn":"2026-05-01"{{extra}}}""";
        string Line(string quantity, string price) =>
            $$"""{"product":"P","quantity":{{quantity}},"unitPrice":{{price}}}""";

        await bad.PostAsync("/api/v1/orders", Order($",\"lines\":[{Line("10000000", "1000000000")}]"),
            "lines[0].quantity");
        await bad.PostAsync("/api/v1/orders",
            Order($",\"lines\":[{string.Join(",", Enumerable.Repeat(Line("1000", "100000000"), 20))}]"), "lines");
        await bad.PostAsync("/api/v1/orders", Order($",\"lines\":[{Line("1e30", "1")}]"), "lines[0].quantity");
        await bad.PostAsync("/api/v1/orders", Order($",\"lines\":[{Line("1", "79228162514264337593543950335")}]"),
            "lines[0].unitPrice");
        await bad.PostAsync("/api/v1/orders", Order($",\"lines\":[{Line("1", "1e40")}]"), "lines[0].unitPrice");
        await bad.PostAsync("/api/v1/orders", Order($",\"lines\":[{Line("-1", "5")}]"), "lines[0].quantity");
        await bad.PostAsync("/api/v1/orders", Order(",\"lines\":[null]"), "lines[0].product");
        await bad.PostAsync("/api/v1/orders", Order(",\"total\":1e20"), "total");
        await bad.PostAsync("/api/v1/orders", Order(",\"total\":100,\"status\":\"Lost\""), "status");
        await bad.PostAsync("/api/v1/orders", Order(",\"total\":100,\"status\":17"), "status");
        await bad.PostAsync("/api/v1/orders", Order(",\"total\":100,\"currency\":\"EURO\""), "currency");
        await bad.PostAsync("/api/v1/orders",
            $$"""{"companyId":"{{company.Id}}","number":"N","orderedOn":"2026-13-45","total":1}""", "orderedOn");
        await bad.GetAsync("/api/v1/orders?companyId=abc", "companyId");
        await bad.GetAsync("/api/v1/orders?limit=-1", "limit");
        await bad.GetAsync("/api/v1/orders?cursor=" + new Cursor("-orderedOn", "someday", Guid.NewGuid()).Encode(),
            "cursor");
        await bad.GetAsync($"/api/v1/companies/{company.Id}/timeline?limit=100000", "limit");
        bad.AssertAll();
    }

    [Fact]
    public async Task Malformed_notes_and_lists_are_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company());
        var note = await c.CreateAsync(new NoteInput(NoteSubject.Company, company.Id, "Hello"));
        var bad = new BadRequests(c);
        await bad.GetAsync($"/api/v1/notes?subjectType=Planet&subjectId={company.Id}", "subjectType");
        await bad.GetAsync("/api/v1/notes?subjectType=Company", "subjectId");
        await bad.GetAsync("/api/v1/notes?subjectType=Company&subjectId=abc", "subjectId");
        await bad.GetAsync($"/api/v1/notes?subjectType=Company&subjectId={company.Id}&limit=-3", "limit");
        await bad.GetAsync($"/api/v1/notes?subjectType=Company&subjectId={company.Id}&cursor="
            + new Cursor("-createdAt", "never", Guid.NewGuid()).Encode(), "cursor");
        await bad.PostAsync("/api/v1/notes", $$"""{"subjectType":7,"subjectId":"{{company.Id}}","body":"x"}""",
            "subjectType");
        await bad.PostAsync("/api/v1/notes", $$"""{"subjectType":"Company","subjectId":"{{company.Id}}","body":5}""",
            "body");
        await bad.PostAsync("/api/v1/notes", """{"subjectType":"Company","subjectId":"x","body":"b"}""", "subjectId");
        await bad.PutAsync($"/api/v1/notes/{note.Id}", """{"body":"b","version":"latest"}""", "version");
        await bad.PutAsync($"/api/v1/notes/{note.Id}", """{"body":"b","version":1e30}""", "version");
        await bad.PostAsync("/api/v1/lists", """{"name":5}""", "name");
        await bad.PostAsync("/api/v1/lists", "{\"name\":\"x\"", "body");
        var list = await (await c.PostJsonAsync("/api/v1/lists", new { name = "Bad " + Unique() }))
            .ReadAsync<LeadAgent.Web.Features.Lists.LeadListDto>();
        await bad.PostAsync($"/api/v1/lists/{list.Id}/members", """{"leadIds":"all"}""", "leadIds");
        await bad.PostAsync($"/api/v1/lists/{list.Id}/members", """{"leadIds":[]}""", "leadIds");
        await bad.GetAsync($"/api/v1/lists/{list.Id}/leads?limit=-1", "limit");
        await bad.GetAsync($"/api/v1/lists/{list.Id}/leads?sort=shoeSize", "sort");
        bad.AssertAll();
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class OrderBadInputSqliteTests(SqliteApp app) : OrderBadInputTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class OrderBadInputPostgresTests(PostgresApp app) : OrderBadInputTests(app);
