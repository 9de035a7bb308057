using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Rules;

/// <summary>
/// A person edits a lead between the moment a rule read its facts and the moment it writes: the rule adds what its
/// own actions change to the lead as it is now, and the person's edit stays.
/// </summary>
public abstract class RuleWriterTests(AppFactory app)
{
    [Fact]
    public async Task A_rule_applies_only_its_own_changes_onto_the_lead_as_it_is_now()
    {
        var kit = await RuleTestKit.StartAsync(app);
        var owner = await kit.UserAsync();
        var lead = await kit.LeadAsync();
        var rule = await kit.RuleAsync([new { kind = "addTag", tag = "ruled" }]);
        await using var db = kit.Db();
        var stale = await LeadFactsLoader.LoadAsync(db, db.Leads.Where(l => l.Id == lead.Id), Ct);

        var edit = await kit.Sales.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput
        {
            Title = lead.Title,
            CompanyId = lead.CompanyId,
            Status = LeadStatus.Qualified,
            OwnerId = owner,
            Tags = [kit.Tag, "fair"],
            Version = lead.Version,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, edit.StatusCode);

        var saved = await db.Rules.AsNoTracking().SingleAsync(r => r.Id == rule.Id, Ct);
        var errors = new Errors();
        var compiled = new CompiledRule(saved,
            RuleConditions.Compile(RuleJson.Read<RuleCondition>(saved.Conditions), errors),
            RuleActions.Compile(RuleJson.Read<RuleAction>(saved.Actions), errors));
        Assert.False(errors.Any);
        var world = await RuleEngine.WorldAsync(db, new HashSet<Guid>(), Ct);
        var writer = new RuleWriter(app.Services.GetRequiredService<IServiceScopeFactory>());
        var written = await writer.WriteAsync(compiled, stale, world, Guid.NewGuid(), _ => { }, Ct);
        Assert.Equal(1, written.Touched);

        var now = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id, Ct);
        Assert.Equal((LeadStatus.Qualified, owner), (now.Status, now.OwnerId));
        Assert.Equal([kit.Tag, "fair", "ruled"], now.Tags);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class RuleWriterSqliteTests(SqliteApp app) : RuleWriterTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class RuleWriterPostgresTests(PostgresApp app) : RuleWriterTests(app);
