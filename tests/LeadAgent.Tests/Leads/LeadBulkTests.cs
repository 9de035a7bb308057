using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Leads;

/// <summary>Bulk changes to leads chosen by a filter or by ids, and list membership; SQLite and PostgreSQL.</summary>
public abstract class LeadBulkTests(AppFactory app)
{
    [Fact]
    public async Task Bulk_status_change_on_a_filter_changes_every_match_and_logs_each_in_one_batch()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "bulk" + Unique();
        var company = await c.CreateAsync(Make.Company("Bulk Co"));
        for (var i = 0; i < 120; i++)
        {
            await c.CreateAsync(Make.Lead(company, $"Bulk {i}") with
            {
                Tags = [tag],
                Status = i < 100 ? LeadStatus.New : LeadStatus.Won,
            });
        }
        var selection = new LeadSelection(null, new LeadFilter { Tag = tag, Status = [LeadStatus.New] });
        var count = await (await c.PostJsonAsync("/api/v1/leads/bulk/count", selection)).ReadAsync<JsonElement>();
        Assert.Equal(100, count.GetProperty("count").GetInt32());

        var result = await BulkAsync(c, selection, new BulkAction(BulkActionKind.SetStatus, LeadStatus.Contacted));
        Assert.Equal(100, result.Matched);
        Assert.Equal(100, result.Changed);

        var after = await (await c.GetAsync($"/api/v1/leads?tag={tag}&status=Contacted&limit=1", Ct))
            .ReadAsync<Page<LeadRow>>();
        Assert.Equal(100, after.Total);
        Assert.Equal(2, after.Items[0].Version);

        var admin = await app.ClientAsync(Roles.Admin);
        var log = await (await admin.GetAsync($"/api/v1/audit?batchId={result.BatchId}&limit=500", Ct))
            .ReadAsync<Page<ActivityDto>>();
        Assert.Equal(100, log.Items.Count);
        Assert.All(log.Items, e => Assert.Contains("\"from\":\"New\",\"to\":\"Contacted\"", e.Changes));

        var timeline = await (await c.GetAsync($"/api/v1/leads/{after.Items[0].Id}/timeline", Ct))
            .ReadAsync<Page<ActivityDto>>();
        Assert.Equal(["bulk-update", "created"], timeline.Items.Select(e => e.Action).ToArray());
    }

    [Fact]
    public async Task Bulk_assign_tag_archive_and_list_membership_work_on_ids()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var (owner, _) = await app.CreateUserAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Ids Co"));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await c.CreateAsync(Make.Lead(company, $"Id {i}"))).Id);
        }
        var list = await (await c.PostJsonAsync("/api/v1/lists", new { name = "List " + Guid.NewGuid() }))
            .ReadAsync<LeadListDto>();
        var sel = new LeadSelection(ids, null);
        await BulkAsync(c, sel, new BulkAction(BulkActionKind.AssignOwner, OwnerId: owner.Id));
        await BulkAsync(c, sel, new BulkAction(BulkActionKind.AddTag, Tag: " VIP "));
        var added = await BulkAsync(c, sel, new BulkAction(BulkActionKind.AddToList, ListId: list.Id));
        Assert.Equal(5, added.Changed);
        var again = await (await c.PostJsonAsync($"/api/v1/lists/{list.Id}/members", new { leadIds = ids }))
            .ReadAsync<BulkResult>();
        Assert.Equal(0, again.Changed);

        var lead = await (await c.GetAsync($"/api/v1/leads/{ids[0]}", Ct)).ReadAsync<LeadRow>();
        Assert.Equal(owner.Id, lead.OwnerId);
        Assert.Equal(["vip"], lead.Tags);
        var members = await (await c.GetAsync($"/api/v1/lists/{list.Id}/leads", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(5, members.Total);
        var exact = await c.GetJsonAsync<Page<LeadRow>>($"/api/v1/lists/{list.Id}/leads?exactTotal=true&limit=2");
        Assert.Equal((5, false, 2), (exact.Total, exact.TotalCapped, exact.Items.Count));
        var uncounted = await c.GetJsonAsync<Page<LeadRow>>($"/api/v1/lists/{list.Id}/leads?includeTotal=false");
        Assert.Null(uncounted.Total);

        await BulkAsync(c, sel, new BulkAction(BulkActionKind.Archive));
        var visible = await (await c.GetAsync($"/api/v1/leads?owner={owner.Id}", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(0, visible.Total);
        var archived = await (await c.GetAsync($"/api/v1/leads?owner={owner.Id}&includeArchived=true", Ct))
            .ReadAsync<Page<LeadRow>>();
        Assert.Equal(5, archived.Total);

        var removed = await (await c.PostJsonAsync($"/api/v1/lists/{list.Id}/members/remove",
            new { leadIds = ids.Take(2) })).ReadAsync<JsonElement>();
        Assert.Equal(2, removed.GetProperty("removed").GetInt32());
    }

    private static async Task<BulkResult> BulkAsync(HttpClient c, LeadSelection selection, BulkAction action) =>
        await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(selection, action))).ReadAsync<BulkResult>();
}

[Collection(nameof(SqliteCrm))]
public sealed class LeadBulkSqliteTests(SqliteApp app) : LeadBulkTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LeadBulkPostgresTests(PostgresApp app) : LeadBulkTests(app);
