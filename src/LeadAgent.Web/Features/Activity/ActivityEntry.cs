using LeadAgent.Web.Data;
namespace LeadAgent.Web.Features.Activity;

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

    /// <summary>An entry signed by the actor (user, token or system), for changes written without change tracking.</summary>
    public static ActivityEntry By(Actor actor, DateTime at, string action, string entityType, Guid entityId, string? label,
        string? changes, Guid? batchId = null) => new()
        {
            OccurredAt = at,
            ActorKind = actor.Kind,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            TokenId = actor.TokenId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            EntityLabel = label,
            Changes = changes,
            BatchId = batchId,
        };
}
