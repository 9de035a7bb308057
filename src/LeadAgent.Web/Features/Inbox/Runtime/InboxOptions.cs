using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Inbox.Runtime;

public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Webhook events processed per transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a worker's claim on events or outbound messages lasts before another instance may take them over.
    /// </summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// How often idle workers look for work (new webhooks and replies on this instance wake them at once).
    /// </summary>
    [Range(1, 300)]
    public int PollSeconds { get; set; } = 2;

    /// <summary>
    /// First retry delay for failed or early (out-of-order) events and transient send failures; doubles each attempt.
    /// </summary>
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 5;

    /// <summary>Attempts before an event or a send is given up and marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Timeout of one call to the provider's API.</summary>
    [Range(1, 300)]
    public int HttpTimeoutSeconds { get; set; } = 15;
}
