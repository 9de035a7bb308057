using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>Processes stored webhook events and sends the outbox until both are empty, then waits for a signal or the
/// poll.</summary>
public sealed class InboxWorker(WebhookProcessor webhooks, OutboxProcessor outbox, InboxSignal signal,
    IOptions<InboxOptions> options,
    IHostApplicationLifetime lifetime, ILogger<InboxWorker> log) : PollingWorker(signal, lifetime, log)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct) =>
        await webhooks.ProcessDueAsync(ct) + await outbox.SendDueAsync(ct) > 0;
}
