using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LeadAgent.Web.Features.Activity;

/// <summary>
/// Turns tracked changes of <see cref="IAudited"/> records into activity entries just before they are saved,
/// so the log is written in the same transaction as the change.
/// </summary>
internal static class ActivityCapture
{
    // Bookkeeping and derived order statistics are not changes anybody made.
    private static readonly HashSet<string> Ignored =
    [
        nameof(Entity.Version), nameof(Entity.UpdatedAt), nameof(Entity.CreatedAt), nameof(Entity.Id),
        "OrderCount", "FirstOrderOn", "LastOrderOn", "OrderTotal", "NameKey", "ImportRunId",
    ];

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
                EntityState.Modified => (ActionFor(entry, "updated"), Diff(entry)?.ToJsonString()),
                _ => (null, null),
            };
            if (action is null || (entry.State == EntityState.Modified && changes is null))
            {
                continue;
            }

            // A child (note, identity) is filed under its parent: the parent's name is filled in by the context.
            var label = entry.Metadata.ClrType.Name == audited.AuditType ? Truncate(audited.AuditLabel, 200) : null;
            entries.Add(ActivityEntry.By(
                actor, now, action, audited.AuditType, audited.AuditId, label, changes, batchId));
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
        if (verb == "created" && entry.Entity is INamedCreation { CreatedAction: { } named })
        {
            return named;
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
            if (p.OriginalValue is IEnumerable<string> a && p.CurrentValue is IEnumerable<string> b
                && a.SequenceEqual(b))
            {
                continue;
            }
            obj[Camel(p.Metadata.Name)] = new JsonObject
            {
                ["from"] = ToNode(p.OriginalValue),
                ["to"] = ToNode(p.CurrentValue),
            };
        }
        return obj.Count == 0 ? null : obj;
    }

    // Written straight to JSON: imports snapshot tens of thousands of new records per batch.
    private static string Snapshot(EntityEntry entry, bool added)
    {
        var values = added ? entry.CurrentValues : entry.OriginalValues;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var p in entry.Metadata.GetProperties())
            {
                var value = values[p];
                if (Ignored.Contains(p.Name) || value is null || (value is string s && s.Length == 0))
                {
                    continue;
                }
                json.WritePropertyName(Camel(p.Name));
                json.WriteStartObject();
                json.WritePropertyName(added ? "to" : "from");
                WriteValue(json, value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The same representation as ToNode.
    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string s: json.WriteStringValue(s); break;
            case DateTime d: json.WriteStringValue(d.ToString("O")); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case Guid g: json.WriteStringValue(g); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case decimal m: json.WriteNumberValue(m); break;
            default: JsonSerializer.Serialize(json, value, value.GetType()); break;
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTime d => JsonValue.Create(d.ToString("O")),
        Enum e => JsonValue.Create(e.ToString()),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static readonly ConcurrentDictionary<string, string> CamelNames = new(), KebabNames = new();

    private static string Camel(string name) => CamelNames.GetOrAdd(name, n => char.ToLowerInvariant(n[0]) + n[1..]);

    private static string Kebab(string name) => KebabNames.GetOrAdd(name, n =>
        string.Concat(n.Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    internal static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
