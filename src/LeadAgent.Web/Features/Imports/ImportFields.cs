using System.Security.Cryptography;
using System.Text;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// A field an import can fill; <see cref="Aliases"/> are header spellings mapped to it automatically.
/// </summary>
public sealed record ImportField(string Name, string Label, bool Required = false, params string[] Aliases);

/// <summary>
/// The fields of each import kind. The names are the export's column headers, so exports re-import as they are.
/// </summary>
public static class ImportFields
{
    private static readonly ImportField[] CompanyFields =
    [
        new("name", "Company name", true,
            "company", "company name", "firma", "organisation", "organization", "account", "account name"),
        new("legal_name", "Legal name", false, "legal name", "registered name"),
        new("website", "Website", false, "url", "web", "homepage", "site", "domain"),
        new("country", "Country (ISO code)", false, "country code", "land"),
        new("city", "City", false, "town", "ort", "stadt"),
        new("segment", "Segment", false, "customer segment", "type"),
        new("industry", "Industry", false, "sector", "branche"),
        new("size_band", "Size band", false, "size", "company size", "employees"),
        new("phone", "Phone", false, "telephone", "tel", "main phone", "telefon"),
        new("vat_id", "VAT / register id", false,
            "vat", "vat number", "ust-id", "ustid", "registration", "register number", "trn"),
        new("tags", "Tags (separated by ;)", false, "labels"),
        new("external_id", "External id", false, "id", "external id", "crm id"),
    ];

    private static readonly ImportField[] ContactFields =
    [
        new("first_name", "First name", true,
            "first", "firstname", "given name", "vorname", "name", "full name", "contact", "contact name"),
        new("last_name", "Last name", false, "last", "lastname", "surname", "family name", "nachname"),
        new("role", "Role / job title", false, "title", "job title", "position"),
        new("email", "E-mail", false, "e-mail", "mail", "email address", "e-mail address"),
        new("phone", "Phone", false, "telephone", "tel", "mobile", "telefon", "handy"),
        new("whatsapp", "WhatsApp", false),
        new("instagram", "Instagram", false),
        new("facebook", "Facebook", false),
        new("linkedin", "LinkedIn", false),
        new("company_name", "Company name", false, "company", "organisation", "organization", "firma", "account"),
        new("company_domain", "Company website", false, "company website", "website", "domain", "url"),
        new("company_country", "Company country", false, "country"),
        new("tags", "Tags (separated by ;)", false, "labels"),
        new("external_id", "External id", false, "id", "external id", "crm id"),
    ];

    private static readonly ImportField[] LeadFields =
    [
        new("title", "Lead title", false, "lead", "opportunity", "deal", "deal name", "subject"),
        new("status", "Status", false, "stage", "pipeline stage"),
        new("owner_email", "Owner e-mail", false, "owner", "assigned to", "sales rep"),
        new("source", "Source", false, "lead source"),
        // Recognised so an old CRM's columns are not kept as custom fields, but not imported: the brain scores.
        new("score", "Score (computed by LeadAgent; not imported)", false),
        new("classification", "Classification (computed; not imported)", false, "temperature", "rating"),
        new("expected_value", "Expected value", false, "value", "amount", "deal value", "budget", "wert", "betrag"),
        new("currency", "Currency", false),
        new("next_action_on", "Next action date", false, "next action", "follow up", "follow-up", "due"),
        new("created_on", "Created on", false, "created", "create date", "created date", "date created", "erstellt"),
        new("closed_on", "Closed on (won or lost)", false,
            "close date", "closed date", "closing date", "date closed", "abgeschlossen"),
        new("tags", "Tags (separated by ;)", false, "labels"),
        new("company_name", "Company name", true,
            "company", "organisation", "organization", "firma", "account", "account name"),
        new("company_domain", "Company website", false, "website", "domain", "url", "company website"),
        new("company_country", "Company country", false, "country", "land"),
        new("company_city", "Company city", false, "city"),
        new("company_segment", "Company segment", false, "segment"),
        new("contact_first_name", "Contact first name", false,
            "first name", "firstname", "vorname", "contact", "contact name", "name"),
        new("contact_last_name", "Contact last name", false, "last name", "lastname", "surname", "nachname"),
        new("contact_email", "Contact e-mail", false, "email", "e-mail", "mail"),
        new("contact_phone", "Contact phone", false, "phone", "telephone", "tel", "mobile", "telefon"),
        new("external_id", "External id", false, "id", "external id", "crm id"),
    ];

