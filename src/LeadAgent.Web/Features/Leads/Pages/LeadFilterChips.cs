using System.Globalization;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Ui.Shared;

namespace LeadAgent.Web.Features.Leads.Pages;

/// <summary>
/// The lead list's applied filter as chips, and the filter without one of them. Keys are the address's parameter
/// names ("score" stands for scoreMin and scoreMax, "cf" for all custom field conditions).
/// </summary>
public static class LeadFilterChips
{
    /// <summary>The chips of a filter; <paramref name="ownerName"/> names an owner by id.</summary>
    public static List<FilterChip> For(LeadFilter f, Func<string, string?> ownerName, string? importName = null,
        Func<string, string?>? fieldLabel = null)
    {
        var chips = new List<FilterChip>();
        void Add(string key, string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                chips.Add(new FilterChip(key, $"{label}: {value}"));
            }
        }
        Add("q", "Search", f.Q is { } q ? $"“{q}”" : null);
        Add("status", "Status", List(f.Status));
        Add("owner", "Owner", f.Owner switch
        {
            null => null,
            "me" => "me",
            "none" => "unassigned",
            var id => ownerName(id) ?? id,
        });
        Add("classification", "Class", List(f.Classification));
        Add("source", "Source", List(f.Source));
        Add("segment", "Segment", f.Segment is { Count: > 0 } s
            ? string.Join(", ", s.Select(x => SegmentLabels.Of(x) ?? "Unknown")) : null);
        Add("score", "Score", Range(f.ScoreMin?.ToString(CultureInfo.InvariantCulture),
            f.ScoreMax?.ToString(CultureInfo.InvariantCulture)));
        Add("country", "Country", f.Country);
        Add("tag", "Tag", f.Tag);
        Add("hasOrders", "Orders", f.HasOrders switch { true => "has ordered", false => "never ordered", _ => null });
        Add("lastOrderBefore", "Last order before",
            f.LastOrderBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("importRunId", "Import", f.ImportRunId is { } run ? importName ?? run.ToString() : null);
        foreach (var c in f.Custom ?? [])
        {
            Add("cf." + c.Key, fieldLabel?.Invoke(c.Key) ?? c.Key, c.Is ?? Range(c.Min, c.Max));
        }
        if (f.IncludeArchived)
        {
            chips.Add(new FilterChip("includeArchived", "Archived included"));
        }
        return chips;
    }

    /// <summary>The filter without the chip of this key.</summary>
    public static LeadFilter Without(LeadFilter f, string key) => key switch
    {
        "q" => f with { Q = null },
        "status" => f with { Status = null },
        "owner" => f with { Owner = null },
        "classification" => f with { Classification = null },
        "source" => f with { Source = null },
        "segment" => f with { Segment = null },
        "score" => f with { ScoreMin = null, ScoreMax = null },
        "country" => f with { Country = null },
        "tag" => f with { Tag = null },
        "hasOrders" => f with { HasOrders = null },
        "lastOrderBefore" => f with { LastOrderBefore = null },
        "importRunId" => f with { ImportRunId = null },
        "includeArchived" => f with { IncludeArchived = false },
        _ when key.StartsWith("cf.", StringComparison.Ordinal) => f with
        {
            Custom = f.Custom?.Where(c => "cf." + c.Key != key).ToList() is { Count: > 0 } rest ? rest : null,
        },
        _ => f,
    };

    /// <summary>Everything the chips show removed; what the list is scoped to (company, contact, list) stays.</summary>
    public static LeadFilter Cleared(LeadFilter f) =>
        new() { CompanyId = f.CompanyId, ContactId = f.ContactId, ListId = f.ListId };

    private static string? Range(string? min, string? max) => (min, max) switch
    {
        ({ } a, { } b) => $"{a}–{b}",
        ({ } a, null) => $"≥ {a}",
        (null, { } b) => $"≤ {b}",
        _ => null,
    };

    private static string? List<T>(List<T>? values) where T : struct, Enum =>
        values is { Count: > 0 } ? string.Join(", ", values) : null;
}
