using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Dashboard;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

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

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14: a day ahead of UTC from 10:00 UTC
    [InlineData("Pacific/Pago_Pago")] // UTC-11: a day behind UTC until 11:00 UTC
    public async Task My_next_actions_are_due_by_the_end_of_my_own_day(string timeZone)
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales);
        var me = app.TokenClient(token);
        (await me.PutJsonAsync("/api/v1/me", new ProfileInput("Zoe", timeZone))).EnsureSuccessStatusCode();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var myToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var company = await me.CreateAsync(Make.Company());
        var today = await me.CreateAsync(Make.Lead(company) with { OwnerId = user.Id, NextActionOn = myToday });
        await me.CreateAsync(Make.Lead(company) with { OwnerId = user.Id, NextActionOn = myToday.AddDays(1) });

        var mine = (await me.GetJsonAsync<DashboardStats>("/api/v1/dashboard")).Mine!;
        Assert.Equal(1, mine.NextActionsDue);
        Assert.Equal(today.Id, Assert.Single(mine.TopNextActionsDue).Id);
    }

    [Fact]
    public async Task New_leads_per_week_run_from_my_own_monday_midnight()
    {
        const string timeZone = "Pacific/Kiritimati"; // UTC+14: its Monday 00:30 is Sunday 10:30 in UTC
        var (_, token) = await app.CreateUserAsync(Roles.Sales);
        var me = app.TokenClient(token);
        (await me.PutJsonAsync("/api/v1/me", new ProfileInput("Kiri", timeZone))).EnsureSuccessStatusCode();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var myToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var myMonday = myToday.AddDays(-(((int)myToday.DayOfWeek + 6) % 7));
        // The second oldest week shown, where no other test puts leads.
        var monday = myMonday.AddDays(-7 * (DashboardService.Weeks - 2));
        var before = (await me.GetJsonAsync<DashboardStats>("/api/v1/dashboard")).NewPerWeek;

        var lead = await me.CreateAsync(Make.Lead(await me.CreateAsync(Make.Company())));
        var createdAt = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(new TimeOnly(0, 30)), zone);
        await using (var db = app.CreateDbContext())
        {
            await db.Leads.Where(l => l.Id == lead.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatedAt, createdAt), Ct);
        }
        var after = (await me.GetJsonAsync<DashboardStats>("/api/v1/dashboard")).NewPerWeek;

        Assert.Equal(DayOfWeek.Sunday, createdAt.DayOfWeek);
        Assert.Equal(DashboardService.Weeks, after.Count);
        Assert.Equal(myMonday, after[^1].WeekStart);
        Assert.Equal(monday, after[1].WeekStart);
        Assert.Equal(before[1].Count + 1, after[1].Count);
        Assert.Equal(before[0].Count, after[0].Count);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class DashboardSqliteTests(SqliteApp app) : DashboardTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class DashboardPostgresTests(PostgresApp app) : DashboardTests(app);
