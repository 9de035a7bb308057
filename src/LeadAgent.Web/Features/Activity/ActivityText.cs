using System.Text.Json;

namespace LeadAgent.Web.Features.Activity;

/// <summary>
/// Turns an activity entry's change JSON into readable lines ("status: New → Contacted"), as plain text.
/// </summary>
public static class ActivityText
{
    // Internal keys and bookkeeping that mean nothing to a reader.
    private static readonly HashSet<string> Hidden =
    [
        "companyId", "primaryContactId", "contactId", "subjectId", "subjectType", "statusChangedAt", "authorId",
        "authorName", "createdById", "id",
    ];

    public static IEnumerable<string> Lines(string? json, IReadOnlyDictionary<string, string> userNames, int max = 12)
    {
        if (string.IsNullOrEmpty(json))
        {
            yield break;
        }
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var p in doc.RootElement.EnumerateObject().Where(p => !Hidden.Contains(p.Name)).Take(max))
        {
            var isChange = p.Value.ValueKind == JsonValueKind.Object;
            var from = isChange && p.Value.TryGetProperty("from", out var f) ? Text(f) : null;
            var to = isChange && p.Value.TryGetProperty("to", out var t) ? Text(t) : Text(p.Value);
            var name = p.Name;
            if (name == "ownerId")
            {
                // People, not user ids.
                name = "owner";
                from = from is null ? null : userNames.GetValueOrDefault(from, from);
                to = userNames.GetValueOrDefault(to, to);
            }
            yield return from is null ? $"{name}: {to}" : $"{name}: {from} → {to}";
        }
    }

    private static string Text(JsonElement e)
    {
        var s = e.ValueKind switch
        {
            JsonValueKind.Null => "—",
            JsonValueKind.String => e.GetString() ?? "",
            JsonValueKind.Array => "[" + string.Join(", ", e.EnumerateArray()
                .Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())) + "]",
            _ => e.GetRawText(),
        };
        return s.Length > 120 ? s[..120] + "…" : s;
    }
}
