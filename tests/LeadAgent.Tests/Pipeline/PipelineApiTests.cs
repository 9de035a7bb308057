using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Pipeline;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Pipeline;

/// <summary>The board through the API: columns, totals in the workspace currency with unconverted amounts named,
/// the owner filter, and moves as ordinary, versioned lead updates; SQLite and PostgreSQL.</summary>
public abstract class PipelineApiTests(AppFactory app)
{
    [Fact]
    public async Task Board_groups_by_status_totals_in_the_workspace_currency_and_moves_with_versions()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales);
        var sales = app.TokenClient(token);
        var viewer = await app.ClientAsync(Roles.Viewer);
        var tag = "board" + Unique();
        var company = await sales.CreateAsync(Make.Company());
        async Task<LeadRow> Lead(LeadStatus status, decimal? value, string currency, string? owner = null) =>
            await sales.CreateAsync(Make.Lead(company) with
            {
                Status = status,
                ExpectedValue = value,
                Currency = currency,
                Tags = [tag],
                OwnerId = owner,
            });
        var mine = await Lead(LeadStatus.New, 1000m, "EUR", user.Id);
        await Lead(LeadStatus.New, 250.5m, "EUR");
        await Lead(LeadStatus.New, 500m, "SEK");
        var proposal = await Lead(LeadStatus.Proposal, null, "EUR");

        var board = await viewer.GetJsonAsync<PipelineBoard>($"/api/v1/pipeline?tag={tag}");
        Assert.Equal("EUR", board.Currency);
        Assert.Equal(Enum.GetValues<LeadStatus>(), board.Columns.Select(c => c.Status));
        var fresh = board.Columns.Single(c => c.Status == LeadStatus.New);
        Assert.Equal((3, 1250.5m, 1), (fresh.Count, fresh.Total.Value, fresh.Total.Unconverted));
        Assert.Equal(new[] { "SEK" }, fresh.Total.MissingRates);
        Assert.Null(fresh.Cards.Single(c => c.Currency == "SEK").Converted);
        Assert.Equal(proposal.Id, Assert.Single(board.Columns.Single(c => c.Status == LeadStatus.Proposal).Cards).Id);

        var onlyMine = await sales.GetJsonAsync<PipelineBoard>($"/api/v1/pipeline?tag={tag}&owner=me");
        Assert.Equal(mine.Id, Assert.Single(onlyMine.Columns.SelectMany(c => c.Cards)).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/v1/pipeline/move",
            new PipelineMove(mine.Id, LeadStatus.Contacted, mine.Version))).StatusCode);
        var moved = await (await sales.PostJsonAsync("/api/v1/pipeline/move",
            new PipelineMove(mine.Id, LeadStatus.Contacted, mine.Version))).ReadAsync<PipelineCard>();
        Assert.Equal(LeadStatus.Contacted, moved.Status);
        Assert.True(moved.Version > mine.Version);
        var timeline = await sales.GetJsonAsync<Page<ActivityDto>>($"/api/v1/leads/{mine.Id}/timeline");
        Assert.Contains("Contacted", timeline.Items[0].Changes ?? "", StringComparison.Ordinal);

        // Someone else's view is stale: the move is refused, whether or not the status would change.
        Assert.Equal(HttpStatusCode.Conflict, (await sales.PostJsonAsync("/api/v1/pipeline/move",
            new PipelineMove(mine.Id, LeadStatus.Qualified, mine.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sales.PostJsonAsync("/api/v1/pipeline/move",
            new PipelineMove(mine.Id, LeadStatus.Contacted, mine.Version))).StatusCode);
        var bad = await sales.PostJsonAsync("/api/v1/pipeline/move", new PipelineMove(mine.Id, null, moved.Version));
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostJsonAsync("/api/v1/pipeline/move",
            new PipelineMove(Guid.NewGuid(), LeadStatus.Won, 1))).StatusCode);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class PipelineApiSqliteTests(SqliteApp app) : PipelineApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class PipelineApiPostgresTests(PostgresApp app) : PipelineApiTests(app);
