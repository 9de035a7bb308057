namespace LeadAgent.Web.Features.Export;

/// <summary>Builds an export URL from a list page's filters, leaving out the empty ones.</summary>
public static class ExportLink
{
    public static string Build(string path, params (string Name, string? Value)[] parameters)
    {
        var q = parameters
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}")
            .ToList();
        return q.Count == 0 ? path : path + "?" + string.Join('&', q);
    }

    /// <summary>The same export as an Excel workbook.</summary>
    public static string Xlsx(string url) => url + (url.Contains('?') ? "&" : "?") + "format=xlsx";
}
