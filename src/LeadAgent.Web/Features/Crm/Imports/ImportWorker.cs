namespace LeadAgent.Web.Features.Crm.Imports;

/// <summary>Runs queued imports in the background, and picks up runs whose worker died (their lease ran out).</summary>
public sealed class ImportWorker(ImportProcessor processor, ImportSignal signal, Microsoft.Extensions.Options.IOptions<ImportOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up tasks (migrations) finish first.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.RunNextAsync(stoppingToken))
                {
                    continue;
                }
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; try again after a pause rather than stopping for good.
                log.LogError(e, "Import worker error.");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
        }
    }
}
