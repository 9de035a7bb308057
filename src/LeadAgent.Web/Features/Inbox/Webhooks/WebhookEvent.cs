using LeadAgent.Web.Infrastructure.Work;
namespace LeadAgent.Web.Features.Inbox.Webhooks;

/// <summary>Received events wait for the worker; Failed ones are retried until <see cref="WebhookEvent.Attempts"/> runs
/// out, then stay for inspection.</summary>
public enum WebhookEventStatus { Received, Processed, Ignored, Malformed, Failed }

/// <summary>
/// A webhook delivery exactly as it arrived, stored before it is acknowledged so nothing acknowledged is ever lost;
/// workers process it afterwards. <see cref="EventId"/> is unique per provider, so redeliveries are stored once.
/// </summary>
public sealed class WebhookEvent : ILeased<long>
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    /// <summary>The provider's idempotency key (Respond.io <c>event_id</c>); null for a body that could not be
    /// read.</summary>
    public string? EventId { get; set; }
    public string? EventType { get; set; }
    /// <summary>The raw body as UTF-8 text, kept for processing and inspection.</summary>
    public required string Body { get; set; }
    public WebhookEventStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    /// <summary>A failed event is retried from this time on (with backoff) until it succeeds or gives up.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
