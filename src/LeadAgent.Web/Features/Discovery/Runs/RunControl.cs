using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// Reads whether someone asked the run to cancel or pause, at most once a second however many sites ask.
/// </summary>
public sealed class RunControl(RunLease lease, TimeProvider time)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private DateTimeOffset _checked = DateTimeOffset.MinValue;
    private ResearchStop _last;

    /// <summary>Between steps of the search and list stages: stops the run there when someone asked.</summary>
    public async Task ThrowIfHaltedAsync(CancellationToken ct)
    {
        if (await StopAsync(ct) is var why and not ResearchStop.None)
        {
            throw new RunHaltedException(why);
        }
    }

    public async Task<ResearchStop> StopAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() - _checked < TimeSpan.FromSeconds(1))
            {
                return _last;
            }
            await using var db = await lease.Factory.CreateDbContextAsync(ct);
            var flags = await db.DiscoveryRuns.Where(r => r.Id == lease.RunId)
                .Select(r => new { r.CancelRequested, r.PauseRequested }).FirstAsync(ct);
            _checked = time.GetUtcNow();
            _last = flags.CancelRequested ? ResearchStop.Cancel
                : flags.PauseRequested ? ResearchStop.Pause : ResearchStop.None;
            return _last;
        }
        finally
        {
            _lock.Release();
        }
    }
}

/// <summary>Someone asked the run to cancel or pause while it searched or read lists.</summary>
public sealed class RunHaltedException(ResearchStop why) : Exception($"Run halted: {why}.")
{
    public ResearchStop Why { get; } = why;
}