    private static readonly ImportField[] OrderFields =
    [
        new("number", "Order number", true, "order", "order number", "order no", "order #", "invoice", "belegnummer"),
        new("ordered_on", "Order date", true, "date", "order date", "datum"),
        new("status", "Status", false, "order status"),
        new("currency", "Currency", false),
        new("total", "Total", false, "amount", "order total", "net", "sum", "betrag"),
        new("company_name", "Client company name", false, "company", "client", "customer", "kunde", "account"),
        new("company_domain", "Client website", false, "website", "domain", "url"),
        new("product", "Product", false, "item", "article", "sku", "artikel"),
        new("category", "Category", false, "product category", "kategorie"),
        new("quantity", "Quantity", false, "qty", "menge", "units"),
        new("unit_price", "Unit price", false, "price", "preis"),
        new("external_id", "External id", false, "id", "external id", "erp id"),
    ];

    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.Companies => CompanyFields,
        ImportKind.Contacts => ContactFields,
        ImportKind.Leads => LeadFields,
        ImportKind.Orders => OrderFields,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The match keys that make sense for a kind, the default first.</summary>
    public static IReadOnlyList<MatchKey> MatchKeys(ImportKind kind) => kind switch
    {
        ImportKind.Companies => [MatchKey.Domain, MatchKey.Phone, MatchKey.ExternalId],
        ImportKind.Contacts => [MatchKey.Email, MatchKey.Phone, MatchKey.ExternalId],
        ImportKind.Leads => [MatchKey.Domain, MatchKey.Email, MatchKey.Phone, MatchKey.ExternalId],
        _ => [MatchKey.Domain, MatchKey.ExternalId],
    };

    /// <summary>
    /// Maps headers to fields: exact field names first, then aliases and other CRMs' headers
    /// (<see cref="ImportSynonyms"/>), the earlier spelling winning; each field and column used once.
    /// </summary>
    public static Dictionary<string, int> AutoMap(ImportKind kind, IReadOnlyList<string> headers,
        IReadOnlyList<ImportField>? fields = null)
    {
        fields ??= For(kind);
        // The first column of each spelling: one pass over the headers, however many there are.
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            columns.TryAdd(Simplify(headers[i]), i);
        }
        var map = new Dictionary<string, int>();
        var used = new HashSet<int>();
        foreach (var pass in new[] { 0, 1 })
        {
            foreach (var f in fields)
            {
                if (map.ContainsKey(f.Name))
                {
                    continue;
                }
                IEnumerable<string> names = pass == 0
                    ? [f.Name, f.Label]
                    : f.Aliases.Concat(ImportSynonyms.Headers(kind, f.Name));
                foreach (var name in names)
                {
                    if (columns.TryGetValue(Simplify(name), out var index) && used.Add(index))
                    {
                        map[f.Name] = index;
                        break;
                    }
                }
            }
        }
        return map;
    }

    /// <summary>A first row is a header when some of its cells name known fields, or none looks like data.</summary>
    public static bool LooksLikeHeader(ImportKind kind, string[] first)
    {
        if (first.Length == 0)
        {
            return false;
        }
        if (AutoMap(kind, first).Count > 0)
        {
            return true;
        }
        return first.All(v => !string.IsNullOrWhiteSpace(v) && !v.Contains('@', StringComparison.Ordinal)
            && !v.Any(char.IsDigit) && v.Length <= 60);
    }

    /// <summary>Identifies a header layout so its mapping can be remembered.</summary>
    public static string HeaderKey(IEnumerable<string> headers) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', headers.Select(Simplify)))));

    private static string Simplify(string s) =>
        new(s.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
