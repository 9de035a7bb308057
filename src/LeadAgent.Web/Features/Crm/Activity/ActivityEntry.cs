namespace LeadAgent.Web.Features.Crm.Activity;

/// <summary>One append-only line of the activity log. Never updated or deleted by the app.</summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public ActorKind ActorKind { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public Guid? TokenId { get; set; }
    /// <summary>created, updated, deleted, archived, restored, merged, bulk-update, note-added, …</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    public string? EntityLabel { get; set; }
    /// <summary>JSON object: field → {"from": …, "to": …}.</summary>
    public string? Changes { get; set; }
    /// <summary>Groups the entries of one bulk operation.</summary>
    public Guid? BatchId { get; set; }
}
