using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// Works discovery runs: claims a queued run (or one whose node died) with a lease, then goes through its stages —
/// search, directory lists, research — each resuming where the run stands. A failure ends the run with its reason
/// and an alert; a shutdown leaves it to be resumed.
/// </summary>
public sealed class DiscoveryRunner(IServiceScopeFactory scopes, TimeProvider time, Leases leases,
    IOptions<DiscoveryOptions> options, ILogger<DiscoveryRunner> log)
{
    /// <summary>Claims and works the oldest due run; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        Guid? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            id = await db.DiscoveryRuns.Where(r => r.Status == RunStatus.Queued
                    || (r.Status == RunStatus.Running && r.LeaseUntil < now))
                .OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        }
        if (id is null)
        {
            return false;
        }
        await RunAsync(id.Value, ct);
        return true;
    }

    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var span = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        string claim;
        DiscoveryRun run;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            (claim, var won) = await leases.ClaimAsync<DiscoveryRun, Guid, Guid>(db,
                r => r.Id == id && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), r => r.Id, 1,
                span, ct, s => s.SetProperty(r => r.Status, RunStatus.Running)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now));
            if (won.Count == 0)
            {
                return;
            }
            run = await db.DiscoveryRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        }
        services.GetRequiredService<HttpActorSource>()
            .Set(new Actor(ActorKind.System, null, $"discovery ({run.Name})"));
        var alerts = services.GetRequiredService<AlertService>();
        await using var lease = new RunLease(factory, leases, id, claim, span, time);
        lease.Start();
        try
        {
            var (status, reason) = await StagesAsync(services, lease, run, ct);
            if (status == RunStatus.Stopped)
            {
                // Raised before the run shows as ended, so whoever sees it stopped finds the alert too.
                await alerts.RaiseAsync(AlertKind.BudgetReached, $"{run.Name}: {reason}", run.CampaignId, id,
                    CancellationToken.None);
            }
            // A paused run keeps its stage: it resumes there.
            var finished = await lease.FinishAsync(s => s.SetProperty(r => r.Status, status)
                .SetProperty(r => r.Stage, r => status == RunStatus.Paused ? r.Stage : RunStage.Done)
                .SetProperty(r => r.StopReason, reason)
                .SetProperty(r => r.FinishedAt, status == RunStatus.Paused ? null : time.GetUtcNow().UtcDateTime),
                CancellationToken.None);
            if (finished)
            {
                await alerts.AfterRunAsync(id, CancellationToken.None);
            }
        }
        catch (RunLeaseLostException)
        {
            log.LogWarning("Discovery run {Run}: another node took it over; stopping here.", id);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
        {
            log.LogWarning("Discovery run {Run}: another node took it over; stopping here.", id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another node (or this one after its restart) resumes the run.
        }
        catch (Exception e)
        {
            log.LogError(e, "Discovery run {Run} failed.", id);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (!await lease.FinishAsync(s => s.SetProperty(r => r.Status, RunStatus.Failed)
                .SetProperty(r => r.Error, error.Length > 2000 ? error[..2000] : error)
                .SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime), CancellationToken.None))
            {
                return;
            }
            await alerts.RaiseAsync(AlertKind.RunFailed, $"{run.Name} failed: {error}", run.CampaignId, id,
                CancellationToken.None);
        }
    }

    private async Task<(RunStatus, string?)> StagesAsync(IServiceProvider services, RunLease lease, DiscoveryRun run,
        CancellationToken ct)
    {
        var plan = RunPlan.FromJson(run.Plan);
        var control = new RunControl(lease, time);
        string? stopped = null;
        ResearchStop stop;
        var limit = plan.MaxNew;
        try
        {
            if (run.Stage == RunStage.Searching)
            {
                stopped = await services.GetRequiredService<RunSearchStage>().RunAsync(lease, run, plan, control, ct);
                await SetStageAsync(lease, RunStage.Lists, ct);
            }
            if (run.Stage <= RunStage.Lists)
            {
                await services.GetRequiredService<RunListStage>().RunAsync(lease, run, plan, control, ct);
                await SetStageAsync(lease, RunStage.Researching, ct);
            }
            limit = await NewLimitAsync(lease, run, plan, ct);
            stop = await services.GetRequiredService<RunResearchStage>().RunAsync(lease, run, plan, limit, control,
                ct);
        }
        catch (RunHaltedException halted)
        {
            stop = halted.Why;
        }
        return stop switch
        {
            ResearchStop.Cancel => (RunStatus.Cancelled, "Cancelled."),
            ResearchStop.Pause => (RunStatus.Paused, "Paused."),
            ResearchStop.Budget => (RunStatus.Stopped, limit < plan.MaxNew
                ? $"Daily budget of {plan.MaxNewPerDay} new companies reached."
                : $"Budget of {plan.MaxNew} new companies per run reached."),
            _ => (RunStatus.Completed, stopped),
        };
    }

    private static async Task SetStageAsync(RunLease lease, RunStage stage, CancellationToken ct)
    {
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        await lease.UpdateAsync(db, s => s.SetProperty(r => r.Stage, stage), ct);
    }

    // The run's own budget, or what is left of the campaign's day (UTC), whichever is smaller.
    private async Task<int> NewLimitAsync(RunLease lease, DiscoveryRun run, RunPlan plan, CancellationToken ct)
    {
        if (run.CampaignId is null)
        {
            return plan.MaxNew;
        }
        var today = time.GetUtcNow().UtcDateTime.Date;
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        var others = await db.DiscoveryRuns.Where(r => r.CampaignId == run.CampaignId && r.Id != run.Id
            && r.CreatedAt >= today).SumAsync(r => r.New, ct);
        return Math.Max(0, Math.Min(plan.MaxNew, plan.MaxNewPerDay - others));
    }
}
