using LeadAgent.Web.Infrastructure.Work;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Runs queued imports in the background, and picks up runs whose worker died (their lease ran out).</summary>
public sealed class ImportWorker(ImportProcessor processor, ImportSignal signal, IOptions<ImportOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ImportWorker> log) : PollingWorker(signal, lifetime, log)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task<bool> RunOnceAsync(CancellationToken ct) => processor.RunNextAsync(ct);
}
