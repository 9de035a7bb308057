using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// The legal particulars of § 5 DDG and its equivalents: VAT number, register entry, legal name and form, postal
/// address and directors. On an imprint page they are read from its heading on ("impressum"); elsewhere ("text") a
/// legal name needs a © line or a word of the site's domain, and directors need "Label:".
/// </summary>
internal static class LegalFacts
{
    private static readonly string[] Anchors =
        ["impressum", "imprint", "legal notice", "angaben gemäß", "angaben gem.", "anbieterkennzeichnung",
            "site notice", "company details", "offenlegung", "informationspflicht", "legal information"];

    /// <summary>Adds what is found; returns the country of the address, if one was found.</summary>
    public static string? Extract(Uri url, PageKind kind, string text, IReadOnlyList<string> lines, FactSink sink)
    {
        var imprint = kind == PageKind.Imprint;
        var method = imprint ? "impressum" : "text";
        VatIds.FromText(text, sink, method);
        Registers.FromText(text, sink, method);
        if (kind == PageKind.Other)
        {
            return null;
        }
        var window = imprint ? lines.Skip(AnchorLine(lines)).ToList() : lines;
        LegalName(window, url, imprint, sink, method);
        var hint = CountryOfVat(sink.First(FactFields.VatId)) ?? Countries.RegionOfHost(url.Host);
        var address = AddressParser.Find(window, hint) ?? (imprint ? AddressParser.Find(lines, hint) : null);
        if (address is not null)
        {
            sink.Add(FactFields.Street, address.Street, method);
            sink.Add(FactFields.Postcode, address.Postcode, method);
            sink.Add(FactFields.City, address.City, method);
            sink.Add(FactFields.Country, address.Country, method);
        }
        People.Directors(window, sink, method, strict: !imprint);
        return address?.Country;
    }

    private static int AnchorLine(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length <= 80 && Anchors.Any(a => line.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }
        return 0;
    }

    private static void LegalName(IReadOnlyList<string> lines, Uri url, bool imprint, FactSink sink, string method)
    {
        var label = SiteLabel(url);
        foreach (var line in lines)
        {
            if (line.Length > 300)
            {
                continue;
            }
            var copyright = line.Contains('©', StringComparison.Ordinal)
                || line.Contains("(c)", StringComparison.OrdinalIgnoreCase)
                || line.Contains("copyright", StringComparison.OrdinalIgnoreCase);
            foreach (var segment in line.Split([',', '|', '·', '•', ';'], StringSplitOptions.TrimEntries))
            {
                if (LegalNames.Parse(segment) is not var (name, form)
                    || (!imprint && !copyright && !SharesWord(name, label)))
                {
                    continue;
                }
                sink.Add(FactFields.LegalName, name, method);
                sink.Add(FactFields.LegalForm, form, method);
                return;
            }
        }
    }

    /// <summary>The site's domain without suffix and punctuation ("brandt-messebau.de" → "brandtmessebau").</summary>
    private static string SiteLabel(Uri url)
    {
        var domain = DomainName.Registrable(url.Host) ?? url.Host;
        var dot = domain.IndexOf('.');
        return new string((dot > 0 ? domain[..dot] : domain).Where(char.IsLetterOrDigit).ToArray());
    }

    private static bool SharesWord(string name, string label) =>
        name.ToLowerInvariant().Split([' ', '-', '&', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.Length >= 4 && label.Contains(Ascii(w), StringComparison.Ordinal));

    private static string Ascii(string word) =>
        word.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);

    private static string? CountryOfVat(string? vat) => vat switch
    {
        null => null,
        _ when vat.StartsWith("ATU", StringComparison.Ordinal) => "AT",
        _ when vat.StartsWith("CHE", StringComparison.Ordinal) => "CH",
        _ => vat[..2],
    };
}
