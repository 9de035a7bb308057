using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>Queues runs (a campaign's, or research of given sites) and steers them: cancel, pause, resume.</summary>
public sealed class RunService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, DiscoverySignal signal,
    PolicyCheck policy)
{
    /// <summary>Queues a run of the campaign with its plan fixed now; one active run per campaign.</summary>
    public async Task<DiscoveryRun> QueueAsync(Guid campaignId, RunTrigger trigger, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("start discovery runs");
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new NotFoundException("Campaign", campaignId);
        var run = await QueueAsync(db, campaign, trigger, ct)
            ?? throw new ConflictException($"{campaign.Name} already has a run queued, running or paused.");
        signal.Notify();
        return run;
    }

    /// <summary>The run, or null when the campaign has one that is not finished.</summary>
    internal async Task<DiscoveryRun?> QueueAsync(AppDbContext db, Campaign campaign, RunTrigger trigger,
        CancellationToken ct)
    {
        if (await db.DiscoveryRuns.AnyAsync(r => r.CampaignId == campaign.Id && (r.Status == RunStatus.Queued
            || r.Status == RunStatus.Running || r.Status == RunStatus.Paused), ct))
        {
            return null;
        }
        var keywords = await SegmentKeywordStore.AllAsync(db, ct);
        var stats = await db.QueryStats.AsNoTracking().ToListAsync(ct);
        var queries = QueryPlanner.Plan(campaign, keywords, stats).Take(campaign.MaxQueriesPerRun).ToList();
        var plan = new RunPlan(queries, campaign.DirectoryUrls, campaign.SeedDomains, campaign.Provider,
            campaign.ResultPagesPerQuery, campaign.MaxPagesPerSite, campaign.MaxNewPerRun, campaign.MaxNewPerDay,
            campaign.MonthlyQueryBudget, SegmentKeywordStore.Words(keywords, campaign.Segments), campaign.Regions);
        var actor = await db.GetActorAsync();
        var run = new DiscoveryRun
        {
            CampaignId = campaign.Id,
            Name = campaign.Name,
            Trigger = trigger,
            Plan = plan.ToJson(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
        };
        await AddAsync(db, run, plan.Seeds, false, ct);
        return run;
    }

    /// <summary>Queues research of one site (domain or URL): the CLI's <c>enrich</c>, "research this".</summary>
    public async Task<DiscoveryRun> ResearchAsync(string site, CancellationToken ct = default)
    {
        var (url, domain, error) = DomainName.Parse(site);
        if (url is null || domain is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["site"] = [error ?? "Not a company website (a social network profile cannot be researched)."],
            });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("research companies");
        if (await policy.CheckAsync(db, new PolicySubject(Domain: url), ct) is { Blocked: true } blocked)
        {
            throw new ConflictException($"{domain}: {blocked.Why}");
        }
        var keywords = await SegmentKeywordStore.AllAsync(db, ct);
        var plan = RunPlan.ForSites([url], 8, SegmentKeywordStore.Words(keywords, []));
        var actor = await db.GetActorAsync();
        var run = new DiscoveryRun
        {
            Name = $"Research {domain}",
            Trigger = RunTrigger.Enrich,
            Plan = plan.ToJson(),
            Stage = RunStage.Lists,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
        };
        await AddAsync(db, run, plan.Seeds, true, ct);
        signal.Notify();
        return run;
    }

    // The run and its seed sites in one transaction: a queued run never lacks what it was given.
    // A campaign's seeds follow the queue's rules (a rejected one is not proposed again); a site someone asks to
    // research now is researched whatever was said of it before (unless blocked).
    private async Task AddAsync(AppDbContext db, DiscoveryRun run, IReadOnlyList<string> seeds, bool requested,
        CancellationToken ct)
    {
        // The scheduler queues inside its own transaction (with moving the campaign's next start).
        await using var tx = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct) : null;
        db.DiscoveryRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var sightings = seeds.Select(s => DomainName.Parse(s).Url is { } u ? new Sighting(new Uri(u), "seed", s, null,
            null, 0) : null).OfType<Sighting>().ToList();
        run.Sites = await ProspectIntake.AddAsync(db, policy, run.Id, run.CampaignId, sightings, run.CreatedAt, ct,
            requested);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    public async Task<DiscoveryRun> CancelAsync(Guid id, CancellationToken ct = default) =>
        await SteerAsync(id, r => r.Status switch
        {
            RunStatus.Queued or RunStatus.Paused => (RunStatus.Cancelled, false, false),
            RunStatus.Running => (RunStatus.Running, true, false),
            _ => throw new ConflictException($"The run is {r.Status.ToString().ToLowerInvariant()}."),
        }, ct);

    public async Task<DiscoveryRun> PauseAsync(Guid id, CancellationToken ct = default) =>
        await SteerAsync(id, r => r.Status switch
        {
            RunStatus.Queued => (RunStatus.Paused, false, false),
            RunStatus.Running => (RunStatus.Running, false, true),
            _ => throw new ConflictException($"Only a queued or running run can pause, not a {r.Status} one."),
        }, ct);

    public async Task<DiscoveryRun> ResumeAsync(Guid id, CancellationToken ct = default)
    {
        var run = await SteerAsync(id, r => r.Status == RunStatus.Paused ? (RunStatus.Queued, false, false)
            : throw new ConflictException("Only a paused run can resume."), ct);
        signal.Notify();
        return run;
    }

    // The change is conditional on the status read, so a run that moved on meanwhile (a worker claimed it, it
    // ended) is decided again on its new status rather than steered blindly.
    private async Task<DiscoveryRun> SteerAsync(Guid id,
        Func<DiscoveryRun, (RunStatus Status, bool Cancel, bool Pause)> decide, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("steer discovery runs");
        for (var attempt = 0; ; attempt++)
        {
            var run = await db.DiscoveryRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                ?? throw new NotFoundException("Run", id);
            var (status, cancel, pause) = decide(run);
            var now = time.GetUtcNow().UtcDateTime;
            var ends = status == RunStatus.Cancelled;
            var n = await db.DiscoveryRuns.Where(r => r.Id == id && r.Status == run.Status).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.CancelRequested, r => r.CancelRequested || cancel)
                .SetProperty(r => r.PauseRequested, pause)
                .SetProperty(r => r.FinishedAt, r => ends ? now : r.FinishedAt)
                .SetProperty(r => r.StopReason, r => ends ? "Cancelled."
                    : status == RunStatus.Queued ? null : r.StopReason), ct);
            if (n == 1)
            {
                return await db.DiscoveryRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            }
            if (attempt == 3)
            {
                throw new ConflictException("The run keeps changing; look again.");
            }
        }
    }
}

/// <summary>Wakes this node's discovery worker when a run is queued here.</summary>
public sealed class DiscoverySignal : Infrastructure.Work.WorkSignal;
