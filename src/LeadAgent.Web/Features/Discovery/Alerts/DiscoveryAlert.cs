using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Discovery.Alerts;

public enum AlertKind { RunFailed, ProviderFailing, QuotaExhausted, BudgetReached, NothingNew }

/// <summary>Something about discovery a person should know; shown in the app and sent to the alert webhook.</summary>
public sealed class DiscoveryAlert
{
    public Guid Id { get; set; } = Ids.NewV7();
    public AlertKind Kind { get; set; }
    public required string Message { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? RunId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When the webhook accepted it; null while it is still to be sent (or no webhook is set).</summary>
    public DateTime? SentAt { get; set; }
    public int SendAttempts { get; set; }
}
