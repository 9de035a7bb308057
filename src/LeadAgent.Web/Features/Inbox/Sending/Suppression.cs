using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>An e-mail address nothing may be sent to: it unsubscribed, bounced hard or complained.</summary>
public sealed class Suppression
{
    public Guid Id { get; set; } = Ids.NewV7();
    /// <summary>Lower-case address.</summary>
    public required string Address { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}
