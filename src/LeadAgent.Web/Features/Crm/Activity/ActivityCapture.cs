using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LeadAgent.Web.Features.Crm.Activity;

/// <summary>
/// Turns tracked changes of <see cref="IAudited"/> records into activity entries just before they are saved,
/// so the log is written in the same transaction as the change.
/// </summary>
internal static class ActivityCapture
{
    // Bookkeeping and derived order statistics are not changes anybody made.
    private static readonly HashSet<string> Ignored =
        [nameof(Entity.Version), nameof(Entity.UpdatedAt), nameof(Entity.CreatedAt), nameof(Entity.Id), "OrderCount", "FirstOrderOn", "LastOrderOn", "OrderTotal", "NameKey"];

    public static List<ActivityEntry> Capture(ChangeTracker tracker, Actor actor, DateTime now, Guid? batchId)
    {
        var entries = new List<ActivityEntry>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.Entity is not IAudited audited)
            {
                continue;
            }

            var (action, changes) = entry.State switch
            {
                EntityState.Added => (ActionFor(entry, "created"), Snapshot(entry, added: true)),
                EntityState.Deleted => (ActionFor(entry, "deleted"), Snapshot(entry, added: false)),
                EntityState.Modified => (ActionFor(entry, "updated"), Diff(entry)),
                _ => (null, null),
            };
            if (action is null || (entry.State == EntityState.Modified && changes is null))
            {
                continue;
            }

            entries.Add(new ActivityEntry
            {
                OccurredAt = now,
                ActorKind = actor.Kind,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                TokenId = actor.TokenId,
                Action = action,
                EntityType = audited.AuditType,
                EntityId = audited.AuditId,
                // A child (note, identity) is filed under its parent: the parent's name is filled in by the context.
                EntityLabel = entry.Metadata.ClrType.Name == audited.AuditType ? Truncate(audited.AuditLabel, 200) : null,
                Changes = changes?.ToJsonString(),
                BatchId = batchId,
            });
        }
        return entries;
    }

    // A child record (note, identity, list membership) is logged on its parent's timeline with a prefixed action.
    private static string ActionFor(EntityEntry entry, string verb)
    {
        var audited = (IAudited)entry.Entity;
        var own = entry.Metadata.ClrType.Name;
        if (own == audited.AuditType)
        {
            if (verb == "updated" && entry.Properties.Any(p => p.Metadata.Name == "ArchivedAt" && p.IsModified))
            {
                return entry.Property("ArchivedAt").CurrentValue is null ? "restored" : "archived";
            }
            return verb;
        }
        return $"{Kebab(own)}-{verb switch { "created" => "added", "deleted" => "removed", _ => verb }}";
    }

    private static JsonObject? Diff(EntityEntry entry)
    {
        var obj = new JsonObject();
        foreach (var p in entry.Properties)
        {
            if (!p.IsModified || Ignored.Contains(p.Metadata.Name) || Equals(p.OriginalValue, p.CurrentValue))
            {
                continue;
            }
            if (p.OriginalValue is IEnumerable<string> a && p.CurrentValue is IEnumerable<string> b && a.SequenceEqual(b))
            {
                continue;
            }
            obj[Camel(p.Metadata.Name)] = new JsonObject { ["from"] = ToNode(p.OriginalValue), ["to"] = ToNode(p.CurrentValue) };
        }
        return obj.Count == 0 ? null : obj;
    }

    private static JsonObject Snapshot(EntityEntry entry, bool added)
    {
        var obj = new JsonObject();
        foreach (var p in entry.Properties)
        {
            var value = added ? p.CurrentValue : p.OriginalValue;
            if (Ignored.Contains(p.Metadata.Name) || value is null || (value is string s && s.Length == 0))
            {
                continue;
            }
            obj[Camel(p.Metadata.Name)] = added
                ? new JsonObject { ["to"] = ToNode(value) }
                : new JsonObject { ["from"] = ToNode(value) };
        }
        return obj;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTime d => JsonValue.Create(d.ToString("O")),
        Enum e => JsonValue.Create(e.ToString()),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    internal static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
