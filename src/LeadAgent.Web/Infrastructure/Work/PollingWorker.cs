namespace LeadAgent.Web.Infrastructure.Work;

/// <summary>
/// A background loop over work persisted in the database: waits for start-up (migrations) to finish, then does work
/// while there is some, and sleeps until its signal or the next poll. Errors (a database briefly away) pause the loop
/// instead of ending it.
/// </summary>
public abstract class PollingWorker(WorkSignal signal, IHostApplicationLifetime lifetime, ILogger log)
    : BackgroundService
{
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Does one round of work; true when there was some (the loop goes on at once).</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken))
                {
                    continue;
                }
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Worker} error.", GetType().Name);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }
}
