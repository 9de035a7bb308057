using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Rules;

/// <summary>The engine on a real database: each action, the rule as actor, episodes, round-robin, blocks.</summary>
public abstract class RuleEngineTests(AppFactory app)
{
    [Fact]
    public async Task Every_action_is_written_and_logged_with_the_rule_as_actor()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var owner = await kit.UserAsync();
        var list = await (await kit.Admin.PostJsonAsync("/api/v1/lists", new { name = "Rule list " + Unique() }))
            .ReadAsync<LeadListDto>();
        var lead = await kit.LeadAsync();
        var rule = await kit.RuleAsync(
        [
            new { kind = "assignRoundRobin", users = new[] { owner } },
            new { kind = "setStatus", status = "Qualified" },
            new { kind = "addToList", listId = list.Id },
            new { kind = "addTag", tag = "Ruled" },
            new { kind = "createTask", title = "Call the buyer", dueInDays = 2 },
            new { kind = "notify", text = "A reseller to call" },
            new { kind = "proposePlaybook", playbook = "Reseller intro" },
        ]);

        var result = Assert.Single(await kit.EvaluateAsync(lead), r => r.RuleId == rule.Id);
        Assert.Equal((1, 1, 0), (result.Matched, result.Touched, result.Skipped));

        await using var db = kit.Db();
        var saved = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id, Ct);
        Assert.Equal((owner, LeadStatus.Qualified), (saved.OwnerId, saved.Status));
        Assert.Contains("ruled", saved.Tags);
        Assert.True(await db.LeadListMembers.AnyAsync(m => m.ListId == list.Id && m.LeadId == lead.Id, Ct));
        var tasks = await db.SalesTasks.AsNoTracking().Where(t => t.LeadId == lead.Id).OrderBy(t => t.Title)
            .ToListAsync(Ct);
        Assert.Equal(["Call the buyer", "Propose playbook: Reseller intro"], tasks.Select(t => t.Title));
        Assert.All(tasks, t => Assert.Equal((TaskKind.Rule, rule.Name, owner, TaskState.Open),
            (t.Kind, t.Reason, t.OwnerId, t.State)));
        Assert.Equal(2, (tasks[0].DueAt - saved.UpdatedAt).TotalDays, 0.01);
        var note = await db.Notifications.AsNoTracking().SingleAsync(n => n.RuleId == rule.Id, Ct);
        Assert.Equal((owner, $"/leads/{lead.Id}", false), (note.UserId, note.Link, note.Read));

        var entries = await db.Activity.AsNoTracking().Where(a => a.EntityId == lead.Id && a.ActorName == "Rule: "
            + rule.Name).ToListAsync(Ct);
        Assert.Equal(["list-member-added", "notified", "task-added", "updated"],
            entries.Select(e => e.Action).Distinct().Order());
        Assert.All(entries, e => Assert.Equal((ActorKind.System, Rule.ActorIdOf(rule.Id)), (e.ActorKind, e.ActorId)));
        var updated = entries.Single(e => e.Action == "updated").Changes!;
        Assert.Contains("\"status\"", updated);
        Assert.Contains("\"ownerId\"", updated);

        var viewer = await app.ClientAsync(Roles.Viewer);
        var log = await viewer.GetJsonAsync<Page<ActivityDto>>($"/api/v1/rules/{rule.Id}/log");
        Assert.Equal(entries.Count, log.Items.Count);
        var stats = await viewer.GetJsonAsync<RuleDto>($"/api/v1/rules/{rule.Id}");
        Assert.Equal((1, 1, 1L), (stats.LastRunMatched, stats.LastRunTouched, stats.TotalTouched));
    }

    [Fact]
    public async Task A_rule_acts_once_per_matching_episode()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var lead = await kit.LeadAsync("DE", "hot");
        var rule = await kit.RuleAsync([new { kind = "createTask", title = "Follow up", contact = false }],
            new { field = "lead.tags", op = "contains", value = "hot" });
        await kit.EvaluateAsync(lead);
        await kit.EvaluateAsync(lead);
        Assert.Equal(1, await TasksAsync(kit, lead));

        // No longer matching ends the episode; matching again acts again.
        var row = await kit.Sales.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}");
        var edit = new LeadInput { Title = row.Title, CompanyId = row.CompanyId };
        await Edit(kit, row, edit with { Tags = [kit.Tag] });
        Assert.Equal(0, Assert.Single(await kit.EvaluateAsync(lead), r => r.RuleId == rule.Id).Touched);
        await using (var db = kit.Db())
        {
            Assert.False(await db.RuleApplications.AnyAsync(a => a.RuleId == rule.Id, Ct));
        }
        row = await kit.Sales.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}");
        await Edit(kit, row, edit with { Tags = [kit.Tag, "hot"] });
        await kit.EvaluateAsync(lead);
        await kit.EvaluateAsync(lead);
        Assert.Equal(2, await TasksAsync(kit, lead));
    }

    [Fact]
    public async Task Round_robin_is_fair_and_its_cursor_survives_between_runs()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var (a, b) = (await kit.UserAsync(), await kit.UserAsync(Roles.Admin));
        var rule = await kit.RuleAsync([new { kind = "assignRoundRobin", users = new[] { a, b } }],
            new { field = "lead.owner", op = "isEmpty" });
        var first = new[] { await kit.LeadAsync(), await kit.LeadAsync(), await kit.LeadAsync() };
        await kit.EvaluateAsync(first);
        var later = new[] { await kit.LeadAsync(), await kit.LeadAsync(), await kit.LeadAsync() };
        await kit.EvaluateAsync(later);

        await using var db = kit.Db();
        var ids = first.Concat(later).Select(l => l.Id).ToList();
        var owners = await db.Leads.Where(l => ids.Contains(l.Id)).Select(l => l.OwnerId).ToListAsync(Ct);
        Assert.Equal(3, owners.Count(o => o == a));
        Assert.Equal(3, owners.Count(o => o == b));
        Assert.Equal(6, await db.Rules.Where(r => r.Id == rule.Id).Select(r => r.RoundRobinCursor).SingleAsync(Ct));
    }

    [Fact]
    public async Task By_region_gives_each_lead_its_countrys_owner()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var (dach, uk) = (await kit.UserAsync(), await kit.UserAsync());
        await kit.RuleAsync([new { kind = "assignByRegion", regions = new Dictionary<string, string>
        {
            ["DACH"] = dach, ["GB"] = uk,
        } }]);
        var (at, gb, fr) = (await kit.LeadAsync("AT"), await kit.LeadAsync("GB"), await kit.LeadAsync("FR"));
        var result = (await kit.EvaluateAsync(at, gb, fr)).Single(r => r.Touched > 0);
        Assert.Equal(1, result.Skipped);

        await using var db = kit.Db();
        async Task<string?> Owner(LeadRow l) =>
            await db.Leads.Where(x => x.Id == l.Id).Select(x => x.OwnerId).SingleAsync(Ct);
        Assert.Equal((dach, uk, null), (await Owner(at), await Owner(gb), await Owner(fr)));
        Assert.True(await db.Activity.AnyAsync(e => e.EntityId == fr.Id && e.Action == "rule-skipped", Ct));
    }

    [Fact]
    public async Task A_lead_whose_company_is_blocked_gets_no_contact_task()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var lead = await kit.LeadAsync();
        await using (var db = kit.Db())
        {
            db.Add(new PolicyEntry
            {
                List = PolicyList.Block,
                Kind = PolicyKind.Company,
                Value = lead.CompanyId.ToString(),
                Reason = "Asked not to be contacted",
                AuthorName = "test",
            });
            await db.SaveChangesAsync(Ct);
            // Written past PolicyService, so this instance forgets its cached lists as a write there would.
            var policy = app.Services.GetRequiredService<PolicyCheck>();
            policy.Invalidate();
            Assert.Contains(lead.Id, await policy.BlockedLeadsAsync(db, [lead.Id], Ct));
        }
        var rule = await kit.RuleAsync(
            [new { kind = "createTask", title = "Call" }, new { kind = "addTag", tag = "b" }]);
        var result = (await kit.EvaluateAsync(lead)).Single(r => r.RuleId == rule.Id);
        Assert.Equal((1, 1), (result.Touched, result.Skipped));
        Assert.Equal(0, await TasksAsync(kit, lead));
        await using var check = kit.Db();
        var skipped = await check.Activity.SingleAsync(e => e.EntityId == lead.Id && e.Action == "rule-skipped", Ct);
        Assert.Contains("block list", skipped.Changes);
    }

    private static async Task<int> TasksAsync(RuleTestKit kit, LeadRow lead)
    {
        await using var db = kit.Db();
        return await db.SalesTasks.CountAsync(t => t.LeadId == lead.Id, Ct);
    }

    private static async Task Edit(RuleTestKit kit, LeadRow row, LeadInput edit) =>
        await (await kit.Sales.PutJsonAsync($"/api/v1/leads/{row.Id}", edit with { Version = row.Version }))
            .ReadAsync<LeadRow>();
}

[Collection(nameof(SqliteCrm))]
public sealed class SqliteRuleEngineTests(SqliteApp app) : RuleEngineTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class PostgresRuleEngineTests(PostgresApp app) : RuleEngineTests(app);
