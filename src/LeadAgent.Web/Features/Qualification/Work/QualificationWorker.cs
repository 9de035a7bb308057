using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Qualification.Work;

/// <summary>
/// Works the queue of <see cref="QualificationWork"/>: claims a batch with a lease (so each row is worked by one
/// instance), judges every target it names once, and deletes the rows; a failed batch is released to try again later.
/// The periodic sweep row is never deleted: its due time moves on.
/// </summary>
public sealed class QualificationWorker(IServiceScopeFactory scopes, Leases leases, TimeProvider time,
    QualificationSignal signal, QualificationMetrics metrics, IOptions<QualificationOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<QualificationWorker> log) : PollingWorker(signal, lifetime, log)
{
    public static readonly Actor BrainActor = new(ActorKind.System, null, "qualification");

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task<bool> RunOnceAsync(CancellationToken ct) =>
        options.Value.Worker ? WorkOnceAsync(ct) : Task.FromResult(false);

    /// <summary>Claims and works one batch; true when there was work.</summary>
    public async Task<bool> WorkOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(BrainActor);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await EnsurePeriodicSweepAsync(db, now, ct);
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var (claim, ids) = await leases.ClaimAsync<QualificationWork, Guid, DateTime>(db, w => w.DueAt <= now,
            w => w.DueAt, options.Value.BatchSize, lease, ct);
        if (ids.Count == 0)
        {
            return false;
        }
        var rows = await db.Set<QualificationWork>().AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync(ct);
        var pipeline = scope.ServiceProvider.GetRequiredService<QualificationPipeline>();
        try
        {
            await pipeline.RunAsync(db, rows, () => RenewAsync(db, claim, lease, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Judging {Count} queued changes failed; they are tried again later.", rows.Count);
            var retryAt = now.AddSeconds(Math.Min(3600, 30 * Math.Pow(2, rows.Max(r => r.Attempts))));
            await Leases.Held(db.Set<QualificationWork>(), claim).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(w => w.Attempts, w => w.Attempts + 1).SetProperty(w => w.DueAt, retryAt);
                Leases.Release(s);
            }, CancellationToken.None);
            metrics.Worked("retry", rows.Count);
            return false;
        }
        var next = time.GetUtcNow().UtcDateTime.AddMinutes(options.Value.SweepMinutes);
        await Leases.Held(db.Set<QualificationWork>(), claim).Where(w => w.Id == QualificationWork.PeriodicSweepId)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(w => w.DueAt, next).SetProperty(w => w.Attempts, 0);
                Leases.Release(s);
            }, ct);
        await Leases.Held(db.Set<QualificationWork>(), claim).ExecuteDeleteAsync(ct);
        metrics.Worked("done", rows.Count);
        return true;
    }

    private async Task RenewAsync(AppDbContext db, string claim, TimeSpan lease, CancellationToken ct)
    {
        var until = leases.Until(lease);
        await Leases.Held(db.Set<QualificationWork>(), claim)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeaseUntil, until), ct);
    }

    // The periodic sweep's row is made once; two instances racing to make it both try, one insert wins.
    private static async Task EnsurePeriodicSweepAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        if (await db.Set<QualificationWork>().AnyAsync(w => w.Id == QualificationWork.PeriodicSweepId, ct))
        {
            return;
        }
        db.Add(new QualificationWork
        {
            Id = QualificationWork.PeriodicSweepId,
            Target = WorkTarget.Sweep,
            Reason = "periodic",
            DueAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance made it first.
        }
        db.ChangeTracker.Clear();
    }
}

/// <summary>Wakes this instance's qualification worker when a change was queued here.</summary>
public sealed class QualificationSignal : WorkSignal;
