using System.Diagnostics.Metrics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Runtime;

/// <summary>
/// The inbox's metrics: webhook events received and handled, messages handed to providers, and how much waits in the
/// two queues (read from the database when scraped, so every instance reports the shared queue).
/// </summary>
public sealed class InboxMetrics
{
    public const string MeterName = "LeadAgent.Inbox";
    private static readonly TimeSpan SampleFor = TimeSpan.FromSeconds(5);

    private readonly Counter<long> _received;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _sends;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTimeOffset At, QueueSample Sample)? _last;

    public InboxMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("leadagent.webhook.events.received", "{event}",
            "Webhook deliveries stored (a redelivery of a stored event is not counted again).");
        _handled = meter.CreateCounter<long>("leadagent.webhook.events.handled", "{event}",
            "Webhook events handled, by outcome: processed, ignored, retry, failed.");
        _sends = meter.CreateCounter<long>("leadagent.messages.sends", "{message}",
            "Outgoing messages handed to a provider, by outcome: sent, retry, failed.");
        meter.CreateObservableGauge("leadagent.webhook.queue.depth", () => Sample().EventsWaiting, "{event}",
            "Webhook events waiting to be processed (new or due for a retry).");
        meter.CreateObservableGauge("leadagent.webhook.queue.oldest_age", () => Sample().OldestEventSeconds, "s",
            "Age of the oldest webhook event still waiting.");
        meter.CreateObservableGauge("leadagent.outbox.depth", () => Sample().MessagesWaiting, "{message}",
            "Outgoing messages not yet handed to their provider.");
        meter.CreateObservableGauge("leadagent.outbox.oldest_age", () => Sample().OldestMessageSeconds, "s",
            "Age of the oldest outgoing message still waiting.");
    }

    public void Received(int events) => _received.Add(events);

    public void Handled(string outcome, int events = 1) =>
        _handled.Add(events, new KeyValuePair<string, object?>("outcome", outcome));

    public void Sent(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private sealed record QueueSample(long EventsWaiting, double OldestEventSeconds, long MessagesWaiting,
        double OldestMessageSeconds);

    // The four gauges are read together on each scrape; one query set serves them all for a few seconds.
    private QueueSample Sample()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && now - last.At < SampleFor)
            {
                return last.Sample;
            }
            var sample = Query(now.UtcDateTime);
            _last = (now, sample);
            return sample;
        }
    }

    private QueueSample Query(DateTime now)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = db.Set<WebhookEvent>().Where(e => e.Status == WebhookEventStatus.Received
            || (e.Status == WebhookEventStatus.Failed && e.NextAttemptAt != null));
        var messages = db.Set<Message>().Where(m => m.Direction == MessageDirection.Outbound
            && (m.Status == DeliveryStatus.Pending || m.Status == DeliveryStatus.Sending));
        var oldestEvent = events.Min(e => (DateTime?)e.ReceivedAt);
        var oldestMessage = messages.Min(m => (DateTime?)m.CreatedAt);
        return new QueueSample(events.LongCount(), Age(oldestEvent), messages.LongCount(), Age(oldestMessage));

        double Age(DateTime? at) => at is null ? 0 : Math.Max(0, (now - at.Value).TotalSeconds);
    }
}
