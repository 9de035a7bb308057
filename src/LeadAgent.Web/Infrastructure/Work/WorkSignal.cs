namespace LeadAgent.Web.Infrastructure.Work;

/// <summary>
/// Wakes a background worker on this instance when work is queued here, instead of waiting for its next poll.
/// </summary>
public class WorkSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify() => _signal.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _signal.WaitAsync(timeout, ct);
        // Several notifications while busy need one wake-up, not several.
        while (_signal.CurrentCount > 0 && _signal.Wait(0))
        {
        }
    }
}
