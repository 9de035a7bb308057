using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Qualification.Fit;

/// <summary>The review queue is ranked by fit score (not yet judged last) and its export has segment and fit.</summary>
public abstract class ProspectRankingTests(AppFactory app)
{
    [Fact]
    public async Task The_queue_lists_the_best_fitting_first_page_by_page_and_exports_segment_and_fit()
    {
        var runId = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var fits = new int?[] { 40, null, 95, 10, 95, 70 };
        await using (var db = app.CreateDbContext())
        {
            db.DiscoveryRuns.Add(new DiscoveryRun
            {
                Id = runId,
                Name = $"Ranking {tag}",
                Plan = RunPlan.ForSites([], 1, new Dictionary<string, IReadOnlyList<string>>()).ToJson(),
                Status = RunStatus.Completed,
                CreatedByName = "test",
                CreatedAt = DateTime.UtcNow,
            });
            db.Prospects.AddRange(fits.Select((fit, i) => new Prospect
            {
                RunId = runId,
                Domain = $"rank{i}-{tag}.test",
                Url = $"http://rank{i}-{tag}.test/",
                FoundBy = "query",
                FoundVia = "test",
                Research = ResearchState.Researched,
                Review = ReviewState.Pending,
                FitScore = fit,
                Segment = fit is null ? null : "EventAgency",
                SegmentConfidence = fit / 100.0,
                CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync(Ct);
        }
        var c = await app.ClientAsync(Roles.Viewer);
        var seen = new List<ProspectRow>();
        string? cursor = null;
        do
        {
            var page = await c.GetJsonAsync<Page<ProspectRow>>(
                $"/api/v1/discovery/prospects?runId={runId}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal([95, 95, 70, 40, 10, null], seen.Select(p => p.FitScore));
        Assert.Equal(seen.Count, seen.Select(p => p.Id).Distinct().Count());
        Assert.Equal(0.7, seen[2].SegmentConfidence);

        var csv = await (await c.GetAsync($"/api/v1/discovery/prospects/export.csv?runId={runId}", Ct)).Content
            .ReadAsStringAsync(Ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',').ToList();
        var (segment, fit) = (header.IndexOf("Segment"), header.IndexOf("Fit score"));
        Assert.True(segment >= 0 && fit >= 0 && header.Contains("Segment confidence"), lines[0]);
        Assert.Equal(["95", "95", "70", "40", "10", ""], lines.Skip(1).Select(l => l.Split(',')[fit]));
        Assert.Equal("EventAgency", lines[1].Split(',')[segment]);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class ProspectRankingSqliteTests(SqliteApp app) : ProspectRankingTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class ProspectRankingPostgresTests(PostgresApp app) : ProspectRankingTests(app);
