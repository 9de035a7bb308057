using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>
/// Starts scheduled campaigns when their time comes. Moving a campaign's next start on is conditional on the value
/// read, in the same transaction as queuing its run, so when several nodes look at once exactly one run is queued.
/// A campaign whose last run is still going skips this start (and says so in the log).
/// </summary>
public sealed class CampaignScheduler(IServiceScopeFactory scopes, TimeProvider time, DiscoverySignal runs,
    IOptions<DiscoveryOptions> options, IHostApplicationLifetime lifetime, ILogger<CampaignScheduler> log)
    : PollingWorker(new WorkSignal(), lifetime, log)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (!options.Value.Worker)
        {
            return false;
        }
        var queued = await ScheduleDueAsync(ct);
        if (queued > 0)
        {
            runs.Notify();
        }
        return false;
    }

    /// <summary>Queues a run of every campaign that is due; returns how many were queued.</summary>
    public async Task<int> ScheduleDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(new Actor(ActorKind.System, null, "scheduler"));
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var service = scope.ServiceProvider.GetRequiredService<RunService>();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Campaigns.AsNoTracking().Where(c => !c.Paused && c.NextRunAt != null && c.NextRunAt <= now)
            .ToListAsync(ct);
        var queued = 0;
        foreach (var campaign in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var next = CampaignSchedule.Next(campaign, now);
            var was = campaign.NextRunAt;
            var moved = await db.Campaigns.Where(c => c.Id == campaign.Id && c.NextRunAt == was)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, next), ct);
            if (moved == 0)
            {
                continue;
            }
            if (await service.QueueAsync(db, campaign, RunTrigger.Schedule, ct) is null)
            {
                log.LogInformation("{Campaign}: the last run is still going; this start is skipped.", campaign.Name);
            }
            else
            {
                queued++;
            }
            await tx.CommitAsync(ct);
        }
        return queued;
    }
}
