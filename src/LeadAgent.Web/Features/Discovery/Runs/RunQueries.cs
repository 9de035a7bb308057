using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>A run as shown: its status, the funnel's counts and how far it is.</summary>
public sealed record RunDto(Guid Id, Guid? CampaignId, string Name, RunTrigger Trigger, RunStatus Status,
    RunStage Stage, int QueriesPlanned, int Queries, int ListsPlanned, int ListsRead, int Results, int Sites,
    int RobotsBlocked, int Unreachable, int PagesFetched, int Researched, int MatchedExisting, int New, int Cost,
    string? StopReason, IReadOnlyList<string> Warnings, string? Error, bool CancelRequested, bool PauseRequested,
    string CreatedByName, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, int? SitesLeft = null)
{
    public static RunDto Of(DiscoveryRun r)
    {
        var plan = RunPlan.FromJson(r.Plan);
        return new RunDto(r.Id, r.CampaignId, r.Name, r.Trigger, r.Status, r.Stage, plan.Queries.Count, r.Queries,
            plan.Lists.Count, r.NextList, r.Results, r.Sites, r.RobotsBlocked, r.Unreachable, r.PagesFetched,
            r.Researched, r.MatchedExisting, r.New, r.Cost, r.StopReason,
            r.Warnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], r.Error, r.CancelRequested,
            r.PauseRequested, r.CreatedByName, r.CreatedAt, r.StartedAt, r.FinishedAt);
    }

    /// <summary>Sites whose research has an outcome, of all the run found.</summary>
    public int SitesDone => Researched + RobotsBlocked + Unreachable;
}

public sealed class RunQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<List<RunDto>> ListAsync(Guid? campaignId, int? limit, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit, errors);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.DiscoveryRuns.AsNoTracking().Where(r => campaignId == null || r.CampaignId == campaignId)
            .OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);
        return runs.Select(RunDto.Of).ToList();
    }

    public async Task<RunDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.DiscoveryRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Run", id);
        var left = await db.Prospects.CountAsync(p => p.RunId == id && p.Research == ResearchState.Pending, ct);
        return RunDto.Of(run) with { SitesLeft = left };
    }
}
