namespace LeadAgent.Web.Features.Crm.Imports;

/// <summary>Wakes this instance's import worker when a run is queued here, instead of waiting for the next poll.</summary>
public sealed class ImportSignal
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
