using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// A run whose node died mid-way (its lease ran out) is taken over and finished from where it stood: sites already
/// researched are neither fetched nor counted again, and no prospect is doubled.
/// </summary>
public abstract class RunResumeTests(DiscoveryApp app)
{
    [Fact]
    public async Task A_run_abandoned_mid_research_resumes_without_repeating_anything()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var done = CompanySites.Agency($"done-{id}.de", $"Fertig {id}");
        var left = CompanySites.Agency($"left-{id}.de", $"Offen {id}");
        app.Sites.AddCompany(done).AddCompany(left);
        var plan = new RunPlan([new PlannedQuery($"resume{id} Deutschland", "de", "DE")], [], [], null, 1, 8, 10, 100,
            1000, new Dictionary<string, IReadOnlyList<string>> { ["EventAgency"] = ["Eventagentur"] }, ["DE"]);
        var runId = Guid.NewGuid();
        await using (var db = app.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            // As a crashed node left it: searching done, one site researched and counted, one still pending.
            db.DiscoveryRuns.Add(new DiscoveryRun
            {
                Id = runId,
                Name = $"Crashed {id}",
                Plan = plan.ToJson(),
                Status = RunStatus.Running,
                Stage = RunStage.Researching,
                NextQuery = 1,
                Queries = 1,
                Results = 2,
                Sites = 2,
                Researched = 1,
                New = 1,
                PagesFetched = 5,
                CreatedByName = "test",
                CreatedAt = now.AddMinutes(-5),
                StartedAt = now.AddMinutes(-5),
                LeaseOwner = "dead-node:claim",
                LeaseUntil = now.AddSeconds(-1),
            });
            db.Prospects.Add(new Prospect
            {
                RunId = runId,
                Domain = done.Host,
                Url = $"http://{done.Host}/",
                FoundBy = "query",
                FoundVia = $"resume{id} Deutschland",
                Research = ResearchState.Researched,
                Review = ReviewState.Pending,
                Name = done.Name,
                CreatedAt = now,
            });
            db.Prospects.Add(new Prospect
            {
                RunId = runId,
                Domain = left.Host,
                Url = $"http://{left.Host}/",
                FoundBy = "query",
                FoundVia = $"resume{id} Deutschland",
                CreatedAt = now,
            });
            await db.SaveChangesAsync(Ct);
        }

        var run = await c.FinishedAsync(runId);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal((1, 2, 2, 2), (run.Queries, run.Sites, run.Researched, run.New));
        Assert.Equal(0, app.Sites.Count($"http://{done.Host}/"));
        Assert.Equal(1, app.Sites.Count($"http://{left.Host}/"));
        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.Prospects.CountAsync(p => p.RunId == runId, Ct));
        Assert.Null((await check.DiscoveryRuns.SingleAsync(r => r.Id == runId, Ct)).LeaseOwner);
    }

    [Fact]
    public async Task Pause_holds_a_run_where_it_is_and_resume_goes_on_from_there()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        // Slow sites, so the run is still researching when the pause arrives.
        var sites = Enumerable.Range(1, 6).Select(i => CompanySites.Agency($"slow{i}-{id}.de", $"Langsam {i} {id}"))
            .ToList();
        foreach (var s in sites)
        {
            app.Sites.AddCompany(s);
            app.Sites.Add($"http://{s.Host}/", new FakeSites.Page(Body: "<html><body>Eventagentur <a "
                + "href=\"/impressum\">Impressum</a></body></html>", Delay: TimeSpan.FromSeconds(2)));
        }
        app.Engines.Found[$"pause{id} Deutschland"] = [.. sites.Select(s => ($"http://{s.Host}/", s.Name, "x"))];
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Pause {id}",
            Keywords = [$"pause{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 1
        });
        var started = await (await c.PostAsync($"/api/v1/discovery/campaigns/{campaign.Id}/runs", null, Ct))
            .ReadAsync<RunDto>();
        var paused = await (await c.PostAsync($"/api/v1/discovery/runs/{started.Id}/pause", null, Ct))
            .ReadAsync<RunDto>();
        Assert.True(paused.PauseRequested || paused.Status == RunStatus.Paused);
        var held = await c.FinishedAsync(started.Id);
        Assert.Equal(RunStatus.Paused, held.Status);
        Assert.Equal(HttpStatusCode.Conflict,
            (await c.PostAsync($"/api/v1/discovery/campaigns/{campaign.Id}/runs", null, Ct)).StatusCode);

        await c.PostAsync($"/api/v1/discovery/runs/{started.Id}/resume", null, Ct);
        var finished = await c.FinishedAsync(started.Id);

        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.Equal(6, finished.Researched);
        await using var db = app.CreateDbContext();
        Assert.Equal(6, await db.Prospects.CountAsync(p => p.RunId == started.Id, Ct));
    }
}

[Collection(nameof(SqliteDiscovery))]
public sealed class RunResumeSqliteTests(SqliteDiscoveryApp app) : RunResumeTests(app);

[Collection(nameof(PostgresDiscovery))]
public sealed class RunResumePostgresTests(PostgresDiscoveryApp app) : RunResumeTests(app);
