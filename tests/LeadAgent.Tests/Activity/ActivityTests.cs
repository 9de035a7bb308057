using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Activity;

/// <summary>What the activity log keeps of a change; runs on SQLite and PostgreSQL.</summary>
public abstract class ActivityTests(AppFactory app)
{
    [Fact]
    public async Task Updates_record_before_and_after_of_changed_fields_only()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Audit Co"));
        var lead = await c.CreateAsync(Make.Lead(company, "Audit") with { ExpectedValue = 10 });
        await (await c.PutJsonAsync($"/api/v1/leads/{lead.Id}", Make.Lead(company, "Audit") with
        {
            ExpectedValue = 55,
            Status = LeadStatus.Qualified,
            Version = lead.Version,
        })).ReadAsync<LeadRow>();
        var timeline = await (await c.GetAsync($"/api/v1/leads/{lead.Id}/timeline", Ct)).ReadAsync<Page<ActivityDto>>();
        var update = timeline.Items[0];
        Assert.Equal("updated", update.Action);
        var changes = JsonDocument.Parse(update.Changes!).RootElement;
        Assert.Equal(10, changes.GetProperty("expectedValue").GetProperty("from").GetDecimal());
        Assert.Equal(55, changes.GetProperty("expectedValue").GetProperty("to").GetDecimal());
        Assert.Equal("Qualified", changes.GetProperty("status").GetProperty("to").GetString());
        Assert.False(changes.TryGetProperty("title", out _));
        Assert.Equal(ActorKind.Token, update.ActorKind);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class ActivitySqliteTests(SqliteApp app) : ActivityTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class ActivityPostgresTests(PostgresApp app) : ActivityTests(app);
