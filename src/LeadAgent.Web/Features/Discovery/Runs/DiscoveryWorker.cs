using LeadAgent.Web.Infrastructure.Work;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>Works queued discovery runs, and picks up runs whose node died (their lease ran out).</summary>
public sealed class DiscoveryWorker(DiscoveryRunner runner, DiscoverySignal signal,
    IOptions<DiscoveryOptions> options, IHostApplicationLifetime lifetime, ILogger<DiscoveryWorker> log)
    : PollingWorker(signal, lifetime, log)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task<bool> RunOnceAsync(CancellationToken ct) =>
        options.Value.Worker ? runner.RunNextAsync(ct) : Task.FromResult(false);
}
