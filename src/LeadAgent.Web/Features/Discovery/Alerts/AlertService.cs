using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Alerts;

/// <summary>
/// Raises discovery alerts (shown in the app, sent to the alert webhook by <see cref="AlertSender"/>): one of a kind
/// per campaign while the last is unread, so a failing provider does not flood anyone.
/// </summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> factory, TimeProvider time, AlertSignal signal)
{
    public async Task RaiseAsync(AlertKind kind, string message, Guid? campaignId, Guid? runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.DiscoveryAlerts.AnyAsync(a => a.Kind == kind && a.CampaignId == campaignId && a.ReadAt == null
            && a.CreatedAt > time.GetUtcNow().UtcDateTime.AddHours(-24), ct))
        {
            return;
        }
        db.DiscoveryAlerts.Add(new DiscoveryAlert
        {
            Kind = kind,
            Message = message.Length > 1000 ? message[..1000] : message,
            CampaignId = campaignId,
            RunId = runId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>Marks every alert read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("mark alerts read");
        var now = time.GetUtcNow().UtcDateTime;
        return await db.DiscoveryAlerts.Where(a => a.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAt, now), ct);
    }

    /// <summary>After a run ends: the campaign's streak of runs without anything new.</summary>
    public async Task AfterRunAsync(Guid runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.DiscoveryRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        if (run.CampaignId is not { } campaignId || run.Status != RunStatus.Completed)
        {
            return;
        }
        var after = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.AlertAfterEmptyRuns)
            .FirstOrDefaultAsync(ct);
        if (after <= 0)
        {
            return;
        }
        var recent = await db.DiscoveryRuns.Where(r => r.CampaignId == campaignId && r.Status == RunStatus.Completed)
            .OrderByDescending(r => r.CreatedAt).Take(after).Select(r => r.New).ToListAsync(ct);
        if (recent.Count == after && recent.All(n => n == 0))
        {
            await RaiseAsync(AlertKind.NothingNew, $"{run.Name}: {after} runs in a row found no new company.",
                campaignId, runId, ct);
        }
    }
}

/// <summary>Wakes the alert sender when an alert is raised on this node.</summary>
public sealed class AlertSignal : Infrastructure.Work.WorkSignal;
