using System.Globalization;
using System.Text.Json;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Facts from schema.org JSON-LD: organisations (Organization, Corporation, LocalBusiness and its subtypes, anything
/// typed …Business, …Service, …Store, …Agency) at the top level, in arrays and @graph, and as the publisher, provider,
/// organizer, mainEntity or about of another node. A brand or parent organisation counts only when nothing else
/// does, since it is usually another company. People with a job title become "Name — Role".
/// </summary>
internal static class JsonLdFacts
{
    private const string Method = "json-ld";
    private const int MaxDepth = 12, MaxNodes = 40;

    private static readonly string[] Primary = ["publisher", "provider", "organizer", "mainEntity", "about", "seller"];
    private static readonly string[] Secondary = ["brand", "parentOrganization", "subOrganization", "memberOf"];
    private static readonly string[] PeopleProps = ["employee", "employees", "founder", "founders", "member"];

    /// <summary>Adds the facts of every organisation found; returns the address country of the first, if any.</summary>
    public static string? Extract(IReadOnlyList<JsonElement> roots, FactSink sink, string? region)
    {
        var primary = new List<JsonElement>();
        var secondary = new List<JsonElement>();
        var people = new List<JsonElement>();
        foreach (var root in roots)
        {
            Collect(root, 0, false, primary, secondary, people);
        }
        var orgs = primary.Count > 0 ? primary : secondary;
        string? country = null;
        foreach (var org in orgs.Take(MaxNodes))
        {
            var found = Organization(org, sink, region);
            country ??= found;
        }
        foreach (var person in people.Take(MaxNodes))
        {
            if (Text(person, "name") is { } name && Text(person, "jobTitle") is { } role
                && People.PersonName(name) is { } clean)
            {
                sink.Add(FactFields.Person, $"{clean} — {role}", Method);
            }
        }
        return country;
    }

    private static void Collect(JsonElement e, int depth, bool isSecondary, List<JsonElement> primary,
        List<JsonElement> secondary, List<JsonElement> people)
    {
        if (depth > MaxDepth || primary.Count + secondary.Count + people.Count > MaxNodes * 3)
        {
            return;
        }
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Collect(item, depth + 1, isSecondary, primary, secondary, people);
            }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var types = Types(e);
        if (types.Any(IsOrganization))
        {
            (isSecondary ? secondary : primary).Add(e);
        }
        else if (types.Contains("Person"))
        {
            people.Add(e);
        }
        if (e.TryGetProperty("@graph", out var graph))
        {
            Collect(graph, depth + 1, isSecondary, primary, secondary, people);
        }
        foreach (var p in Primary)
        {
            if (e.TryGetProperty(p, out var v))
            {
                Collect(v, depth + 1, isSecondary, primary, secondary, people);
            }
        }
        foreach (var p in Secondary)
        {
            if (e.TryGetProperty(p, out var v))
            {
                Collect(v, depth + 1, true, primary, secondary, people);
            }
        }
        foreach (var p in PeopleProps)
        {
            if (e.TryGetProperty(p, out var v))
            {
                Collect(v, depth + 1, true, [], [], people);
            }
        }
    }

    private static string? Organization(JsonElement org, FactSink sink, string? region)
    {
        var name = Text(org, "name");
        sink.Add(FactFields.Name, name, Method);
        var legal = Text(org, "legalName") ?? (LegalNames.FormOf(name) is not null ? name : null);
        if (legal is not null)
        {
            sink.Add(FactFields.LegalName, legal, Method);
            sink.Add(FactFields.LegalForm, LegalNames.FormOf(legal), Method);
        }
        sink.Add(FactFields.Description, Text(org, "description"), Method);
        sink.Add(FactFields.VatId, VatIds.Normalize(Text(org, "vatID") ?? Text(org, "taxID")), Method);
        var country = Address(org, sink);
        var phoneRegion = region ?? country;
        var points = org.TryGetProperty("contactPoint", out var cp) ? All(cp).ToList() : [];
        foreach (var holder in points.Prepend(org))
        {
            foreach (var phone in Texts(holder, "telephone"))
            {
                sink.Add(FactFields.Phone, PhoneFinder.Normalize(phone, phoneRegion), Method);
            }
            foreach (var email in Texts(holder, "email"))
            {
                var address = email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? email[7..] : email;
                sink.Add(FactFields.Email, EmailFinder.Clean(address), Method);
            }
        }
        foreach (var link in Texts(org, "sameAs"))
        {
            sink.Add(FactFields.Social, SocialLinks.Canonical(link), Method);
        }
        if (org.TryGetProperty("numberOfEmployees", out var staff))
        {
            var value = staff.ValueKind == JsonValueKind.Object
                ? Text(staff, "value") ?? Text(staff, "minValue") : Scalar(staff);
            if (value is not null && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture,
                    out var n) && n is > 0 and < 10_000_000)
            {
                sink.Add(FactFields.Employees, ((long)n).ToString(CultureInfo.InvariantCulture), Method);
            }
        }
        return country;
    }

    private static string? Address(JsonElement org, FactSink sink)
    {
        if (!org.TryGetProperty("address", out var address))
        {
            return null;
        }
        address = All(address).FirstOrDefault();
        if (address.ValueKind == JsonValueKind.String)
        {
            var lines = address.GetString()!.Split(['\n', ',']);
            if (AddressParser.Find(lines, null) is { } parsed)
            {
                sink.Add(FactFields.Street, parsed.Street, Method);
                sink.Add(FactFields.Postcode, parsed.Postcode, Method);
                sink.Add(FactFields.City, parsed.City, Method);
                sink.Add(FactFields.Country, parsed.Country, Method);
                return parsed.Country;
            }
            return null;
        }
        if (address.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var country = Countries.Code(Text(address, "addressCountry"));
        sink.Add(FactFields.Street, Text(address, "streetAddress"), Method);
        sink.Add(FactFields.Postcode, Text(address, "postalCode"), Method);
        sink.Add(FactFields.City, Text(address, "addressLocality"), Method);
        sink.Add(FactFields.Country, country, Method);
        return country;
    }

    private static IEnumerable<string> Types(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type))
        {
            yield break;
        }
        foreach (var t in All(type))
        {
            if (t.ValueKind == JsonValueKind.String && t.GetString() is { } s)
            {
                yield return s[(Math.Max(s.LastIndexOf('/'), s.LastIndexOf(':')) + 1)..];
            }
        }
    }

    private static bool IsOrganization(string type) =>
        type is "Organization" or "Corporation" or "LocalBusiness" or "NGO" or "OnlineStore"
        || type.EndsWith("Business", StringComparison.Ordinal) || type.EndsWith("Service", StringComparison.Ordinal)
        || type.EndsWith("Store", StringComparison.Ordinal) || type.EndsWith("Agency", StringComparison.Ordinal)
        || type.EndsWith("Organization", StringComparison.Ordinal)
        || type.EndsWith("Establishment", StringComparison.Ordinal)
        || type is "Restaurant" or "Hotel" or "Dentist" or "Attorney" or "Notary" or "AccountingService";

    private static IEnumerable<JsonElement> All(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [e];

    private static IEnumerable<string> Texts(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v)
            ? All(v).Select(x => x.ValueKind == JsonValueKind.Object
                    ? Text(x, "url") ?? Text(x, "name") ?? Text(x, "@value") : Scalar(x))
                .Where(x => x is not null).Select(x => x!).Take(20)
            : [];

    /// <summary>A property as text: a string or number, an object's name or @value, an array's first.</summary>
    private static string? Text(JsonElement e, string property)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(property, out var v))
        {
            return null;
        }
        v = All(v).FirstOrDefault();
        return v.ValueKind == JsonValueKind.Object ? Text(v, "name") ?? Text(v, "@value") : Scalar(v);
    }

    private static string? Scalar(JsonElement v)
    {
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : PageWalker.Collapse(s.Length > 2_000 ? s[..2_000] : s);
    }
}
