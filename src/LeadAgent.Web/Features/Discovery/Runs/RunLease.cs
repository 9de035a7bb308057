using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>A run's work stopped because another node now holds it (this node's lease ran out).</summary>
public sealed class RunLeaseLostException() : Exception("Another node took over the run.");

/// <summary>
/// This node's claim on a run: every progress write is guarded by it (a node that lost the run writes nothing), and
/// a heartbeat renews it while long steps (a polite crawl, a provider's back-off) run.
/// </summary>
public sealed class RunLease(IDbContextFactory<AppDbContext> factory, Leases leases, Guid runId, string claim,
    TimeSpan lease, TimeProvider time) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _heartbeat;

    public IDbContextFactory<AppDbContext> Factory => factory;

    public Guid RunId => runId;

    /// <summary>Cancelled when the lease is lost.</summary>
    public CancellationToken Lost => _stop.Token;

    public void Start() => _heartbeat = BeatAsync();

    /// <summary>Updates the run (and renews the lease) if this node still holds it; throws when it does not.</summary>
    public async Task UpdateAsync(AppDbContext db, Action<UpdateSettersBuilder<DiscoveryRun>> set,
        CancellationToken ct)
    {
        var until = leases.Until(lease);
        var n = await Leases.Held(db.DiscoveryRuns.Where(r => r.Id == runId), claim)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.LeaseUntil, until);
                set(s);
            }, ct);
        if (n == 0)
        {
            await _stop.CancelAsync();
            throw new RunLeaseLostException();
        }
    }

    /// <summary>
    /// Ends the run: its status and the lease's release in one update; false when another node holds it by now.
    /// </summary>
    public async Task<bool> FinishAsync(Action<UpdateSettersBuilder<DiscoveryRun>> set, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Leases.Held(db.DiscoveryRuns.Where(r => r.Id == runId), claim).ExecuteUpdateAsync(s =>
        {
            set(s);
            s.SetProperty(r => r.PauseRequested, false);
            Leases.Release(s);
        }, ct) == 1;
    }

    private async Task BeatAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, time, _stop.Token);
                await using var db = await factory.CreateDbContextAsync(_stop.Token);
                await UpdateAsync(db, _ => { }, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or RunLeaseLostException)
            {
                return;
            }
            catch (Exception)
            {
                // A database blip: the next beat or progress write renews the lease or finds it lost.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }
        if (_heartbeat is not null)
        {
            await _heartbeat;
        }
        _stop.Dispose();
    }
}
