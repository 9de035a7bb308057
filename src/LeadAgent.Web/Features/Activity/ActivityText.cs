using System.Globalization;
using System.Text.Json;

namespace LeadAgent.Web.Features.Activity;

/// <summary>
/// Turns an activity entry's change JSON into readable lines ("Status: New → Contacted", "Expected value: 14,000"),
/// as plain text: field names as labels, people instead of user ids, numbers with separators, lists without brackets,
/// and nothing for values a new record simply does not have.
/// </summary>
public static class ActivityText
{
    // Internal keys and bookkeeping that mean nothing to a reader.
    private static readonly HashSet<string> Hidden =
    [
        "companyId", "primaryContactId", "contactId", "subjectId", "subjectType", "statusChangedAt", "authorId",
        "authorName", "createdById", "id", "nameKey", "version",
    ];

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["ownerId"] = "Owner",
        ["nextActionOn"] = "Next action",
        ["body"] = "Text",
        ["occurredAt"] = "When",
        ["customFields"] = "Custom fields",
        ["kind"] = "Kind",
        ["website"] = "Website",
        ["vatId"] = "VAT id",
    };

    public static IEnumerable<string> Lines(string? json, IReadOnlyDictionary<string, string> userNames, int max = 12,
        string? skip = null)
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
        var shown = 0;
        foreach (var p in doc.RootElement.EnumerateObject().Where(p => !Hidden.Contains(p.Name) && p.Name != skip))
        {
            // An update carries both "from" and "to"; a creation snapshot only "to", a deletion only "from".
            var isObject = p.Value.ValueKind == JsonValueKind.Object;
            var hasFrom = isObject && p.Value.TryGetProperty("from", out _);
            var hasTo = isObject && p.Value.TryGetProperty("to", out _);
            var isChange = hasFrom && hasTo;
            var from = isChange ? Text(p.Value.GetProperty("from")) : null;
            var to = hasTo ? Text(p.Value.GetProperty("to"))
                : hasFrom ? Text(p.Value.GetProperty("from"))
                : Text(p.Value);
            if (p.Name == "ownerId")
            {
                // People, not user ids.
                from = from is null ? null : userNames.GetValueOrDefault(from, from);
                to = to is null ? null : userNames.GetValueOrDefault(to, to);
            }
            if ((from is null && to is null) || (p.Name == "kind" && !isChange && to == "Note"))
            {
                continue; // a value the record never had (or a plain note being a note): nothing to say
            }
            if (++shown > max)
            {
                yield break;
            }
            var label = Label(p.Name);
            yield return isChange ? $"{label}: {from ?? "—"} → {to ?? "—"}" : $"{label}: {to}";
        }
    }

    /// <summary>A note's text as it is now (edited, or as written), for the timeline to render as Markdown.</summary>
    public static string? Body(string? json)
    {
        if (string.IsNullOrEmpty(json) || !json.Contains("\"body\"", StringComparison.Ordinal))
        {
            return null;
        }
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("body", out var b))
        {
            return null;
        }
        var value = b.ValueKind != JsonValueKind.Object ? b
            : b.TryGetProperty("to", out var to) ? to : b.TryGetProperty("from", out var from) ? from : default;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>People by the name they go by now, not the e-mail the entry was written with.</summary>
    public static string Actor(ActivityDto e, IReadOnlyDictionary<string, string> userNames) =>
        e.ActorId is { } id && userNames.TryGetValue(id, out var name) ? name : e.ActorName;

    /// <summary>"expectedValue" → "Expected value".</summary>
    public static string Label(string field)
    {
        if (Labels.TryGetValue(field, out var known))
        {
            return known;
        }
        var words = new System.Text.StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }

    // Null for "nothing": null, blank text, an empty list or object.
    private static string? Text(JsonElement e)
    {
        var s = e.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String when e.TryGetDateTime(out var at) && e.GetString()!.Contains('T') =>
                at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString(),
            JsonValueKind.Array => e.GetArrayLength() == 0 ? null : string.Join(", ", e.EnumerateArray()
                .Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())),
            JsonValueKind.Object => e.EnumerateObject().Any()
                ? string.Join(", ", e.EnumerateObject().Select(x => $"{x.Name}: {Text(x.Value)}")) : null,
            JsonValueKind.Number => e.TryGetDecimal(out var d)
                ? d.ToString(d == decimal.Truncate(d) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture)
                : e.GetRawText(),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            _ => e.GetRawText(),
        };
        return s is { Length: > 120 } ? s[..120] + "…" : s;
    }
}
