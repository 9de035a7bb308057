using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Re-reads the saved Respond.io settings every <see cref="RespondIoOptions.SettingsRefreshSeconds"/>: instances that
/// share a database learn of a token or signing key saved on another one without a restart.
/// </summary>
public sealed class RespondIoSettingsRefresh(RespondIoConnection connection, IOptions<RespondIoOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<RespondIoSettingsRefresh> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up (migrations, the first load) comes first.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SettingsRefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await connection.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not re-read the Respond.io settings; keeping the ones loaded before.");
            }
        }
    }
}
