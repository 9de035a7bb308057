using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Dashboard;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Tests.Dashboard;

/// <summary>The dashboard's figures: pipeline value in the workspace currency with unconverted amounts named, and
/// the caller's own work; SQLite and PostgreSQL.</summary>
public abstract class DashboardTests(AppFactory app)
{
    [Fact]
    public async Task Pipeline_value_is_in_the_workspace_currency_and_my_work_counts_my_open_leads_and_due_actions()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales);
        var me = app.TokenClient(token);
        var company = await me.CreateAsync(Make.Company());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = await me.CreateAsync(Make.Lead(company) with { OwnerId = user.Id, NextActionOn = today.AddDays(-1) });
        await me.CreateAsync(Make.Lead(company) with { OwnerId = user.Id, NextActionOn = today.AddDays(7) });
        await me.CreateAsync(Make.Lead(company) with { OwnerId = user.Id, Status = LeadStatus.Won });
        await me.CreateAsync(Make.Lead(company) with { ExpectedValue = 10m, Currency = "ISK" });

        var stats = await me.GetJsonAsync<DashboardStats>("/api/v1/dashboard");
        Assert.Equal("EUR", stats.Currency);
        Assert.All(stats.PipelineByStatus, v => Assert.Equal("EUR", v.Currency));
        Assert.Equal(Enum.GetNames<LeadStatus>(), stats.PipelineByStatus.Select(v => v.Key));
        Assert.True(stats.PipelineUnconverted >= 1);
        Assert.Contains("ISK", stats.PipelineMissingRates);

        var mine = stats.Mine!;
        Assert.Equal((2, 1, 0), (mine.OpenLeads, mine.NextActionsDue, mine.UnansweredConversations));
        Assert.Equal(due.Id, Assert.Single(mine.TopNextActionsDue).Id);
        Assert.Equal(due.Id, mine.TopOpenLeads[0].Id);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class DashboardSqliteTests(SqliteApp app) : DashboardTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class DashboardPostgresTests(PostgresApp app) : DashboardTests(app);
