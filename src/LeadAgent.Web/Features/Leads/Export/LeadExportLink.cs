using System.Globalization;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Export;

namespace LeadAgent.Web.Features.Leads.Export;

/// <summary>
/// The export URL of the lead list's filters: the export takes the list's own parameters, so it holds every matching
/// lead, not just the page shown.
/// </summary>
public static class LeadExportLink
{
    public static string For(LeadFilter f) => ExportLink.Build("/api/v1/leads/export", Parameters(f));

    /// <summary>The filter as the list's query parameters (also the lead page's own address).</summary>
    public static (string Name, string? Value)[] Parameters(LeadFilter f)
    {
        var invariant = CultureInfo.InvariantCulture;
        (string, string?)[] parameters =
        [
            ("q", f.Q), ("status", string.Join(',', f.Status ?? [])), ("owner", f.Owner),
            ("classification", string.Join(',', f.Classification ?? [])),
            ("source", string.Join(',', f.Source ?? [])), ("segment", string.Join(',', f.Segment ?? [])),
            ("scoreMin", f.ScoreMin?.ToString(invariant)),
            ("scoreMax", f.ScoreMax?.ToString(invariant)), ("country", f.Country), ("tag", f.Tag),
            ("hasOrders", f.HasOrders?.ToString().ToLowerInvariant()),
            ("lastOrderBefore", f.LastOrderBefore?.ToString("yyyy-MM-dd", invariant)),
            ("importRunId", f.ImportRunId?.ToString()), ("includeArchived", f.IncludeArchived ? "true" : null),
        ];
        var custom = (f.Custom ?? []).SelectMany(c => new (string, string?)[]
        {
            (CustomFieldFilter.Prefix + c.Key, c.Is),
            (CustomFieldFilter.Prefix + c.Key + ".min", c.Min),
            (CustomFieldFilter.Prefix + c.Key + ".max", c.Max),
        });
        return [.. parameters, .. custom];
    }
}
