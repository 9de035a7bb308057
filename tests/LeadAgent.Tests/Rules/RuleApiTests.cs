using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Rules;

/// <summary>The rules API: roles, field errors, version conflicts, simulation, run now, notifications.</summary>
public abstract class RuleApiTests(AppFactory app)
{
    [Fact]
    public async Task Viewers_and_sales_read_rules_but_only_admins_change_or_run_them()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var rule = await kit.RuleAsync([new { kind = "addTag", tag = "x" }]);
        var viewer = await app.ClientAsync(Roles.Viewer);
        var url = $"/api/v1/rules/{rule.Id}";
        var body = new
        {
            name = "Mine",
            conditions = new[] { kit.HasTag },
            actions = new[] { new { kind = "addTag",
            tag = "y" } },
            version = rule.Version
        };
        foreach (var client in new[] { viewer, kit.Sales })
        {
            Assert.Equal(rule.Name, (await client.GetJsonAsync<RuleDto>(url)).Name);
            Assert.Contains(await client.GetJsonAsync<List<RuleDto>>("/api/v1/rules"), r => r.Id == rule.Id);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/rules", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync(url, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync(url + "/enabled",
                new { enabled = false, version = rule.Version })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync(url + "/run", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(url, Ct)).StatusCode);
        }
        Assert.Equal(rule.Version, (await viewer.GetJsonAsync<RuleDto>(url)).Version);
    }

    [Fact]
    public async Task Bad_rules_get_400_with_field_errors_never_500()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var viewer = await app.ClientAsync(Roles.Viewer);
        var bad = new
        {
            name = "",
            conditions = new object[]
            {
                new { field = "lead.colour", op = "eq", value = "red" },
                new { field = "lead.score", op = "contains", value = "7" },
                new { field = "lead.score", op = "gte", value = "high" },
                new { any = new object[] { new { field = "company.country", op = "in", value = "Narnia" } } },
            },
            actions = new object[]
            {
                new { kind = "explode" },
                new { kind = "addToList", listId = Guid.NewGuid() },
                new { kind = "assignRoundRobin", users = new[] { "nobody" } },
            },
        };
        var response = await kit.Admin.PostJsonAsync("/api/v1/rules", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var key in new[] { "name", "conditions[0].field", "conditions[1].op", "conditions[2].value",
                     "conditions[3].any[0].value", "actions[0].kind", "actions[1].listId", "actions[2]" })
        {
            Assert.True(errors.TryGetProperty(key, out _), $"{key} missing in {errors}");
        }
        var simulated = await viewer.PostJsonAsync("/api/v1/rules/simulate", bad);
        Assert.Equal(HttpStatusCode.BadRequest, simulated.StatusCode);
        var simErrors = (await simulated.ProblemAsync()).GetProperty("errors");
        Assert.True(simErrors.TryGetProperty("conditions[0].field", out _));

        var viewerId = await kit.UserAsync(Roles.Viewer);
        var toViewer = await kit.Admin.PostJsonAsync("/api/v1/rules", new
        {
            name = "To a viewer " + Unique(),
            conditions = new[] { kit.HasTag },
            actions = new[] { new { kind = "assignRoundRobin", users = new[] { viewerId } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, toViewer.StatusCode);

        var rule = await kit.RuleAsync([new { kind = "addTag", tag = "x" }]);
        var clash = await kit.Admin.PostJsonAsync("/api/v1/rules", new
        {
            name = rule.Name,
            conditions = new[] { kit.HasTag },
            actions = new[] { new { kind = "addTag", tag = "x" } },
        });
        Assert.True((await clash.ProblemAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_changes_nothing()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var rule = await kit.RuleAsync([new { kind = "addTag", tag = "x" }]);
        var url = $"/api/v1/rules/{rule.Id}";
        object Edit(string name) => new
        {
            name,
            enabled = false,
            conditions = new[] { kit.HasTag },
            actions = new[] { new { kind = "addTag", tag = "y" } },
            version = rule.Version,
        };
        var renamed = "Renamed " + Unique();
        Assert.Equal(HttpStatusCode.OK, (await kit.Admin.PutJsonAsync(url, Edit(renamed))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Admin.PutJsonAsync(url, Edit("Late"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Admin.PostJsonAsync(url + "/enabled",
            new { enabled = true, version = rule.Version })).StatusCode);
        var now = await kit.Admin.GetJsonAsync<RuleDto>(url);
        Assert.Equal((renamed, false, "y"), (now.Name, now.Enabled, now.Actions.Single().Tag));
        var enabled = await (await kit.Admin.PostJsonAsync(url + "/enabled",
            new { enabled = true, version = now.Version })).ReadAsync<RuleDto>();
        Assert.True(enabled.Enabled);
        Assert.Equal(HttpStatusCode.NoContent, (await kit.Admin.DeleteAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Admin.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task Simulation_counts_the_matches_shows_a_sample_and_writes_nothing()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var owner = await kit.UserAsync();
        var leads = new[] { await kit.LeadAsync("DE"), await kit.LeadAsync("AT"), await kit.LeadAsync("FR") };
        var draft = new
        {
            name = "Draft",
            conditions = new object[] { kit.HasTag, new { field = "company.country", op = "in", value = "DACH" } },
            actions = new object[]
            {
                new { kind = "assignRoundRobin", users = new[] { owner } },
                new { kind = "createTask", title = "Call", dueInDays = 1 },
            },
        };
        var viewer = await app.ClientAsync(Roles.Viewer);
        var before = await CountsAsync(kit);
        var sim = await (await viewer.PostJsonAsync("/api/v1/rules/simulate", draft)).ReadAsync<RuleSimulation>();
        Assert.Equal((2, 2), (sim.Matching, sim.WouldTouch));
        Assert.Equal(leads.Take(2).Select(l => l.Id).Order(), sim.Sample.Select(s => s.LeadId).Order());
        Assert.All(sim.Sample, s => Assert.Equal(2, s.Changes.Count));
        Assert.Equal(before, await CountsAsync(kit));

        // Saved and run on one lead: the simulation of the saved rule leaves that lead out.
        var rule = await kit.RuleAsync(draft.actions, draft.conditions[1]);
        await kit.EvaluateAsync(leads[0]);
        var again = await (await viewer.PostJsonAsync($"/api/v1/rules/simulate?ruleId={rule.Id}", draft))
            .ReadAsync<RuleSimulation>();
        Assert.Equal((2, 1), (again.Matching, again.WouldTouch));

        // Run now (admin) acts on the rest.
        var run = await (await kit.Admin.PostJsonAsync($"/api/v1/rules/{rule.Id}/run", new { }))
            .ReadAsync<RuleRunResult>();
        Assert.Equal((2, 1), (run.Matched, run.Touched));
    }

    [Fact]
    public async Task Notifications_are_each_users_own()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var (user, token) = await app.CreateUserAsync(Roles.Sales);
        var mine = app.TokenClient(token);
        var lead = await kit.LeadAsync();
        await kit.RuleAsync([new { kind = "notify", text = "Look at this", users = new[] { user.Id } }]);
        await kit.EvaluateAsync(lead);

        var list = await mine.GetJsonAsync<NotificationList>("/api/v1/notifications?unread=true");
        var note = Assert.Single(list.Items);
        Assert.Equal((1, $"/leads/{lead.Id}"), (list.Unread, note.Link));
        Assert.StartsWith("Look at this", note.Text);
        Assert.DoesNotContain((await kit.Sales.GetJsonAsync<NotificationList>("/api/v1/notifications")).Items,
            n => n.Id == note.Id);
        Assert.Equal(HttpStatusCode.NotFound,
            (await kit.Sales.PostJsonAsync($"/api/v1/notifications/{note.Id}/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await mine.PostJsonAsync($"/api/v1/notifications/{note.Id}/read", new { })).StatusCode);
        Assert.Equal(0, (await mine.GetJsonAsync<NotificationList>("/api/v1/notifications")).Unread);
    }

    private static async Task<(int, int, int, int, long)> CountsAsync(RuleTestKit kit)
    {
        await using var db = kit.Db();
        return (await db.SalesTasks.CountAsync(Ct), await db.RuleApplications.CountAsync(Ct),
            await db.Notifications.CountAsync(Ct), await db.Activity.CountAsync(Ct),
            await db.Leads.Where(l => l.Tags.Contains(kit.Tag)).SumAsync(l => l.Version, Ct));
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class SqliteRuleApiTests(SqliteApp app) : RuleApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class PostgresRuleApiTests(PostgresApp app) : RuleApiTests(app);
