namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Name and description from the page head, in metascraper's order: og:site_name, then application-name, then the
/// title without its page part ("Kontakt | Brandt Messebau" → "Brandt Messebau"); og:description, then description.
/// Also the microdata properties the walk collected.
/// </summary>
internal static class MetaFacts
{
    private static readonly string[] TitleSeparators = [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " // "];

    public static void Add(Uri url, PageKind kind, PageMaterial m, string? description, FactSink sink)
    {
        var site = Value(m, "og:site_name") ?? Value(m, "application-name");
        if (site is not null)
        {
            sink.Add(FactFields.Name, site, "meta");
        }
        else if (NameFromTitle(m.Title, url, kind) is { } fromTitle)
        {
            sink.Add(FactFields.Name, fromTitle, "title");
        }
        sink.Add(FactFields.Description, description, "meta");
    }

    /// <summary>
    /// The site-name part of a title: the part that contains the domain's name, else the first part on the home page
    /// and the last elsewhere ("Impressum – Brandt Messebau"); none from an inner page's one-part title.
    /// </summary>
    public static string? NameFromTitle(string? title, Uri url, PageKind kind)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var parts = title.Split(TitleSeparators,
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return null;
        }
        var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
        var label = new string(host.Split('.')[0].Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        var named = parts.FirstOrDefault(p => Compact(p).Contains(label, StringComparison.Ordinal)
            || (Compact(p).Length >= 4 && label.Contains(Compact(p), StringComparison.Ordinal)));
        // An inner page titled only by itself ("Impressum", "Kontakt") names the page, not the company.
        var name = named ?? (kind == PageKind.Home ? parts[0] : parts.Length > 1 ? parts[^1] : null);
        return name?.Length is > 1 and <= 120 ? name : null;
    }

    public static void Microdata(PageMaterial m, FactSink sink, string? region)
    {
        foreach (var (prop, raw) in m.Microdata)
        {
            var value = PageWalker.Collapse(raw).Trim();
            switch (prop)
            {
                case "telephone":
                    sink.Add(FactFields.Phone, PhoneFinder.Normalize(value.Replace("tel:", "",
                        StringComparison.OrdinalIgnoreCase), region), "microdata");
                    break;
                case "email":
                    sink.Add(FactFields.Email, EmailFinder.Clean(value.Replace("mailto:", "",
                        StringComparison.OrdinalIgnoreCase)), "microdata");
                    break;
                case "vatID":
                    sink.Add(FactFields.VatId, VatIds.Normalize(value), "microdata");
                    break;
                case "legalName":
                    sink.Add(FactFields.LegalName, value, "microdata");
                    break;
                case "streetAddress":
                    sink.Add(FactFields.Street, value, "microdata");
                    break;
                case "postalCode":
                    sink.Add(FactFields.Postcode, value, "microdata");
                    break;
                case "addressLocality":
                    sink.Add(FactFields.City, value, "microdata");
                    break;
                case "addressCountry":
                    sink.Add(FactFields.Country, Countries.Code(value), "microdata");
                    break;
            }
        }
    }

    private static string? Value(PageMaterial m, string key) =>
        m.Meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string Compact(string s) => new string(s.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
